import type { Decider, DomainEvent, RecordedEvent } from '@regie/es-core';
/* eslint-disable @nx/enforce-module-boundaries -- the deciders are not exported by the actions index; the test holds the history to them */
import { actionDecider, type ActionCommand } from '../../services/actions/src/action/action';
import { knelpuntDecider, type KnelpuntCommand } from '../../services/actions/src/knelpunt/knelpunt';
import { milestoneDecider, type MilestoneCommand } from '../../services/actions/src/milestone/milestone';
import { werkagendaDecider } from '../../services/actions/src/werkagenda/werkagenda';
import { type ActionsTables, applyActionsEvent } from '../../services/actions/src/read-model/actions.projection';
/* eslint-enable @nx/enforce-module-boundaries */
import { SCHEMA_VERSIONS, type SyntheticEvent, syntheticHistory } from './synthetic-history';

const history = (seed: number, events: number) => [...syntheticHistory({ seed, events })];
type D = Record<string, any>;
type AnyDecider = Decider<unknown, DomainEvent, unknown>;

/** The command that would have produced events[i] (and, for a raise with escalation, events[i+1]). */
function commandFor(events: SyntheticEvent[], i: number): { decider: AnyDecider; command: unknown; produces: number } {
  const { type, data } = events[i] as { type: string; data: D };
  const as = (decider: unknown, command: unknown, produces = 1) => ({ decider: decider as AnyDecider, command, produces });
  switch (type) {
    case 'WerkagendaEstablished': return as(werkagendaDecider, { type: 'EstablishWerkagenda', data });
    case 'ActionDefined': return as(actionDecider, { type: 'DefineAction', data } as ActionCommand);
    case 'ActionHolderAssigned': return as(actionDecider, { type: 'AssignActionHolder', data } as ActionCommand);
    case 'ProgressReported': return as(actionDecider, { type: 'ReportProgress', data } as ActionCommand);
    case 'MilestonePlanned': return as(milestoneDecider, { type: 'PlanMilestone', data } as MilestoneCommand);
    case 'MilestoneStarted': return as(milestoneDecider, { type: 'StartMilestone', data: { milestoneId: data.milestoneId, startedOn: data.startedOn } } as MilestoneCommand);
    case 'MilestoneAchieved': return as(milestoneDecider, { type: 'AchieveMilestone', data: { milestoneId: data.milestoneId, achievedOn: data.achievedOn, today: data.achievedOn } } as MilestoneCommand);
    case 'MilestoneReplanned': return as(milestoneDecider, { type: 'ReplanMilestone', data: { milestoneId: data.milestoneId, dueDate: data.dueDate, reason: data.reason } } as MilestoneCommand);
    case 'MilestoneCancelled': return as(milestoneDecider, { type: 'CancelMilestone', data: { milestoneId: data.milestoneId, reason: data.reason } } as MilestoneCommand);
    case 'KnelpuntRaised': {
      const next = events[i + 1] as { type: string; data: D } | undefined;
      const escalated = next?.type === 'KnelpuntEscalated' && next.data.from === null && events[i + 1].metadata.causationId === events[i].metadata.causationId;
      const { knelpuntId, actionCode, description, raisedAt } = data;
      const command: KnelpuntCommand = { type: 'RaiseKnelpunt', data: { knelpuntId, actionCode, description, raisedAt, ...(escalated ? { escalateTo: next.data.to } : {}) } };
      return as(knelpuntDecider, command, escalated ? 2 : 1);
    }
    case 'KnelpuntEscalated': return as(knelpuntDecider, { type: 'EscalateKnelpunt', data: { knelpuntId: data.knelpuntId, to: data.to } } as KnelpuntCommand);
    case 'KnelpuntResolved': return as(knelpuntDecider, { type: 'ResolveKnelpunt', data: { knelpuntId: data.knelpuntId, resolution: data.resolution, resolvedAt: data.resolvedAt } } as KnelpuntCommand);
    default: throw new Error(`unknown event type ${type}`);
  }
}

/** Replays every stream through the real deciders: each event must be what its command decides in that state. */
function assertDecidable(events: SyntheticEvent[]): void {
  const streams = new Map<string, SyntheticEvent[]>();
  for (const e of events) streams.set(e.streamId, [...(streams.get(e.streamId) ?? []), e]);
  for (const stream of streams.values()) {
    let state: unknown;
    for (let i = 0; i < stream.length; ) {
      const { decider, command, produces } = commandFor(stream, i);
      state ??= decider.initialState();
      const decided = decider.decide(command, state);
      expect(decided).toEqual(stream.slice(i, i + produces).map(({ type, data }) => ({ type, data })));
      state = decided.reduce(decider.evolve, state);
      i += produces;
    }
  }
}

describe('synthetic governance history', () => {
  const events = history(7, 20_000);

  it('is deterministic: the same seed gives the identical history, another seed another one', () => {
    expect(history(7, 20_000)).toEqual(events);
    expect(history(8, 20_000).map((e) => e.id)).not.toEqual(events.map((e) => e.id));
  });

  it('makes a smaller history the prefix of a larger one', () => {
    expect(history(7, 5_000)).toEqual(events.slice(0, 5_000));
  });

  it('writes every event type at the version the platform writes it today', () => {
    expect(SCHEMA_VERSIONS.MilestonePlanned).toBeGreaterThanOrEqual(2);
    for (const e of events) expect(e.schemaVersion).toBe(SCHEMA_VERSIONS[e.type] ?? 1);
  });

  it('has contiguous positions from 1, contiguous revisions per stream and unique event ids', () => {
    expect(events.map((e) => e.position)).toEqual(events.map((_, i) => i + 1));
    const last = new Map<string, number>();
    for (const e of events) {
      expect(e.revision).toBe((last.get(e.streamId) ?? -1) + 1);
      last.set(e.streamId, e.revision);
    }
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
  });

  it('uses only event types the actions projection handles, and all of them', () => {
    const calls: string[] = [];
    const rows = () => ({ get: () => ({ replans: [] }), insert: () => void calls.push('insert'), update: () => calls.push('update') > 0 });
    const tables = { werkagenda: rows(), action: rows(), milestone: rows(), progressReport: rows(), knelpunt: rows() } as unknown as ActionsTables;
    for (const event of events) {
      const before = calls.length;
      const handled = applyActionsEvent(tables, event as unknown as RecordedEvent);
      if (!handled || calls.length === before) throw new Error(`the projection ignores ${event.type}`);
    }
    expect(new Set(events.map((e) => e.type)).size).toBe(12);
  });

  it('keeps read-model keys unique and refers only to actions defined earlier', () => {
    const defined = events.filter((e) => e.type === 'ActionDefined').map((e) => e.data.code as string);
    expect(new Set(defined).size).toBe(defined.length);
    const seen = new Set<string>();
    for (const e of events) {
      if (e.type === 'ActionDefined') seen.add(e.data.code as string);
      const code = (e.data.actionCode ?? e.data.code) as string | undefined;
      if (code) expect(seen.has(code)).toBe(true);
    }
    for (const [type, key] of [['MilestonePlanned', 'milestoneId'], ['KnelpuntRaised', 'knelpuntId'], ['ProgressReported', 'reportId']]) {
      const ids = events.filter((e) => e.type === type).map((e) => e.data[key]);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('has lifecycle-valid streams: every event is what the real decider decides for its command', () => {
    assertDecidable(events);
  });

  it('would notice an invalid lifecycle (a milestone achieved after it was cancelled)', () => {
    const cancelled = events.find((e) => e.type === 'MilestoneCancelled')!;
    const stream = events.filter((e) => e.streamId === cancelled.streamId);
    const achieved = { ...cancelled, revision: cancelled.revision + 1, type: 'MilestoneAchieved', data: { ...cancelled.data, achievedOn: '2030-01-01' } };
    expect(() => assertDecidable([...stream, achieved])).toThrow('een geannuleerde mijlpaal kan niet behaald worden');
  });
});
