import { createHash } from 'node:crypto';
import { ACTIONS_UPCASTERS } from '@regie/actions';
import { COMMITMENT_UPCASTERS } from '@regie/commitments';
import { type Actor, type EventMetadata, Upcasters } from '@regie/es-core';
import { MEETING_UPCASTERS } from '@regie/meetings';
/* eslint-disable @nx/enforce-module-boundaries -- the services' indexes export neither their seed data nor their id and date rules */
// The real werkagenda gives the synthetic one realistic titles, parties and payload sizes.
import { WERKAGENDA_SEED } from '../../services/actions/src/seed/werkagenda.seed-data';
import { type CommitmentEvent, commitmentStream, type Due } from '../../services/commitments/src/commitment/commitment';
import { resolveDue } from '../../services/commitments/src/due/resolve-due';
import type { DraftInput, DueCommitment, DueMilestone, OpenKnelpunt } from '../../services/meetings/src/agenda/compose-draft';
import {
  type AgendaItem,
  type AgendaSourceType,
  type DecisionKind,
  type MeetingEvent,
  meetingStream,
} from '../../services/meetings/src/meeting/meeting';
import { DECISION_KINDS } from '../../services/meetings/src/meeting/meeting.decide';
import { SERIES_SEED } from '../../services/meetings/src/seed/series.seed-data';
import {
  MEETING_KINDS,
  type MeetingKind,
  type MeetingSeriesEvent,
  meetingSeriesStream,
  type SeriesDefinition,
} from '../../services/meetings/src/series/meeting-series';
/* eslint-enable @nx/enforce-module-boundaries */

/**
 * Part 3's input: a deterministic synthetic governance history with the real event types and
 * data shapes of services/actions, services/meetings and services/commitments. Werkagenda k
 * ("wa<k>") has the 12 actions of the real werkagenda with codes prefixed per werkagenda
 * ("wa17.2.1", stream "action-wa17.2.1"), so every stream id and every read-model key (actions
 * are keyed by code) is unique. Milestones, progress reports and knelpunten follow the deciders'
 * rules. Each werkagenda also has:
 *  - its four meeting series (MeetingSeriesDefined v2, werkagendaId "wa<k>", the overlegstructuur
 *    of SERIES_SEED) and, over its 4-year period, their meetings: kerngroep every 3 weeks,
 *    regiegroep every 3 months, evaluatie every 6 months, jaaroverleg yearly (a weekend date moves
 *    to the Monday; no holidays). Each meeting is scheduled by the horizon job 12 months ahead
 *    (with meetingIdOf's id), sometimes rescheduled or cancelled; a realistic subset gets its
 *    agenda (items added, then AgendaPublished with the draft the platform composes at that moment:
 *    standing items, the regiegroep a kerngroep prepares, open knelpunten escalated to it, due
 *    milestones, toezeggingen announced as due soon, the added items — from what the meetings read
 *    model holds at publication), is marked held, records besluiten (strategisch by a director,
 *    only in the regiegroep) and gets its minutes approved. The brede overleggen nearly always go
 *    through that lifecycle, the kerngroep in part (see LIFECYCLE). No action points: their owner
 *    is personal data that the decider only takes sealed (AssignActionPoint's owner is a
 *    SealedName, a plain string is only a pre-sealing v1 owner), and this history names no person.
 *  - 3–4 toezeggingen per year (CommitmentRegistered v2, madeBy a function naming no person,
 *    actionCodes of its own actions, the due date in words resolved by the platform's resolveDue),
 *    with the scheduler's CommitmentDueSoon (42 days ahead) and CommitmentBecameOverdue where the
 *    jobs would fire, sometimes postponed, then mostly fulfilled, some withdrawn, some left open.
 * Actions-context events stay the majority (about two thirds). Werkagenda's run in cohorts of 8
 * whose events are interleaved by time; positions are contiguous from 1 and every stream's events
 * are in time order. Same seed and size: the identical history (no Math.random, no clock).
 */
export interface SyntheticEvent {
  position: number;
  streamId: string;
  revision: number;
  id: string;
  type: string;
  schemaVersion: number;
  data: Record<string, unknown>;
  metadata: EventMetadata;
  occurredAt: Date;
  recordedAt: Date;
}

/**
 * Events are written at the version the platform writes them today (e.g. MilestonePlanned v2,
 * MeetingSeriesDefined v2, CommitmentRegistered v2).
 */
export const SCHEMA_VERSIONS: Record<string, number> = new Upcasters([...ACTIONS_UPCASTERS, ...MEETING_UPCASTERS, ...COMMITMENT_UPCASTERS])
  .currentVersions;

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
const START = Date.UTC(2018, 0, 1, 8);
const COHORT = 8;

/** mulberry32: a small seeded PRNG; its 2^32 states never repeat within one history. */
export class Draw {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  /**
   * A UUIDv7 as the platform makes them: the time in ms (48 bits), then random bits from this
   * generator (12, the variant, 12, 24, 24). Hex by table lookup: this runs a few times per event.
   */
  uuid(ms: number): string {
    const a = HEX3[this.int(0, 4095)];
    const variant = '89ab'[this.int(0, 3)];
    const b = HEX3[this.int(0, 4095)];
    const c = this.int(0, 16_777_215);
    const d = this.int(0, 16_777_215);
    const t = HEX3[Math.floor(ms / 4096) & 0xfff];
    const time = `${HEX3[Math.floor(ms / 68_719_476_736) & 0xfff]}${HEX3[Math.floor(ms / 16_777_216) & 0xfff]}${t.slice(0, 2)}-${t[2]}${HEX3[ms & 0xfff]}`;
    return `${time}-7${a}-${variant}${b}-${HEX3[c >>> 12]}${HEX3[c & 0xfff]}${HEX3[d >>> 12]}${HEX3[d & 0xfff]}`;
  }
}
const HEX3 = Array.from({ length: 4096 }, (_, i) => i.toString(16).padStart(3, '0'));

const date = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
/** The words a due date came from (MilestonePlanned v2), as a coordinator would write them. */
const inWords = (ms: number) => `eind ${MONTHS[new Date(ms).getUTCMonth()]} ${new Date(ms).getUTCFullYear()}`;
const RAG = ['groen', 'groen', 'groen', 'oranje', 'oranje', 'rood'] as const;
const SUMMARIES = [
  'Op schema: de werkgroep heeft de uitgangspunten vastgesteld en de eerste bijeenkomst met de regio gehouden.',
  'Vertraging door capaciteitsgebrek bij de betrokken partijen; de planning wordt in de kerngroep besproken.',
  'De conceptrapportage is gedeeld met de partijen; reacties worden verwerkt voor de volgende regiegroep.',
  'Implementatie kost meer tijd dan voorzien; de afhankelijkheid van gemeentelijke inkoop is groter.',
];
const REPLAN_REASONS = [
  'Afhankelijkheid van de evaluatie',
  'Besluitvorming in de regiegroep schuift op',
  'Extra afstemming met zorgkantoren nodig',
];
const CANCEL_REASONS = ['Opgegaan in een andere mijlpaal', 'Niet meer nodig na besluit van de regiegroep'];
const KNELPUNTEN = [
  'Financiering na de pilotperiode is onzeker',
  'Gegevensdeling tussen gemeente en zorgkantoor ontbreekt',
  'Te weinig ervaringsdeskundigen beschikbaar',
];
const RESOLUTIONS = ['Besproken in de regiegroep; VWS stelt middelen beschikbaar', 'Convenant over gegevensdeling getekend'];

interface Pending {
  at: number;
  seq: number;
  streamId: string;
  type: string;
  data: Record<string, unknown>;
  metadata: EventMetadata;
}

/** Appends one command's events (same time, same metadata) to a cohort's buffer. */
type Emit = (streamId: string, at: number, actor: Actor, events: [string, Record<string, unknown>][]) => void;

/** A read-model row in time: `row` from `at` on (null: not on any agenda). */
interface Step<T> {
  at: number;
  row: T | null;
}
interface Timeline<T> {
  id: string;
  steps: Step<T>[];
}
/**
 * What the meetings context knows of a werkagenda's other contexts (its inbound tables, fed by
 * their integration events), as timelines: an agenda is composed from it as it was at publication.
 */
interface Inbound {
  milestones: Timeline<DueMilestone>[];
  knelpunten: Timeline<OpenKnelpunt>[];
  commitments: Timeline<DueCommitment>[];
}
/** The rows at `at`, in the order of the timelines; an event at the same instant counts as known (it comes first in the history). */
function asOf<T>(timelines: Timeline<T>[], at: number): T[] {
  const rows: T[] = [];
  for (const { steps } of timelines) {
    let row: T | null = null;
    for (const step of steps) {
      if (step.at > at) break;
      row = step.row;
    }
    if (row) rows.push(row);
  }
  return rows;
}

function werkagenda(k: number, start: number, rnd: Draw, emit: Emit): void {
  const seed = WERKAGENDA_SEED;
  const werkagendaId = `wa${k}`;
  const coordinator: Actor = { userId: `coordinator-${werkagendaId}`, role: 'coordinator' };
  const period = { from: date(start), to: date(start + 4 * 365 * DAY) };
  const inbound: Inbound = { milestones: [], knelpunten: [], commitments: [] };
  emit(`werkagenda-${werkagendaId}`, start, coordinator, [
    [
      'WerkagendaEstablished',
      {
        werkagendaId,
        title: `${seed.title} (synthetisch ${k})`,
        period,
        parties: seed.parties,
        actionLines: seed.actionLines,
      },
    ],
  ]);
  seed.actions.forEach((a, i) => {
    const code = `${werkagendaId}.${a.code}`;
    const stream = `action-${code}`;
    const holder: Actor = { userId: `actiehouder-${code}`, role: 'actiehouder' };
    const defined = start + 3_600_000 + i * 60_000;
    emit(stream, defined, coordinator, [
      [
        'ActionDefined',
        {
          werkagendaId,
          code,
          actionLine: a.actionLine,
          title: a.title,
          actionHolder: a.actionHolder,
          startActivities: a.startActivities,
        },
      ],
    ]);
    if (rnd.chance(0.5)) {
      const actionHolder = { parties: [rnd.pick(seed.parties).code], description: 'Actiehouder aangewezen in de mijlpalenplanning' };
      emit(stream, defined + rnd.int(7, 90) * DAY, coordinator, [['ActionHolderAssigned', { code, actionHolder }]]);
    }
    const reports = rnd.int(18, 36);
    for (let j = 1; j <= reports; j++) {
      const at = defined + Math.floor((j * 1400 * DAY) / (reports + 1)) + rnd.int(0, 3_600_000);
      emit(stream, at, holder, [
        [
          'ProgressReported',
          { code, reportId: rnd.uuid(at), rag: rnd.pick(RAG), summary: rnd.pick(SUMMARIES), reportedAt: new Date(at).toISOString() },
        ],
      ]);
    }
    const titles = a.milestones.length
      ? a.milestones.map((m) => m.title)
      : ['Tussenrapportage aan de regiegroep', 'Plan van aanpak vastgesteld'];
    for (let j = rnd.int(4, 8); j > 0; j--)
      milestone(code, defined + rnd.int(1, 900) * DAY, `${rnd.pick(titles)} (${j})`, holder, coordinator, rnd, emit, inbound);
    for (let j = rnd.int(0, 4); j > 0; j--) knelpunt(code, defined + rnd.int(30, 1200) * DAY, holder, coordinator, rnd, emit, inbound);
  });
  const actions = seed.actions.map((a) => ({ code: `${werkagendaId}.${a.code}`, title: a.title }));
  commitments(start, actions, coordinator, rnd, emit, inbound);
  meetings(werkagendaId, start, start + 4 * 365 * DAY, inbound, coordinator, rnd, emit);
}

/** planned → [started] → [replanned ×0–2] → achieved | cancelled | still open. */
function milestone(
  actionCode: string,
  planned: number,
  title: string,
  holder: Actor,
  coordinator: Actor,
  rnd: Draw,
  emit: Emit,
  inbound: Inbound,
): void {
  const milestoneId = rnd.uuid(planned);
  const stream = `milestone-${milestoneId}`;
  let due = planned + rnd.int(30, 365) * DAY;
  let at = planned;
  const dueDateText = rnd.chance(0.3) ? inWords(due) : null;
  emit(stream, at, holder, [['MilestonePlanned', { milestoneId, actionCode, title, dueDate: date(due), dueDateText }]]);
  // The row meetings keeps of it (inbound_milestone), step by step: due milestones go on the agendas.
  let row: DueMilestone = { id: milestoneId, actionCode, title, dueDate: date(due), status: 'planned', achievedOn: null };
  const steps: Step<DueMilestone>[] = [{ at, row }];
  inbound.milestones.push({ id: milestoneId, steps });
  if (rnd.chance(0.6)) {
    emit(stream, (at += rnd.int(1, 60) * DAY), holder, [['MilestoneStarted', { milestoneId, actionCode, startedOn: date(at) }]]);
    steps.push({ at, row: (row = { ...row, status: 'in_progress' }) });
  }
  for (let r = rnd.chance(0.35) ? rnd.int(1, 2) : 0; r > 0; r--) {
    const previousDueDate = date(due);
    due += rnd.int(30, 180) * DAY;
    emit(stream, (at += rnd.int(1, 90) * DAY), coordinator, [
      ['MilestoneReplanned', { milestoneId, actionCode, previousDueDate, dueDate: date(due), reason: rnd.pick(REPLAN_REASONS) }],
    ]);
    steps.push({ at, row: (row = { ...row, dueDate: date(due) }) });
  }
  const end = rnd.next();
  if (end < 0.6) {
    emit(stream, (at += rnd.int(1, 120) * DAY), holder, [['MilestoneAchieved', { milestoneId, actionCode, achievedOn: date(at) }]]);
    steps.push({ at, row: { ...row, status: 'achieved', achievedOn: date(at) } });
  } else if (end < 0.75) {
    emit(stream, (at += rnd.int(1, 60) * DAY), coordinator, [
      ['MilestoneCancelled', { milestoneId, actionCode, reason: rnd.pick(CANCEL_REASONS) }],
    ]);
    steps.push({ at, row: { ...row, status: 'cancelled' } });
  }
}

/** raised (optionally escalated in the same command) → [escalated] → [resolved]. */
function knelpunt(actionCode: string, raised: number, holder: Actor, coordinator: Actor, rnd: Draw, emit: Emit, inbound: Inbound): void {
  const knelpuntId = rnd.uuid(raised);
  const stream = `knelpunt-${knelpuntId}`;
  const description = rnd.pick(KNELPUNTEN);
  const events: [string, Record<string, unknown>][] = [
    ['KnelpuntRaised', { knelpuntId, actionCode, description, raisedAt: new Date(raised).toISOString() }],
  ];
  let level: 'kerngroep' | 'regiegroep' | null = rnd.chance(0.2) ? rnd.pick(['kerngroep', 'regiegroep'] as const) : null;
  if (level) events.push(['KnelpuntEscalated', { knelpuntId, actionCode, from: null, to: level }]);
  emit(stream, raised, holder, events);
  // An open knelpunt escalated to an overlegvorm goes on that overlegvorm's agendas (inbound_knelpunt).
  const steps: Step<OpenKnelpunt>[] = [{ at: raised, row: level && { id: knelpuntId, actionCode, description, escalatedTo: level } }];
  inbound.knelpunten.push({ id: knelpuntId, steps });
  let at = raised;
  if (level !== 'regiegroep' && rnd.chance(0.4)) {
    const to = level === null ? rnd.pick(['kerngroep', 'regiegroep'] as const) : 'regiegroep';
    emit(stream, (at += rnd.int(7, 60) * DAY), coordinator, [['KnelpuntEscalated', { knelpuntId, actionCode, from: level, to }]]);
    steps.push({ at, row: { id: knelpuntId, actionCode, description, escalatedTo: to } });
    level = to;
  }
  if (rnd.chance(0.7)) {
    at += rnd.int(14, 180) * DAY;
    emit(stream, at, coordinator, [
      ['KnelpuntResolved', { knelpuntId, actionCode, resolution: rnd.pick(RESOLUTIONS), resolvedAt: new Date(at).toISOString() }],
    ]);
    steps.push({ at, row: null });
  }
}

// ── Time: Amsterdam wall-clock times as UTC instants ─────────────────────────────────────────

/**
 * The instant of a wall-clock time (minutes after midnight) in Europe/Amsterdam on the local date
 * that starts at `day` (a UTC midnight): CEST from the last Sunday of March to the last Sunday of
 * October (01:00 UTC), else CET — the EU rule, which luxon's zone data follows for these years
 * (the spec holds it to the platform's amsterdamInstant). Plain arithmetic: luxon per meeting
 * would make the generator several times slower.
 */
function amsterdam(day: number, minutes: number): number {
  const year = new Date(day).getUTCFullYear();
  const lastSunday = (month: number) => {
    const last = Date.UTC(year, month + 1, 0);
    return last - new Date(last).getUTCDay() * DAY;
  };
  const local = day + minutes * MINUTE;
  const summer = local - 2 * HOUR;
  return summer >= lastSunday(2) + HOUR && summer < lastSunday(9) + HOUR ? summer : local - HOUR;
}
const iso = (ms: number) => new Date(ms).toISOString();
const dayOf = (ms: number) => ms - (ms % DAY);
/** Office hours, 07:00–15:00 UTC: the UTC date is the Amsterdam date. */
const officeHours = (day: number, rnd: Draw) => day + rnd.int(7 * 60, 15 * 60) * MINUTE;
const dutch = (ms: number) => {
  const d = new Date(ms);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
};

type Shaped = [string, Record<string, unknown>];
/** One event of a context, its data checked (by tsc) against that context's event types. */
const eventOf =
  <E extends { type: string; data: object }>() =>
  <T extends E['type']>(type: T, data: Extract<E, { type: T }>['data']): Shaped => [type, data as Record<string, unknown>];
const meetingEvent = eventOf<MeetingEvent | MeetingSeriesEvent>();
const commitmentEvent = eventOf<CommitmentEvent>();

/** The platform's jobs (meetings horizon, commitments' deadline and look-ahead jobs) act as this system actor. */
const SCHEDULER: Actor = { userId: 'scheduler', role: 'system' };
/** The meetings seed defines the series: there is no endpoint for it. */
const SEEDER: Actor = { userId: 'seed', role: 'system' };
/** REGIE_COMMITMENT_LOOKAHEAD_DAYS and REGIE_MEETINGS_LOOKAHEAD_DAYS, both at their default. */
const LOOKAHEAD_DAYS = 42;

// ── Commitments (toezeggingen aan de Kamer) ──────────────────────────────────────────────────

/** By function only: `madeBy` names no person (persons: []), so nothing in it is personal data. */
const BEWINDSPERSONEN = [
  'Minister voor Langdurige Zorg en Sport',
  'Staatssecretaris Langdurige en Maatschappelijke Zorg',
  'Staatssecretaris Jeugd, Preventie en Sport',
  'Minister van Volksgezondheid, Welzijn en Sport',
];
const DEBATES = [
  'Commissiedebat Ggz/Suïcidepreventie',
  'Commissiedebat Langdurige zorg',
  'Tweeminutendebat Ggz/Suïcidepreventie',
  'Schriftelijk overleg Langdurige zorg',
];
const PROMISES: ((code: string, title: string) => string)[] = [
  (code, title) => `De Kamer informeren over de voortgang van actie ${code} (${title}).`,
  (code, title) => `De Kamer een brief sturen over de uitkomsten van actie ${code}: ${title}.`,
  (code) => `De Kamer informeren over de evaluatie van actie ${code} en de vervolgstappen die de partijen daarop zetten.`,
  (code) =>
    `Met de partijen van de werkagenda in gesprek gaan over de financiering van actie ${code} en de Kamer over de uitkomst berichten.`,
];
const POSTPONE_REASONS = [
  'Het onderzoek loopt uit; de resultaten volgen later.',
  'Eerst bespreken met de partijen in de regiegroep.',
  'De afstemming met gemeenten en zorgkantoren kost meer tijd.',
];
const WITHDRAW_REASONS = [
  'Opgegaan in de voortgangsbrief over de hele werkagenda.',
  'Niet meer nodig: de Kamer is in het debat op een andere manier geïnformeerd.',
];
const LETTERS = ['Voortgang werkagenda langdurige ggz', 'Uitkomsten van de evaluatie', 'Stand van zaken en vervolgstappen'];

/** A due date in words as a bewindspersoon says it; resolveDue takes it to the last day of the period, never before `target`. */
function dueWords(target: number, rnd: Draw): string {
  const at = new Date(target);
  const year = at.getUTCFullYear();
  const month = at.getUTCMonth();
  switch (rnd.int(0, 4)) {
    case 0:
      return date(target);
    case 1:
      return `eind ${year}`;
    case 2:
      return `Q${Math.floor(month / 3) + 1} ${year}`;
    case 3:
      return month <= 5 ? `voor de zomer ${year}` : month >= 8 && month <= 10 ? `najaar ${year}` : `${MONTHS[month]} ${year}`;
    default:
      return inWords(target);
  }
}

interface SyntheticAction {
  code: string;
  title: string;
}

/** 3–4 toezeggingen a year. */
function commitments(start: number, actions: SyntheticAction[], coordinator: Actor, rnd: Draw, emit: Emit, inbound: Inbound): void {
  for (let year = 0; year < 4; year++) {
    for (let n = rnd.int(3, 4); n > 0; n--)
      commitment(start + (year * 365 + rnd.int(7, 364)) * DAY, actions, coordinator, rnd, emit, inbound);
  }
}

/**
 * registered → ([due soon] → [overdue] → postponed)×0–2 → [due soon] → [overdue] → fulfilled |
 * withdrawn | left open. The jobs' events come where the jobs would run (the start of the day in
 * Amsterdam, 42 days before the due date and the day after it) and only while the commitment is
 * still open for that due date: a commitment fulfilled in time never becomes overdue.
 */
function commitment(madeOn: number, actions: SyntheticAction[], coordinator: Actor, rnd: Draw, emit: Emit, inbound: Inbound): void {
  const registered = officeHours(dayOf(madeOn) + rnd.int(0, 14) * DAY, rnd);
  const commitmentId = rnd.uuid(registered);
  const stream = commitmentStream(commitmentId);
  const action = rnd.pick(actions);
  const other = rnd.pick(actions);
  const actionCodes = other !== action && rnd.chance(0.3) ? [action.code, other.code] : [action.code];
  const text = rnd.pick(PROMISES)(action.code, action.title);
  const madeAt = {
    date: date(madeOn),
    source: rnd.chance(0.5) ? `Kamerstuk 25 424, nr. ${rnd.int(400, 999)}` : `${rnd.pick(DEBATES)} (${dutch(madeOn)})`,
  };
  let due: Due = resolveDue(dueWords(madeOn + rnd.int(60, 540) * DAY, rnd), madeAt.date);
  const madeBy = { text: rnd.pick(BEWINDSPERSONEN), persons: [] };
  emit(stream, registered, coordinator, [
    commitmentEvent('CommitmentRegistered', { commitmentId, text, madeBy, madeAt, due, actionCodes, externalRef: null }),
  ]);
  let at = registered;
  // Meetings learns of it from the look-ahead job's CommitmentDueSoonV1 (inbound_commitment), and puts it on agendas.
  const announced: Step<DueCommitment>[] = [];
  inbound.commitments.push({ id: commitmentId, steps: announced });
  /** The jobs for the current due date that run before the coordinator's next command (at `next`). */
  const jobs = (next: number) => {
    const dueDate = due.date as string;
    const day = Date.parse(dueDate);
    const soon = Math.max(at + MINUTE, amsterdam(day - LOOKAHEAD_DAYS * DAY, 0) + rnd.int(1, 59) * 1000);
    if (soon < next) {
      emit(stream, (at = soon), SCHEDULER, [
        commitmentEvent('CommitmentDueSoon', { commitmentId, dueDate, lookaheadDays: LOOKAHEAD_DAYS, text, actionCodes }),
      ]);
      announced.push({ at, row: { id: commitmentId, text, dueDate, actionCodes } });
    }
    const overdue = Math.max(at + MINUTE, amsterdam(day + DAY, 0) + rnd.int(1, 59) * 1000);
    if (overdue < next) emit(stream, (at = overdue), SCHEDULER, [commitmentEvent('CommitmentBecameOverdue', { commitmentId, dueDate })]);
  };
  for (let p = rnd.chance(0.25) ? rnd.int(1, 2) : 0; p > 0; p--) {
    const day = Date.parse(due.date as string);
    const next = Math.max(at + HOUR, officeHours(day + rnd.int(-30, 15) * DAY, rnd));
    jobs(next);
    const previousDue = due;
    due = resolveDue(dueWords(day + rnd.int(60, 270) * DAY, rnd), date(next));
    const source = rnd.chance(0.6) ? `Kamerbrief van ${dutch(next)}` : null;
    emit(stream, (at = next), coordinator, [
      commitmentEvent('CommitmentPostponed', { commitmentId, previousDue, due, reason: rnd.pick(POSTPONE_REASONS), source }),
    ]);
    announced.push({ at, row: null }); // no longer due then: off the agendas until announced for its new date
  }
  const day = Date.parse(due.date as string);
  const end = rnd.next();
  if (end < 0.85) {
    const next = Math.max(at + HOUR, officeHours(day + rnd.int(-45, 20) * DAY, rnd));
    jobs(next);
    const kenmerk = `${rnd.int(3_000_000, 4_999_999)}-${rnd.int(1_000_000, 1_099_999)}-LZ`;
    const document = { kenmerk, title: `Kamerbrief '${rnd.pick(LETTERS)}' (actie ${action.code})`, date: date(next) };
    emit(stream, next, coordinator, [commitmentEvent('CommitmentFulfilled', { commitmentId, document })]);
    announced.push({ at: next, row: null }); // done: off the agendas
  } else if (end < 0.92) {
    const next = Math.max(at + HOUR, officeHours(day + rnd.int(-60, 10) * DAY, rnd));
    jobs(next);
    const source = rnd.chance(0.5) ? `Kamerbrief van ${dutch(next)}` : null;
    emit(stream, next, coordinator, [commitmentEvent('CommitmentWithdrawn', { commitmentId, reason: rnd.pick(WITHDRAW_REASONS), source })]);
    announced.push({ at: next, row: null }); // withdrawn: off the agendas
  } else {
    jobs(Infinity); // still open: announced, then overdue
  }
}

// ── Meetings (overleggen) ────────────────────────────────────────────────────────────────────

/**
 * How much of its lifecycle a past meeting gets, per overlegvorm: chances, and [min, max] counts.
 * The brede overleggen nearly always have a published agenda, are marked held, take besluiten and
 * get their minutes approved; of the kerngroep, every three weeks, the coordinator records a part.
 * Tuned so that meetings and commitments are about a third of all events.
 */
const LIFECYCLE: Record<
  MeetingKind,
  {
    cancel: number;
    reschedule: number;
    publish: number;
    items: [number, number];
    held: number;
    decisions: [number, number];
    minutes: number;
  }
> = {
  kerngroep: { cancel: 0.06, reschedule: 0.04, publish: 0.08, items: [0, 1], held: 0.3, decisions: [0, 1], minutes: 0.4 },
  regiegroep: { cancel: 0.03, reschedule: 0.08, publish: 0.9, items: [0, 1], held: 0.95, decisions: [1, 2], minutes: 0.85 },
  evaluatie: { cancel: 0.02, reschedule: 0.06, publish: 0.85, items: [0, 1], held: 0.95, decisions: [0, 1], minutes: 0.8 },
  jaaroverleg: { cancel: 0, reschedule: 0.05, publish: 0.9, items: [0, 1], held: 1, decisions: [0, 1], minutes: 0.85 },
};
/** The first meeting of each series after the werkagenda starts, and its weekday (as SERIES_SEED's examples after 11 March 2025). */
const FIRST: Record<MeetingKind, { days: number; weekday: number }> = {
  kerngroep: { days: 28, weekday: 2 },
  regiegroep: { days: 100, weekday: 4 },
  evaluatie: { days: 203, weekday: 2 },
  jaaroverleg: { days: 315, weekday: 2 },
};
const AGENDA_ITEMS = [
  "Stand van zaken pilotregio's",
  'Terugkoppeling uit het bestuurlijk overleg',
  'Communicatie over de werkagenda',
  'Monitoring: eerste resultaten',
  'Inbreng van ervaringsdeskundigen',
];
const DECISIONS: Record<DecisionKind, string[]> = {
  operationeel: [
    'De werkgroep werkt het plan van aanpak uit voor de volgende kerngroep.',
    'De voortgangsrapportage wordt met de partijen gedeeld.',
    'De mijlpaal wordt opnieuw gepland na overleg met de actiehouder.',
  ],
  strategisch: [
    'De regiegroep stemt in met de bijgestelde planning van de werkagenda.',
    "De regiegroep besluit de pilot uit te breiden naar twee regio's.",
    'De middelen voor de evaluatie worden vrijgemaakt.',
  ],
};
const MEETING_RESCHEDULE_REASONS = [
  'Valt samen met een debat in de Kamer',
  'De voorzitter is verhinderd',
  'Te weinig deelnemers beschikbaar',
];
const MEETING_CANCEL_REASONS = ['Geen agendapunten', 'Zomerreces', 'Vervalt: de onderwerpen komen in het volgende overleg'];

interface Occurrence {
  kind: MeetingKind;
  seriesId: string;
  meetingId: string;
  index: number;
  nominal: number;
  day: number;
  startsAt: number;
  /** When the horizon job schedules it: at its 03:00 run 12 months ahead of the date. */
  scheduledAt: number;
  /** When the coordinator moves it, and where to; or cancels it (never both). */
  moved: { at: number; to: number } | null;
  cancelledAt: number | null;
}
/** Where it stands, and whether it counts (scheduled and not cancelled), as the read model has it at `at`. */
const startAsOf = (o: Occurrence, at: number) => (o.moved && o.moved.at <= at ? o.moved.to : o.startsAt);
const liveAsOf = (o: Occurrence, at: number) => o.scheduledAt <= at && !(o.cancelledAt !== null && o.cancelledAt <= at);

/** The four series of a werkagenda and their meetings over its period: scheduled, then a realistic part of their lifecycle. */
function meetings(werkagendaId: string, start: number, end: number, inbound: Inbound, coordinator: Actor, rnd: Draw, emit: Emit): void {
  const director: Actor = { userId: `director-${werkagendaId}`, role: 'director' };
  // The platform reads knelpunten ORDER BY id, milestones and toezeggingen in no order (ties then keep it): by id, all three.
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
  inbound.milestones.sort(byId);
  inbound.knelpunten.sort(byId);
  inbound.commitments.sort(byId);
  const defined = start + 2 * HOUR;
  const firstRun = defined + 5 * MINUTE; // the horizon job runs at bootstrap, right after the seed
  const series: { definition: SeriesDefinition; occurrences: Occurrence[] }[] = [];
  // First the plan: every occurrence with the moments it is scheduled, moved or cancelled, which
  // the agendas of the other meetings need (the previous meeting, the regiegroep a kerngroep prepares).
  for (const kind of MEETING_KINDS) {
    const { exampleFirst, ...seed } = SERIES_SEED[kind];
    const seriesId = rnd.uuid(defined);
    let first = dayOf(start) + (FIRST[kind].days + rnd.int(0, 6)) * DAY;
    first += ((FIRST[kind].weekday - new Date(first).getUTCDay() + 7) % 7) * DAY;
    while (new Date(first).getUTCDate() > 28) first += 7 * DAY; // a step of months then never runs past a month's end
    const definition: SeriesDefinition = {
      seriesId,
      werkagendaId,
      ...seed,
      firstDate: date(first),
      localTime: exampleFirst.time,
      example: false,
    };
    emit(meetingSeriesStream(seriesId), defined, SEEDER, [meetingEvent('MeetingSeriesDefined', definition)]);
    const [hours, minutes] = exampleFirst.time.split(':').map(Number);
    const time = hours * 60 + minutes;
    const { unit, every } = seed.interval;
    const life = LIFECYCLE[kind];
    const occurrences: Occurrence[] = [];
    for (let index = 0; ; index++) {
      const nominal = unit === 'weeks' ? first + index * 7 * every * DAY : addMonths(first, index * every);
      const day = toWeekday(nominal);
      if (day >= end) break;
      const scheduledAt = Math.max(firstRun, amsterdam(addMonths(day, -12), 3 * 60) + rnd.int(1, 120) * 1000);
      // Half a minute past the minute: never at the very instant of another meeting's office-hours event.
      const coordinatorAt = (daysBefore: number) => Math.max(scheduledAt + MINUTE, officeHours(day - daysBefore * DAY, rnd) + 30_000);
      const r = rnd.next();
      const cancelledAt = r < life.cancel ? coordinatorAt(rnd.int(1, 14)) : null;
      const moved =
        cancelledAt === null && r < life.cancel + life.reschedule
          ? { at: coordinatorAt(rnd.int(8, 28)), to: amsterdam(toWeekday(day + rnd.int(1, 6) * DAY), time) }
          : null;
      occurrences.push({
        kind,
        seriesId,
        meetingId: stableId(`meeting:${seriesId}:${index}`),
        index,
        nominal,
        day,
        startsAt: amsterdam(day, time),
        scheduledAt,
        moved,
        cancelledAt,
      });
    }
    series.push({ definition, occurrences });
  }
  const plan = new Map(series.map((s) => [s.definition.kind, s.occurrences]));
  for (const { definition, occurrences } of series) {
    for (const o of occurrences) meeting(o, definition, occurrences, plan, inbound, coordinator, director, rnd, emit);
  }
}

/** A Saturday or Sunday moves to the Monday (the platform also skips public holidays; this history does not). */
function toWeekday(day: number): number {
  const weekday = new Date(day).getUTCDay();
  return weekday === 6 ? day + 2 * DAY : weekday === 0 ? day + DAY : day;
}

/** Months later (or earlier) on the same day of the month, or the month's last day (as luxon, which the platform uses). */
function addMonths(day: number, months: number): number {
  const d = new Date(day);
  const year = d.getUTCFullYear();
  const month = d.getUTCMonth() + months;
  return Date.UTC(year, month, Math.min(d.getUTCDate(), new Date(Date.UTC(year, month + 1, 0)).getUTCDate()));
}

/**
 * The regiegroep a kerngroep prepares, as the read model has it at `at`, by the platform's rule
 * (scheduling/preparation.ts, which the spec holds this to): each regiegroep is prepared by the
 * last kerngroep before it that does not already prepare an earlier one; cancelled meetings take
 * no part. Linear: both series are in time order (a move is at most 8 days, the kerngroep meets every 21).
 */
function prepared(kerngroep: Occurrence, plan: Map<MeetingKind, Occurrence[]>, at: number): Occurrence | null {
  const kern = (plan.get('kerngroep') as Occurrence[]).filter((k) => liveAsOf(k, at));
  let next = 0;
  let taken: Occurrence | undefined;
  for (const regie of plan.get('regiegroep') as Occurrence[]) {
    if (!liveAsOf(regie, at)) continue;
    while (next < kern.length && startAsOf(kern[next], at) < startAsOf(regie, at)) next++;
    const last = kern[next - 1];
    if (!last || last === taken) continue;
    if (last === kerngroep) return regie;
    taken = last;
  }
  return null;
}

/**
 * scheduled (12 months ahead) → [rescheduled] → cancelled | ([items added] → agenda published) →
 * [held → besluiten → minutes approved]. The published agenda is what PublishAgenda publishes in
 * the platform: the draft composeDraft makes at that moment from what the read model holds then.
 */
function meeting(
  o: Occurrence,
  series: SeriesDefinition,
  occurrences: Occurrence[],
  plan: Map<MeetingKind, Occurrence[]>,
  inbound: Inbound,
  coordinator: Actor,
  director: Actor,
  rnd: Draw,
  emit: Emit,
): void {
  const ref = { meetingId: o.meetingId, seriesId: o.seriesId, kind: o.kind };
  const stream = meetingStream(o.meetingId);
  const duration = series.durationMinutes * MINUTE;
  const life = LIFECYCLE[o.kind];
  const movedBecause = o.day !== o.nominal ? 'weekend' : null;
  emit(stream, o.scheduledAt, SCHEDULER, [
    meetingEvent('MeetingScheduled', {
      ...ref,
      index: o.index,
      nominalDate: date(o.nominal),
      movedBecause,
      startsAt: iso(o.startsAt),
      endsAt: iso(o.startsAt + duration),
    }),
  ]);
  let at = o.scheduledAt;
  if (o.cancelledAt !== null) {
    emit(stream, o.cancelledAt, coordinator, [
      meetingEvent('MeetingCancelled', { ...ref, reason: rnd.pick(MEETING_CANCEL_REASONS), sequence: 1 }),
    ]);
    return;
  }
  if (o.moved) {
    const moved = { previousStartsAt: iso(o.startsAt), startsAt: iso(o.moved.to), endsAt: iso(o.moved.to + duration) };
    emit(stream, (at = o.moved.at), coordinator, [
      meetingEvent('MeetingRescheduled', { ...ref, ...moved, reason: rnd.pick(MEETING_RESCHEDULE_REASONS), sequence: 1 }),
    ]);
  }
  const startsAt = o.moved?.to ?? o.startsAt;
  const day = dayOf(startsAt); // meetings start between 08:00 and 13:00 UTC: the UTC date is the local one
  if (rnd.chance(life.publish)) {
    const manual: { id: string; title: string }[] = [];
    for (let n = rnd.int(...life.items); n > 0; n--) {
      at = Math.max(at + MINUTE, officeHours(day - rnd.int(8, 14) * DAY, rnd));
      const item = { id: rnd.uuid(at), title: rnd.pick(AGENDA_ITEMS) };
      manual.push(item);
      emit(stream, at, coordinator, [meetingEvent('AgendaItemAdded', { ...ref, itemId: item.id, title: item.title })]);
    }
    at = Math.max(at + MINUTE, officeHours(day - rnd.int(3, 7) * DAY, rnd));
    emit(stream, at, coordinator, [
      meetingEvent('AgendaPublished', { ...ref, items: agenda(o, day, series, occurrences, plan, inbound, manual, at) }),
    ]);
  }
  if (!rnd.chance(life.held)) return; // past, but never marked held
  at = Math.max(at + MINUTE, startsAt + duration + rnd.int(5, 24 * 60) * MINUTE);
  emit(stream, at, coordinator, [meetingEvent('MeetingHeld', { ...ref, heldAt: iso(at) })]);
  for (let n = rnd.int(...life.decisions); n > 0; n--) {
    const decisionKind: DecisionKind = DECISION_KINDS[o.kind].includes('strategisch') && rnd.chance(0.5) ? 'strategisch' : 'operationeel';
    at += rnd.int(1, 15) * MINUTE;
    // Only a director records a strategic besluit (MeetingRecordController).
    emit(stream, at, decisionKind === 'strategisch' ? director : coordinator, [
      meetingEvent('DecisionRecorded', {
        ...ref,
        decisionId: rnd.uuid(at),
        text: rnd.pick(DECISIONS[decisionKind]),
        decisionKind,
      }),
    ]);
  }
  if (rnd.chance(life.minutes)) {
    at = Math.max(at + MINUTE, officeHours(day + rnd.int(7, 28) * DAY, rnd));
    emit(stream, at, coordinator, [meetingEvent('MinutesApproved', { ...ref, approvedAt: iso(at) })]);
  }
}

/**
 * The agenda the platform publishes at `at` (MeetingsQueries.agendaOf, then composeDraft): the
 * previous meeting of the series, the regiegroep a kerngroep prepares, the due milestones, open
 * escalated knelpunten and announced toezeggingen of this werkagenda, the added items.
 */
function agenda(
  o: Occurrence,
  day: number,
  series: SeriesDefinition,
  occurrences: Occurrence[],
  plan: Map<MeetingKind, Occurrence[]>,
  inbound: Inbound,
  manual: { id: string; title: string }[],
  at: number,
): AgendaItem[] {
  let previous: number | null = null;
  for (let i = o.index - 1; i >= 0 && previous === null; i--) {
    const p = occurrences[i];
    if (liveAsOf(p, at) && startAsOf(p, at) < startAsOf(o, at)) previous = dayOf(startAsOf(p, at));
  }
  const { unit, every } = series.interval;
  previous ??= unit === 'weeks' ? day - 7 * every * DAY : addMonths(day, -every);
  const regie = o.kind === 'kerngroep' ? prepared(o, plan, at) : null;
  const collects = COLLECTS[o.kind];
  return draft({
    meeting: { id: o.meetingId, kind: o.kind, date: date(day) },
    isNext: true, // the earlier ones have started: this is the series' next scheduled meeting
    previousDate: date(previous),
    prepares: regie && { id: regie.meetingId, date: date(dayOf(startAsOf(regie, at))) },
    knelpunten: o.kind === 'kerngroep' || o.kind === 'regiegroep' ? asOf(inbound.knelpunten, at) : [],
    milestones: collects.milestones ? asOf(inbound.milestones, at) : [],
    commitments: collects.commitments ? asOf(inbound.commitments, at) : [],
    actionPoints: [],
    manual,
    withdrawn: [],
    order: null,
    today: date(at),
    lookaheadDays: LOOKAHEAD_DAYS,
  });
}

/** What each overlegvorm collects from the other contexts (compose-draft.ts). */
const COLLECTS: Record<MeetingKind, { milestones: boolean; commitments: boolean }> = {
  kerngroep: { milestones: true, commitments: true },
  regiegroep: { milestones: true, commitments: true },
  evaluatie: { milestones: true, commitments: false },
  jaaroverleg: { milestones: false, commitments: false },
};
const NL = new Intl.Collator('nl', { numeric: true });
const dutchDate = (day: string) => `${Number(day.slice(8))} ${MONTHS[Number(day.slice(5, 7)) - 1]} ${day.slice(0, 4)}`;

/**
 * composeDraft (services/meetings/src/agenda/compose-draft.ts) for a next meeting without withdrawn
 * items, action points or a custom order — the same items, titles, ids and order; the spec holds
 * every published agenda to composeDraft itself. A copy because composeDraft's item ids (uuid's v5)
 * made the generator a third slower.
 */
function draft(input: DraftInput): AgendaItem[] {
  const { meeting } = input;
  const items: AgendaItem[] = [];
  const item = (type: AgendaSourceType, ref: string, title: string) =>
    items.push({ id: stableId(`agenda:${meeting.id}:${type}:${ref}`), title, source: { type, ref }, order: items.length + 1 });
  item('standing', 'opening', 'Opening');
  item('standing', 'vaststellen-agenda', 'Vaststellen agenda');
  item('standing', 'verslag', 'Verslag vorige keer');
  if (input.prepares) item('regiegroep-preparation', input.prepares.id, `Voorbereiding regiegroep van ${dutchDate(input.prepares.date)}`);
  for (const k of input.knelpunten)
    if (k.escalatedTo === meeting.kind) item('knelpunt', k.id, `Knelpunt actie ${k.actionCode}: ${k.description}`);
  const due = input.milestones
    .filter((m) => m.status !== 'cancelled' && m.dueDate > input.previousDate && m.dueDate <= meeting.date)
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || NL.compare(a.actionCode, b.actionCode));
  for (const m of due) {
    const state =
      m.status === 'achieved'
        ? `behaald${m.achievedOn ? ` op ${dutchDate(m.achievedOn)}` : ''}`
        : m.dueDate < input.today
          ? 'te laat'
          : 'vervalt';
    item('milestone', m.id, `Mijlpaal actie ${m.actionCode}: ${m.title} (streefdatum ${dutchDate(m.dueDate)}, ${state})`);
  }
  const horizon = date(Date.parse(meeting.date) + input.lookaheadDays * DAY);
  const soon = input.commitments
    .filter((c) => c.dueDate > input.previousDate && c.dueDate <= horizon)
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  for (const c of soon) item('commitment', c.id, `Toezegging (uiterlijk ${dutchDate(c.dueDate)}): ${c.text}`);
  for (const m of input.manual) items.push({ id: m.id, title: m.title, source: { type: 'manual', ref: m.id }, order: items.length + 1 });
  item('standing', 'rondvraag', 'Rondvraag en sluiting');
  return items;
}

/**
 * es-core's stableId (a UUIDv5 in the platform's namespace, ids.ts), with node:crypto: the uuid
 * package's v5 is 3–4× slower. The spec holds it to meetingIdOf and itemIdOf.
 */
const NAMESPACE = Buffer.from('0b6f3f52-6c1e-4c8e-9a57-2f3ad1b0c0de'.replace(/-/g, ''), 'hex');
function stableId(key: string): string {
  const hash = createHash('sha1').update(NAMESPACE).update(key, 'utf8').digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.toString('hex', 0, 16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The first `events` events of the history of `seed`: a smaller history is a prefix of a larger one. */
export function* syntheticHistory(options: { seed: number; events: number }): Generator<SyntheticEvent> {
  const rnd = new Draw(options.seed);
  let position = 0;
  for (let cohort = 0; position < options.events; cohort++) {
    const buffer: Pending[] = [];
    const emit: Emit = (streamId, at, actor, events) => {
      const requestId = rnd.uuid(at);
      // The platform's jobs send no idempotency key; a client sometimes does.
      const keyed = actor.role !== 'system' && rnd.chance(0.3);
      const metadata: EventMetadata = {
        actor,
        correlationId: requestId,
        causationId: requestId,
        ...(keyed ? { idempotencyKey: rnd.uuid(at) } : {}),
      };
      for (const [type, data] of events) buffer.push({ at, seq: buffer.length, streamId, type, data, metadata });
    };
    for (let i = 0; i < COHORT; i++) werkagenda(cohort * COHORT + i + 1, START + cohort * 4 * DAY + rnd.int(0, 3) * DAY, rnd, emit);
    buffer.sort((a, b) => a.at - b.at || a.seq - b.seq);
    const revisions = new Map<string, number>();
    for (const p of buffer) {
      if (position >= options.events) return;
      const revision = (revisions.get(p.streamId) ?? -1) + 1;
      revisions.set(p.streamId, revision);
      yield {
        position: ++position,
        streamId: p.streamId,
        revision,
        id: rnd.uuid(p.at),
        type: p.type,
        schemaVersion: SCHEMA_VERSIONS[p.type] ?? 1,
        data: p.data,
        metadata: p.metadata,
        occurredAt: new Date(p.at),
        recordedAt: new Date(p.at + rnd.int(2, 40)),
      };
    }
  }
}
