import type { AuditEvent } from '../api/regie-api.models';

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
  const action = /^action-(0|\d\.\d)$/.exec(stream);
  if (action) return `/acties/${action[1]}`;
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
