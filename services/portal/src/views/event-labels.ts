// The one table of Dutch words for what the history records. Type-only imports: the portal calls the
// API and never loads the contexts' code; the compiler uses their event unions so that a new event
// type or field fails `npm run typecheck` here until it has a Dutch label.
import type { ActionsDomainEvent } from '@regie/actions';
import type { CommitmentsDomainEvent } from '@regie/commitments';
import type { MeetingsDomainEvent } from '@regie/meetings';
import type { MonitoringDomainEvent } from '@regie/monitoring';
import { dutchDate, isCalendarDate, isQuarter, quarterLabel } from '@regie/calendar';
import { actionCodeOf } from '@regie/es-core';
import { formatDateTime, formatMonth } from './format';
import { AGENDA_SOURCE_LABEL, LEVEL_LABEL, MEETING_KIND_LABEL } from './labels';
import { REGION_STATUS_LABEL } from './werkagenda';

type ContextEvent = ActionsDomainEvent | MeetingsDomainEvent | CommitmentsDomainEvent | MonitoringDomainEvent;
/** Recorded by the platform itself when a person's data is erased (services/platform/src/privacy/personal-data.ts). */
type PlatformEvent =
  | { type: 'PersonalDataErased'; data: { subject: string; erasedAt: string } }
  // The directory of persons (services/platform/src/people/person.ts).
  | {
      type: 'PersonRegistered';
      data: { personId: string; name: unknown; function: string | null; organisation: string; registeredAt: string };
    }
  | {
      type: 'PersonChanged';
      data: { personId: string; name?: unknown; function?: string | null; organisation?: string; changedAt: string };
    }
  | { type: 'PersonForgotten'; data: { personId: string; subject: string; forgottenAt: string } }
  // The local accounts (services/platform/src/accounts/account.ts).
  | { type: 'AccountCreated'; data: { accountId: string; username: string; grants: AccountGrant[]; personId: string | null } }
  | { type: 'GrantsChanged'; data: { accountId: string; grants: AccountGrant[] } }
  | { type: 'AccountDisabled'; data: { accountId: string } }
  | { type: 'AccountEnabled'; data: { accountId: string } }
  | { type: 'PasswordReset'; data: { accountId: string; salt: string; hash: string } }
  | { type: 'PersonLinked'; data: { accountId: string; personId: string | null } };
type AccountGrant = { role: string; werkagendaId: string; actionCodes: string[] };
type RecordedEvent = ContextEvent | PlatformEvent;

export type EventType = RecordedEvent['type'];
type FieldsOf<E> = E extends { data: infer D } ? (D extends object ? keyof D & string : never) : never;
export type EventField = FieldsOf<RecordedEvent>;

/** What an event means, as a short Dutch phrase. */
export const EVENT_TYPE_LABEL: Record<EventType, string> = {
  WerkagendaEstablished: 'Werkagenda vastgesteld',
  WerkagendaChanged: 'Werkagenda gewijzigd',
  PartyAdded: 'Partij toegevoegd',
  PartyChanged: 'Partij gewijzigd',
  ActionLineAdded: 'Actielijn toegevoegd',
  ActionLineRenamed: 'Actielijn hernoemd',
  WerkagendaArchived: 'Werkagenda gearchiveerd',
  ActionDefined: 'Actie vastgelegd',
  ActionChanged: 'Actie gewijzigd',
  RegionAdded: 'Regio toegevoegd',
  RegionStatusChanged: 'Stand van een regio vastgelegd',
  ActionHolderAssigned: 'Actiehouder toegewezen',
  ProgressReported: 'Voortgang gerapporteerd',
  MilestonePlanned: 'Mijlpaal gepland',
  MilestoneStarted: 'Mijlpaal gestart',
  MilestoneAchieved: 'Mijlpaal behaald',
  MilestoneReplanned: 'Mijlpaal verplaatst',
  MilestoneCancelled: 'Mijlpaal vervallen',
  KnelpuntRaised: 'Knelpunt gemeld',
  KnelpuntEscalated: 'Knelpunt geëscaleerd',
  KnelpuntResolved: 'Knelpunt opgelost',
  MeetingSeriesDefined: 'Overlegvorm vastgelegd',
  MeetingSeriesChanged: 'Overlegvorm gewijzigd vanaf een datum',
  MeetingSeriesEnded: 'Overlegvorm beëindigd',
  MeetingScheduled: 'Overleg ingepland',
  MeetingRescheduled: 'Overleg verplaatst',
  MeetingCancelled: 'Overleg geannuleerd',
  AgendaItemAdded: 'Agendapunt toegevoegd',
  AgendaItemWithdrawn: 'Agendapunt teruggetrokken',
  AgendaReordered: 'Agenda herschikt',
  AgendaPublished: 'Agenda gepubliceerd',
  MeetingHeld: 'Overleg gehouden',
  MeetingChairChanged: 'Voorzitter gewijzigd',
  AttendanceRecorded: 'Aanwezigheid vastgelegd',
  ItemNotesRecorded: 'Aantekeningen bij agendapunt vastgelegd',
  DecisionCorrected: 'Besluit gecorrigeerd',
  DecisionWithdrawn: 'Besluit ingetrokken',
  ActionPointReassigned: 'Actiepunt overgedragen',
  LocationSet: 'Vergaderplaats vastgelegd',
  CalendarTokenIssued: 'Agenda-abonnement aangemaakt',
  CalendarTokenRevoked: 'Agenda-abonnement ingetrokken',
  DecisionRecorded: 'Besluit vastgelegd',
  ActionPointAssigned: 'Actiepunt uitgezet',
  ActionPointCompleted: 'Actiepunt afgerond',
  MinutesApproved: 'Verslag vastgesteld',
  CommitmentRegistered: 'Toezegging geregistreerd',
  CommitmentUpdated: 'Toezegging bijgewerkt uit de bron',
  CommitmentPostponed: 'Toezegging uitgesteld',
  CommitmentFulfilled: 'Toezegging nagekomen',
  CommitmentWithdrawn: 'Toezegging ingetrokken',
  CommitmentBecameOverdue: 'Toezegging over de termijn',
  CommitmentDueSoon: 'Termijn toezegging nadert',
  IndicatorDefined: 'Indicator vastgelegd',
  IndicatorBaselineSet: 'Basislijn vastgelegd',
  IndicatorTargetSet: 'Doel vastgelegd',
  IndicatorRedefined: 'Indicator gewijzigd',
  IndicatorTargetsChanged: 'Doelen gewijzigd',
  IndicatorAssessmentNoted: 'Beoordeling vastgelegd',
  MeasurementRecorded: 'Meting vastgelegd',
  ProjectionPublished: 'Kwartaalprojectie gepubliceerd',
  PersonalDataErased: 'Persoonsgegevens gewist',
  PersonRegistered: 'Persoon opgenomen in het personenregister',
  PersonChanged: 'Persoon gewijzigd',
  PersonForgotten: 'Naam van persoon vergeten',
  AccountCreated: 'Account aangemaakt',
  GrantsChanged: 'Rechten van een account gewijzigd',
  AccountDisabled: 'Account uitgeschakeld',
  AccountEnabled: 'Account ingeschakeld',
  PasswordReset: 'Nieuw wachtwoord ingesteld',
  PersonLinked: 'Persoon aan een account gekoppeld',
};

/**
 * Every field an event's data can have, in Dutch; `null`: not told in the event's sentence (an
 * internal id, or a structure shown on the subject's own page), still in the technical detail.
 */
export const EVENT_FIELD_LABEL: Record<EventField, string | null> = {
  // identities and structures
  werkagendaId: null,
  werkagendaIds: null,
  milestoneId: null,
  knelpuntId: null,
  meetingId: null,
  seriesId: null,
  commitmentId: null,
  indicatorId: null,
  reportId: null,
  decisionId: null,
  actionPointId: null,
  itemId: null,
  itemIds: null,
  assessmentId: null,
  targetId: null,
  items: null,
  document: null,
  period: 'periode',
  parties: null,
  actionLines: null,
  party: null,
  region: null,
  regionSlug: null,
  number: 'actielijn',
  slug: 'regio',
  status: 'stand',
  on: 'op',
  note: 'toelichting',
  actiehouderPersonIds: null,
  actionHolder: null,
  startActivities: null,
  interval: null,
  participants: null,
  externalRef: null,
  madeAt: null,
  due: null,
  previousDue: null,
  sequence: null,
  index: null,
  fromIndex: null,
  keepDates: null,
  adHoc: null,
  // what people read
  code: 'actie',
  actionCode: 'actie',
  actionCodes: 'acties',
  actionLine: 'actielijn',
  title: 'titel',
  text: 'tekst',
  description: 'omschrijving',
  summary: 'toelichting',
  rag: 'voortgang',
  reportedAt: 'gerapporteerd op',
  dueDate: 'streefdatum',
  dueDateText: 'termijn in de werkagenda',
  previousDueDate: 'vorige streefdatum',
  startedOn: 'gestart op',
  achievedOn: 'behaald op',
  reason: 'reden',
  raisedAt: 'gemeld op',
  from: 'van',
  to: 'naar',
  resolution: 'oplossing',
  resolvedAt: 'opgelost op',
  kind: 'overleg',
  purpose: 'doel',
  cadence: 'frequentie',
  chair: 'voorzitter',
  organiser: 'organisator',
  firstDate: 'eerste datum',
  localTime: 'aanvang',
  durationMinutes: 'duur in minuten',
  example: 'voorbeelddatum',
  nominalDate: 'datum volgens schema',
  movedBecause: 'verplaatst wegens',
  startsAt: 'begint',
  endsAt: 'eindigt',
  previousStartsAt: 'begon eerder',
  heldAt: 'gehouden op',
  decisionKind: 'soort besluit',
  owner: 'eigenaar',
  completedOn: 'afgerond op',
  approvedAt: 'vastgesteld op',
  madeBy: 'gedaan door',
  source: 'bron',
  lookaheadDays: 'dagen vooruit',
  sourceChangedAt: 'gewijzigd in de bron op',
  unit: 'eenheid',
  periodicity: 'frequentie',
  value: 'waarde',
  approximate: 'bij benadering',
  reference: 'peildatum',
  by: 'uiterlijk',
  derivation: 'afleiding',
  date: 'datum',
  direction: 'richting',
  targets: 'doelen',
  previous: null,
  validFrom: 'geldig vanaf',
  asOf: 'stand op',
  previousValue: 'vorige waarde',
  quarter: 'kwartaal',
  version: 'versie',
  publishedAt: 'gepubliceerd op',
  subject: null,
  erasedAt: 'gewist op',
  personId: null,
  registeredAt: 'opgenomen op',
  changedAt: 'gewijzigd op',
  forgottenAt: 'vergeten op',
  function: 'functie',
  organisation: 'organisatie',
  name: 'naam',
  recordedAt: 'vastgelegd op',
  correctionId: null,
  present: 'aanwezig',
  absent: 'afgemeld',
  itemTitle: 'agendapunt',
  notes: 'aantekeningen',
  previousChair: 'vorige voorzitter',
  frozenBy: 'vastgesteld',
  sha256: null,
  target: null,
  location: 'vergaderplaats',
  secretHash: null,
  tokenId: null,
  issuedAt: 'aangemaakt op',
  revokedAt: 'ingetrokken op',
  accountId: null,
  username: 'gebruikersnaam',
  grants: null,
  salt: null,
  hash: null,
};

/**
 * Fields that hold a secret or what a secret can be tested against (a password's scrypt hash and
 * salt): never shown on any screen, not even in the technical detail of the audit trail.
 */
const SECRET_FIELDS = new Set(['salt', 'hash', 'password', 'passwordHash', 'passwordSalt', 'secretHash']);
export const REDACTED = '[afgeschermd]';

/** An event with its secret fields replaced by "[afgeschermd]" (what the audit screens show). */
export function redactSecrets<E extends { type: string; data: unknown }>(event: E): E {
  if (!event.data || typeof event.data !== 'object' || Array.isArray(event.data)) return event;
  const data = event.data as Record<string, unknown>;
  if (!Object.keys(data).some((key) => SECRET_FIELDS.has(key))) return event;
  return {
    ...event,
    data: Object.fromEntries(Object.entries(data).map(([key, value]) => [key, SECRET_FIELDS.has(key) ? REDACTED : value])),
  };
}

/** Fields that hold an action's key. */
const ACTION_FIELDS = new Set<string>(['code', 'actionCode', 'actionCodes'] satisfies EventField[]);

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** Codes stored in English that a person reads as Dutch words. */
const VALUE_LABEL: Record<string, string> = {
  month: 'maandelijks',
  operationeel: 'operationeel',
  strategisch: 'strategisch',
};

/** A stored value as a person reads it: dates in words, quarters, yes/no; `undefined` when it is not a plain value. */
export function formatEventValue(field: string, value: unknown): string | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  if (typeof value === 'boolean') return value ? 'ja' : 'nee';
  if (typeof value === 'number') return value.toLocaleString('nl-NL');
  if (Array.isArray(value)) {
    const parts = value.map((v) => formatEventValue(field, v)).filter((v): v is string => v !== undefined);
    return parts.length === value.length && parts.length > 0 ? parts.join(', ') : undefined;
  }
  if (typeof value !== 'string') return undefined;
  // An action's key names its werkagenda ("actieplan-dakloos-wlz-2025:1.1"): people read its code.
  if (ACTION_FIELDS.has(field)) return actionCodeOf(value);
  // A frozen document kept as its exact text (a published projection): a structure, not a plain value.
  if (/^\s*[{[]/.test(value)) return undefined;
  if (isCalendarDate(value)) return dutchDate(value);
  if (INSTANT.test(value) && !Number.isNaN(Date.parse(value))) return formatDateTime(value);
  if (isQuarter(value)) return quarterLabel(value);
  if (/^\d{4}-(0[1-9]|1[0-2])$/.test(value)) return formatMonth(value);
  if (field === 'kind' && value in MEETING_KIND_LABEL) return MEETING_KIND_LABEL[value as keyof typeof MEETING_KIND_LABEL];
  if ((field === 'from' || field === 'to') && value in LEVEL_LABEL) return LEVEL_LABEL[value as keyof typeof LEVEL_LABEL];
  if (field === 'frozenBy' && value === 'held') return 'toen het overleg als gehouden werd vastgelegd';
  return VALUE_LABEL[value] ?? (field === 'type' ? AGENDA_SOURCE_LABEL[value] : undefined) ?? value;
}

/** "Mijlpaal behaald", or for a type this portal does not know yet, a neutral phrase (never the code). */
export const eventTypeLabel = (type: string): string =>
  type in EVENT_TYPE_LABEL ? EVENT_TYPE_LABEL[type as EventType] : 'Andere gebeurtenis';

/** The event types in the order of the table, for a filter's choice list. */
export const EVENT_TYPES = Object.keys(EVENT_TYPE_LABEL) as EventType[];

/**
 * The gist of an event's data in Dutch for the timeline: "behaald op 27 februari 2026 · actie 2.1".
 * Ids, structures and fields without a label are left out (the full record is one click away);
 * cut at `max` characters.
 */
export function eventFacts(data: unknown, max = 200): string {
  if (!data || typeof data !== 'object') return '';
  const parts = Object.entries(data as Record<string, unknown>).flatMap(([field, value]) => {
    const label = (EVENT_FIELD_LABEL as Record<string, string | null | undefined>)[field];
    if (!label) return [];
    const shown = formatEventValue(field, value);
    return shown === undefined ? [] : [`${label}: ${shown}`];
  });
  const line = parts.join(' · ');
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** What the portal knows besides the event itself to name its subject: milestone and action titles. */
export interface SentenceNames {
  milestoneTitle?: (id: string) => string | undefined;
  actionTitle?: (code: string) => string | undefined;
  werkagendaTitle?: (id: string) => string | undefined;
  regionName?: (actionKey: string, slug: string) => string | undefined;
}

type Data = Record<string, unknown>;
const str = (d: Data, field: string): string | undefined => (typeof d[field] === 'string' && d[field] ? (d[field] as string) : undefined);
const shown = (d: Data, field: string): string => formatEventValue(field, d[field]) ?? '';
const quoted = (text: string | undefined): string => (text ? `'${text.length > 120 ? `${text.slice(0, 119)}…` : text}'` : '');
/** The action's code as people read it ("1.1"), from the key an event stores in `field`. */
const code = (d: Data, field: 'code' | 'actionCode'): string => actionCodeOf(str(d, field) ?? '');
/** " in werkagenda 'Actieplan …'" when the portal knows the werkagenda's title, else nothing (never its id). */
const inWerkagenda = (d: Data, names: SentenceNames): string => {
  const id = str(d, 'werkagendaId');
  const title = id ? names.werkagendaTitle?.(id) : undefined;
  return title ? ` in werkagenda ${quoted(title)}` : '';
};

/** Types whose generic sentence ("Label: facts") reads badly, told as a Dutch sentence of their own. */
const SENTENCE: Partial<Record<EventType, (d: Data, names: SentenceNames) => string>> = {
  ActionDefined: (d, n) => `Actie ${code(d, 'code')} ${quoted(str(d, 'title'))} vastgelegd${inWerkagenda(d, n)}`,
  ActionHolderAssigned: (d) => {
    const holder = (d.actionHolder && typeof d.actionHolder === 'object' ? d.actionHolder : {}) as Data;
    return `Actiehouder van actie ${code(d, 'code')} toegewezen: ${quoted(str(holder, 'description'))}`;
  },
  RegionAdded: (d) => {
    const region = (d.region && typeof d.region === 'object' ? d.region : {}) as Data;
    return `Regio ${quoted(str(region, 'name'))} toegevoegd aan actie ${code(d, 'code')}`;
  },
  RegionStatusChanged: (d, n) => {
    const status = REGION_STATUS_LABEL[str(d, 'status') as keyof typeof REGION_STATUS_LABEL] ?? 'andere stand';
    const note = str(d, 'note');
    const slug = str(d, 'slug') ?? '';
    const region = n.regionName?.(str(d, 'code') ?? '', slug) ?? slug;
    return `Regio ${quoted(region)} van actie ${code(d, 'code')}: ${status} op ${shown(d, 'on')}${note ? `, toelichting: ${note}` : ''}`;
  },
  ProgressReported: (d) => `Voortgang van actie ${code(d, 'code')} gerapporteerd als ${shown(d, 'rag')}: ${quoted(str(d, 'summary'))}`,
  MilestonePlanned: (d) => `Mijlpaal ${quoted(str(d, 'title'))} van actie ${code(d, 'actionCode')} gepland op ${shown(d, 'dueDate')}`,
  MilestoneStarted: (d, n) => `Mijlpaal ${milestone(d, n)} gestart op ${shown(d, 'startedOn')}`,
  MilestoneAchieved: (d, n) => `Mijlpaal ${milestone(d, n)} behaald op ${shown(d, 'achievedOn')}`,
  MilestoneReplanned: (d, n) =>
    `Mijlpaal ${milestone(d, n)} verplaatst van ${shown(d, 'previousDueDate')} naar ${shown(d, 'dueDate')}, reden: ${shown(d, 'reason')}`,
  MilestoneCancelled: (d, n) => `Mijlpaal ${milestone(d, n)} vervallen, reden: ${shown(d, 'reason')}`,
  KnelpuntRaised: (d) => `Knelpunt gemeld bij actie ${code(d, 'actionCode')}: ${quoted(str(d, 'description'))}`,
  KnelpuntEscalated: (d) => `Knelpunt bij actie ${code(d, 'actionCode')} geëscaleerd naar de ${shown(d, 'to')}`,
  KnelpuntResolved: (d) => `Knelpunt bij actie ${code(d, 'actionCode')} opgelost: ${quoted(str(d, 'resolution'))}`,
  CommitmentPostponed: (d) =>
    `Toezegging uitgesteld naar ${shown(d, 'dueDate')}${str(d, 'reason') ? `, reden: ${shown(d, 'reason')}` : ''}`,
  CommitmentWithdrawn: (d) => `Toezegging ingetrokken, reden: ${shown(d, 'reason')}`,
  CommitmentBecameOverdue: (d) => `Toezegging over de termijn van ${shown(d, 'dueDate')}`,
  MeetingCancelled: (d) => `Overleg geannuleerd, reden: ${shown(d, 'reason')}`,
  AgendaItemAdded: (d) => `Agendapunt ${quoted(str(d, 'title'))} toegevoegd`,
  AgendaItemWithdrawn: (d) => `Agendapunt ${quoted(str(d, 'title'))} teruggetrokken`,
  MeetingHeld: (d) => `Overleg gehouden op ${shown(d, 'heldAt')}`,
  MinutesApproved: (d) => `Verslag vastgesteld op ${shown(d, 'approvedAt')}`,
  AccountCreated: (d) => `Account met gebruikersnaam ${quoted(str(d, 'username'))} aangemaakt${grantsPhrase(d)}`,
  GrantsChanged: (d) => `Rechten van een account gewijzigd${grantsPhrase(d)}`,
  PasswordReset: () => 'Nieuw wachtwoord voor een account ingesteld',
  PersonLinked: (d) => (str(d, 'personId') ? 'Persoon aan een account gekoppeld' : 'Koppeling van een account aan een persoon opgeheven'),
};

const GRANT_ROLE: Record<string, string> = {
  coordinator: 'coördinator',
  director: 'directeur',
  actiehouder: 'actiehouder',
  auditor: 'auditor',
  beheerder: 'beheerder',
};

/** ": coördinator, actiehouder van actie 1.1" — the roles granted, in words (not the werkagenda's id). */
function grantsPhrase(d: Data): string {
  if (!Array.isArray(d.grants)) return '';
  if (d.grants.length === 0) return ': geen rechten meer';
  const roles = (d.grants as Data[]).map((g) => {
    const role = GRANT_ROLE[String(g.role)] ?? 'andere rol';
    const codes = Array.isArray(g.actionCodes) ? (g.actionCodes as unknown[]).filter((c) => typeof c === 'string').map(actionCodeOf) : [];
    const where = g.werkagendaId === '*' ? ' in alle werkagenda’s' : '';
    return codes.length > 0 ? `${role} van actie ${codes.join(', ')}${where}` : `${role}${where}`;
  });
  return `: ${roles.join('; ')}`;
}

/** "'Plan van aanpak Utrecht' (actie 2.1)", or "van actie 2.1" when the portal does not know its title. */
function milestone(d: Data, names: SentenceNames): string {
  const id = str(d, 'milestoneId');
  const title = (id && names.milestoneTitle?.(id)) || undefined;
  const action = str(d, 'actionCode') && code(d, 'actionCode');
  if (title) return `${quoted(title)}${action ? ` van actie ${action}` : ''}`;
  return action ? `van actie ${action}` : '';
}

/**
 * One event as a Dutch sentence, without who did it (the caller adds "door …"): its own sentence
 * for the types above, otherwise "Label: the facts in words". Never a type code, id or ISO date.
 */
export function eventSentence(type: string, data: unknown, names: SentenceNames = {}): string {
  const d = (data && typeof data === 'object' ? data : {}) as Data;
  const own = type in SENTENCE ? SENTENCE[type as EventType] : undefined;
  const sentence = own ? own(d, names) : [eventTypeLabel(type), eventFacts(d)].filter(Boolean).join(': ');
  return sentence
    .replace(/\s+/g, ' ')
    .replace(/\s+([,:])/g, '$1')
    .trim();
}
