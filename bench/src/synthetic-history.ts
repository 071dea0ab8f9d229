import { ACTIONS_UPCASTERS } from '@regie/actions';
import { COMMITMENT_UPCASTERS } from '@regie/commitments';
import { type Actor, type DomainEvent, type EventMetadata, Upcasters } from '@regie/es-core';
import { MEETING_UPCASTERS } from '@regie/meetings';
import { werkagendaActions } from './history/actions';
import { commitments } from './history/commitments';
import { Draw } from './history/draw';
import { meetings } from './history/meetings';
import { type Context, DAY, type Emit } from './history/recorder';

/**
 * Part 3's input: a deterministic synthetic governance history, made by the platform's own rules.
 * The generator plays the users and jobs: it chooses commands (what a coordinator, actiehouder,
 * director or job does, and when); each stream's events are what the context's own decider
 * decides for that command in the stream's state (history/recorder.ts), published agendas are
 * what the meetings context's composeDraft composes, due dates in words resolve by resolveDue.
 *
 * Werkagenda k ("wa<k>") is set up as the beheer routes set one up (established with its parties,
 * action lines added, the 12 actions of the real werkagenda defined with their keys "wa17:2.1"), so
 * every stream id and read-model key is unique and names its werkagenda, with progress reports,
 * milestones and knelpunten (history/actions.ts); its four meeting series and their meetings
 * (history/meeting-plan.ts, history/meetings.ts; no action points: their owner is sealed personal
 * data and this history names no person); 3–4 toezeggingen a year with the jobs' due-soon and
 * overdue notices (history/commitments.ts). Actions-context events stay the majority (about two
 * thirds). Actions, series and toezeggingen carry their werkagendaId. Werkagenda's run in cohorts
 * of 8 whose events are interleaved by time; positions are contiguous from 1 and every stream's
 * events are in time order. Same seed and size: the identical history (no Math.random, no clock).
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

const START = Date.UTC(2018, 0, 1, 8);
const COHORT = 8;

interface Pending {
  at: number;
  seq: number;
  streamId: string;
  event: DomainEvent;
  metadata: EventMetadata;
}

function werkagenda(k: number, start: number, rnd: Draw, emit: Emit): void {
  const werkagendaId = `wa${k}`;
  const coordinator: Actor = { userId: `coordinator-${werkagendaId}`, role: 'coordinator' };
  const ctx: Context = { rnd, emit, coordinator, inbound: { milestones: [], knelpunten: [], commitments: [] } };
  const actions = werkagendaActions(werkagendaId, k, start, ctx);
  commitments(werkagendaId, start, actions, ctx);
  meetings(werkagendaId, start, start + 4 * 365 * DAY, ctx);
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
      const metadata: EventMetadata = { actor, correlationId: requestId, causationId: requestId };
      if (keyed) metadata.idempotencyKey = rnd.uuid(at);
      for (const event of events) buffer.push({ at, seq: buffer.length, streamId, event, metadata });
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
        type: p.event.type,
        schemaVersion: SCHEMA_VERSIONS[p.event.type] ?? 1,
        data: p.event.data as Record<string, unknown>,
        metadata: p.metadata,
        occurredAt: new Date(p.at),
        recordedAt: new Date(p.at + rnd.int(2, 40)),
      };
    }
  }
}
