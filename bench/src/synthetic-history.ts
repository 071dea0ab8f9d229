import { ACTIONS_UPCASTERS } from '@regie/actions';
import { type Actor, type EventMetadata, Upcasters } from '@regie/es-core';
// The real werkagenda gives the synthetic one realistic titles, parties and payload sizes.
// eslint-disable-next-line @nx/enforce-module-boundaries -- the actions index does not export its seed data
import { WERKAGENDA_SEED } from '../../services/actions/src/seed/werkagenda.seed-data';

/**
 * Part 3's input: a deterministic synthetic governance history with the real event types and
 * data shapes of services/actions. Werkagenda k ("wa<k>") has the 12 actions of the real
 * werkagenda with codes prefixed per werkagenda ("wa17.2.1", stream "action-wa17.2.1"), so
 * every stream id and every read-model key (actions are keyed by code) is unique. Milestones,
 * progress reports and knelpunten follow the deciders' rules. Werkagenda's run in cohorts of
 * 8 whose events are interleaved by time; positions are contiguous from 1 and every stream's
 * events are in time order. Same seed and size: the identical history (no Math.random).
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

/** Events are written at the version the platform writes them today (e.g. MilestonePlanned v2). */
export const SCHEMA_VERSIONS: Record<string, number> = new Upcasters(ACTIONS_UPCASTERS).currentVersions;

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
  /** A UUIDv7 as the platform makes them: the time in ms, then random bits from this generator. */
  uuid(ms: number): string {
    const h = (n: number) => this.int(0, 16 ** n - 1).toString(16).padStart(n, '0');
    const t = ms.toString(16).padStart(12, '0');
    return `${t.slice(0, 8)}-${t.slice(8)}-7${h(3)}-${'89ab'[this.int(0, 3)]}${h(3)}-${h(6)}${h(6)}`;
  }
}

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
const REPLAN_REASONS = ['Afhankelijkheid van de evaluatie', 'Besluitvorming in de regiegroep schuift op', 'Extra afstemming met zorgkantoren nodig'];
const CANCEL_REASONS = ['Opgegaan in een andere mijlpaal', 'Niet meer nodig na besluit van de regiegroep'];
const KNELPUNTEN = ['Financiering na de pilotperiode is onzeker', 'Gegevensdeling tussen gemeente en zorgkantoor ontbreekt', 'Te weinig ervaringsdeskundigen beschikbaar'];
const RESOLUTIONS = ['Besproken in de regiegroep; VWS stelt middelen beschikbaar', 'Convenant over gegevensdeling getekend'];

interface Pending { at: number; seq: number; streamId: string; type: string; data: Record<string, unknown>; metadata: EventMetadata }

/** Appends one command's events (same time, same metadata) to a cohort's buffer. */
type Emit = (streamId: string, at: number, actor: Actor, events: [string, Record<string, unknown>][]) => void;

function werkagenda(k: number, start: number, rnd: Draw, emit: Emit): void {
  const seed = WERKAGENDA_SEED;
  const werkagendaId = `wa${k}`;
  const coordinator: Actor = { userId: `coordinator-${werkagendaId}`, role: 'coordinator' };
  const period = { from: date(start), to: date(start + 4 * 365 * DAY) };
  emit(`werkagenda-${werkagendaId}`, start, coordinator, [['WerkagendaEstablished', {
    werkagendaId, title: `${seed.title} (synthetisch ${k})`, period, parties: seed.parties, actionLines: seed.actionLines,
  }]]);
  seed.actions.forEach((a, i) => {
    const code = `${werkagendaId}.${a.code}`;
    const stream = `action-${code}`;
    const holder: Actor = { userId: `actiehouder-${code}`, role: 'actiehouder' };
    const defined = start + 3_600_000 + i * 60_000;
    emit(stream, defined, coordinator, [['ActionDefined', {
      werkagendaId, code, actionLine: a.actionLine, title: a.title, actionHolder: a.actionHolder, startActivities: a.startActivities,
    }]]);
    if (rnd.chance(0.5)) {
      const actionHolder = { parties: [rnd.pick(seed.parties).code], description: 'Actiehouder aangewezen in de mijlpalenplanning' };
      emit(stream, defined + rnd.int(7, 90) * DAY, coordinator, [['ActionHolderAssigned', { code, actionHolder }]]);
    }
    const reports = rnd.int(18, 36);
    for (let j = 1; j <= reports; j++) {
      const at = defined + Math.floor((j * 1400 * DAY) / (reports + 1)) + rnd.int(0, 3_600_000);
      emit(stream, at, holder, [['ProgressReported', { code, reportId: rnd.uuid(at), rag: rnd.pick(RAG), summary: rnd.pick(SUMMARIES), reportedAt: new Date(at).toISOString() }]]);
    }
    const titles = a.milestones.length ? a.milestones.map((m) => m.title) : ['Tussenrapportage aan de regiegroep', 'Plan van aanpak vastgesteld'];
    for (let j = rnd.int(4, 8); j > 0; j--) milestone(code, defined + rnd.int(1, 900) * DAY, `${rnd.pick(titles)} (${j})`, holder, coordinator, rnd, emit);
    for (let j = rnd.int(0, 4); j > 0; j--) knelpunt(code, defined + rnd.int(30, 1200) * DAY, holder, coordinator, rnd, emit);
  });
}

/** planned → [started] → [replanned ×0–2] → achieved | cancelled | still open. */
function milestone(actionCode: string, planned: number, title: string, holder: Actor, coordinator: Actor, rnd: Draw, emit: Emit): void {
  const milestoneId = rnd.uuid(planned);
  const stream = `milestone-${milestoneId}`;
  let due = planned + rnd.int(30, 365) * DAY;
  let at = planned;
  const dueDateText = rnd.chance(0.3) ? inWords(due) : null;
  emit(stream, at, holder, [['MilestonePlanned', { milestoneId, actionCode, title, dueDate: date(due), dueDateText }]]);
  if (rnd.chance(0.6)) emit(stream, (at += rnd.int(1, 60) * DAY), holder, [['MilestoneStarted', { milestoneId, actionCode, startedOn: date(at) }]]);
  for (let r = rnd.chance(0.35) ? rnd.int(1, 2) : 0; r > 0; r--) {
    const previousDueDate = date(due);
    due += rnd.int(30, 180) * DAY;
    emit(stream, (at += rnd.int(1, 90) * DAY), coordinator, [['MilestoneReplanned', { milestoneId, actionCode, previousDueDate, dueDate: date(due), reason: rnd.pick(REPLAN_REASONS) }]]);
  }
  const end = rnd.next();
  if (end < 0.6) emit(stream, (at += rnd.int(1, 120) * DAY), holder, [['MilestoneAchieved', { milestoneId, actionCode, achievedOn: date(at) }]]);
  else if (end < 0.75) emit(stream, (at += rnd.int(1, 60) * DAY), coordinator, [['MilestoneCancelled', { milestoneId, actionCode, reason: rnd.pick(CANCEL_REASONS) }]]);
}

/** raised (optionally escalated in the same command) → [escalated] → [resolved]. */
function knelpunt(actionCode: string, raised: number, holder: Actor, coordinator: Actor, rnd: Draw, emit: Emit): void {
  const knelpuntId = rnd.uuid(raised);
  const stream = `knelpunt-${knelpuntId}`;
  const events: [string, Record<string, unknown>][] = [['KnelpuntRaised', { knelpuntId, actionCode, description: rnd.pick(KNELPUNTEN), raisedAt: new Date(raised).toISOString() }]];
  let level: 'kerngroep' | 'regiegroep' | null = rnd.chance(0.2) ? rnd.pick(['kerngroep', 'regiegroep'] as const) : null;
  if (level) events.push(['KnelpuntEscalated', { knelpuntId, actionCode, from: null, to: level }]);
  emit(stream, raised, holder, events);
  let at = raised;
  if (level !== 'regiegroep' && rnd.chance(0.4)) {
    const to = level === null ? rnd.pick(['kerngroep', 'regiegroep'] as const) : 'regiegroep';
    emit(stream, (at += rnd.int(7, 60) * DAY), coordinator, [['KnelpuntEscalated', { knelpuntId, actionCode, from: level, to }]]);
    level = to;
  }
  if (rnd.chance(0.7)) {
    at += rnd.int(14, 180) * DAY;
    emit(stream, at, coordinator, [['KnelpuntResolved', { knelpuntId, actionCode, resolution: rnd.pick(RESOLUTIONS), resolvedAt: new Date(at).toISOString() }]]);
  }
}

/** The first `events` events of the history of `seed`: a smaller history is a prefix of a larger one. */
export function* syntheticHistory(options: { seed: number; events: number }): Generator<SyntheticEvent> {
  const rnd = new Draw(options.seed);
  let position = 0;
  for (let cohort = 0; position < options.events; cohort++) {
    const buffer: Pending[] = [];
    const emit: Emit = (streamId, at, actor, events) => {
      const requestId = rnd.uuid(at);
      const metadata: EventMetadata = { actor, correlationId: requestId, causationId: requestId, ...(rnd.chance(0.3) ? { idempotencyKey: rnd.uuid(at) } : {}) };
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
        position: ++position, streamId: p.streamId, revision, id: rnd.uuid(p.at), type: p.type, schemaVersion: SCHEMA_VERSIONS[p.type] ?? 1,
        data: p.data, metadata: p.metadata, occurredAt: new Date(p.at), recordedAt: new Date(p.at + rnd.int(2, 40)),
      };
    }
  }
}
