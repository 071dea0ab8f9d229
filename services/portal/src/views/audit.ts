import { actionCodeOf } from '@regie/es-core';
import type { AuditEvent, Verification } from '../api/regie-api.models';
import { formatQuarter } from './format';
import { MEETING_KIND_LABEL } from './labels';

const ID_FIELD = /(^id$|Id$|^sequence$|^index$)/;

/**
 * The gist of an event's data in one line for the timeline: its short text and number fields
 * (ids and nested objects left out; the full data is one click away), cut at `max` characters.
 */
export function eventSummary(event: Pick<AuditEvent, 'data'>, max = 160): string {
  if (!event.data || typeof event.data !== 'object') return '';
  const parts = Object.entries(event.data as Record<string, unknown>)
    .filter(([key, value]) => !ID_FIELD.test(key) && (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'))
    .map(([key, value]) => `${key}: ${String(value)}`);
  const line = parts.join(' · ');
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** The API's `asOf` is at most the moment given: one millisecond earlier shows the state just before an event. */
export const justBefore = (occurredAt: string): string => new Date(Date.parse(occurredAt) - 1).toISOString();

/** Streams whose page can be shown as of a past moment (their read models support `asOf`). */
export const timeTravels = (path: string): boolean => /^\/(acties\/|overleggen\/|toezeggingen\/|voortgangsrapportage\?)/.test(path);

/** Where a stream's thing lives in the portal, if it has a page: `action-2.1` → `/acties/2.1`. */
export function pageOfStream(stream: string): string | undefined {
  const action = /^action-((?:[a-z0-9-]+:)?(?:0|\d+\.\d+))$/.exec(stream);
  if (action) return `/acties/${encodeURIComponent(action[1])}`;
  const uuid = '([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})';
  const meeting = new RegExp(`^meeting-${uuid}$`).exec(stream);
  if (meeting) return `/overleggen/${meeting[1]}`;
  const commitment = new RegExp(`^commitment-${uuid}$`).exec(stream);
  if (commitment) return `/toezeggingen/${commitment[1]}`;
  const projection = /^projection-(\d{4}-Q[1-4])$/.exec(stream);
  if (projection) return `/voortgangsrapportage?kwartaal=${projection[1]}`;
  return undefined;
}

/** The screens an auditor can open as they were on a past moment. */
export const PAST_SCREENS: Record<string, [string, string]> = {
  werkagenda: ['Werkagenda', '/werkagenda'],
  mijlpalen: ['Mijlpalen', '/mijlpalen'],
  overleggen: ['Overleggen', '/overleggen'],
  toezeggingen: ['Toezeggingen', '/toezeggingen'],
  voortgangsrapportage: ['Kwartaalprojectie', '/voortgangsrapportage'],
};

/**
 * What a stream is about, in words: "Actie 2.1", "Mijlpaal van actie 2.1", "Kwartaalprojectie 4e
 * kwartaal 2026" — never the stream id. `data` (any event of the stream) adds what the id does not say.
 */
export function subjectLabel(stream: string, data?: unknown): string {
  const d = (data && typeof data === 'object' ? data : {}) as Record<string, unknown>;
  const of = (what: string) => (typeof d.actionCode === 'string' ? `${what} van actie ${actionCodeOf(d.actionCode)}` : what);
  const action = /^action-(.+)$/.exec(stream);
  if (action) return `Actie ${actionCodeOf(action[1])}`;
  const projection = /^projection-(\d{4}-Q[1-4])$/.exec(stream);
  if (projection) return `Kwartaalprojectie ${formatQuarter(projection[1])}`;
  const kind = typeof d.kind === 'string' ? MEETING_KIND_LABEL[d.kind as keyof typeof MEETING_KIND_LABEL] : undefined;
  if (stream.startsWith('meeting-series-')) return kind ? `Overlegvorm ${kind}` : 'Overlegvorm';
  if (stream.startsWith('meeting-')) return kind ?? 'Overleg';
  if (stream.startsWith('milestone-')) return of('Mijlpaal');
  if (stream.startsWith('knelpunt-')) return of('Knelpunt');
  if (stream.startsWith('commitment-')) return 'Toezegging';
  if (stream.startsWith('indicator-')) return typeof d.title === 'string' ? `Indicator ${d.title}` : 'Indicator';
  if (stream.startsWith('werkagenda-')) return 'Werkagenda';
  if (stream.startsWith('personal-data-')) return 'Persoonsgegevens';
  if (stream.startsWith('person-')) return 'Persoon';
  if (stream.startsWith('account-')) return 'Account';
  return 'Overig onderwerp';
}

type ProblemKind = Verification['problems'][number]['kind'];

/** What a broken link in the chain means, for the auditor (the technical detail stays one click away). */
export const CHAIN_PROBLEM_LABEL: Record<ProblemKind, string> = {
  gap: 'Er ontbreekt een gebeurtenis: de keten springt over deze positie heen.',
  'hash-mismatch': 'Deze gebeurtenis is na het vastleggen gewijzigd of verplaatst.',
  'seal-mismatch': 'Het zegel van deze gebeurtenis klopt niet: ze is gewijzigd nadat ze verzegeld werd.',
  'seal-missing': 'Deze gebeurtenis heeft geen zegel meer, terwijl latere gebeurtenissen er wel een hebben.',
  'head-mismatch': 'De kop van de keten past niet bij de laatste gebeurtenis.',
  'checkpoint-mismatch': 'Een ijkpunt van de keten wijkt af van de gebeurtenissen.',
  'checkpoint-forged': 'Een ijkpunt van de keten is niet met de ketensleutel ondertekend.',
  'anchor-mismatch': 'De keten past niet bij het anker dat buiten Regie is bewaard.',
  truncated: 'Aan het eind van de keten zijn gebeurtenissen verwijderd.',
};
