import { addDays, addMonths, amsterdamInstant } from '@regie/calendar';
import { actionKey, amsterdamDate, type Decider, type DomainEvent, type RecordedEvent, splitActionKey } from '@regie/es-core';
import {
  actionDecider,
  type ActionCommand,
  knelpuntDecider,
  type KnelpuntCommand,
  milestoneDecider,
  type MilestoneCommand,
  werkagendaDecider,
} from '@regie/actions';
import { commitmentDecider, type CommitmentCommand, commitmentsMessages, type CommitmentState } from '@regie/commitments';
import {
  composeDraft,
  type DueCommitment,
  type DueMilestone,
  itemIdOf,
  MEETING_KINDS,
  meetingDecider,
  type MeetingCommand,
  meetingIdOf,
  type MeetingKind,
  meetingsMessages,
  type MeetingSeriesCommand,
  meetingSeriesDecider,
  type MeetingState,
  type OpenKnelpunt,
  preparations,
  SERIES_SEED,
  type SeriesDefinition,
} from '@regie/meetings';
/* eslint-disable @nx/enforce-module-boundaries -- the test holds the history to the services' projections, consumers and calendar rules, which are theirs alone */
import { type ActionsTables, applyActionsEvent } from '../../services/actions/src/read-model/actions.projection';
import {
  applyCommitmentsEvent,
  type CommitmentsTables,
  CommitmentsProjection,
} from '../../services/commitments/src/read-model/commitments.projection';
import type { CommitmentRow } from '../../services/commitments/src/read-model/entities';
import { CommitmentsEvent } from '@regie/contracts-commitments';
import type { MeetingRow } from '../../services/meetings/src/read-model/entities';
import { applyMeetingsEvent, type MeetingsTables, MeetingsProjection } from '../../services/meetings/src/read-model/meetings.projection';
import { nominalDate } from '../../services/meetings/src/scheduling/occurrences';
/* eslint-enable @nx/enforce-module-boundaries */
import { SCHEMA_VERSIONS, type SyntheticEvent, syntheticHistory } from './synthetic-history';

const history = (seed: number, events: number) => [...syntheticHistory({ seed, events })];
type D = Record<string, any>;
type AnyDecider = Decider<unknown, DomainEvent, unknown>;

const ACTIONS_TYPES = new Set([
  'WerkagendaEstablished',
  'ActionLineAdded',
  'ActionDefined',
  'ActionHolderAssigned',
  'ProgressReported',
  'MilestonePlanned',
  'MilestoneStarted',
  'MilestoneReplanned',
  'MilestoneAchieved',
  'MilestoneCancelled',
  'KnelpuntRaised',
  'KnelpuntEscalated',
  'KnelpuntResolved',
]);
const MEETINGS_TYPES = new Set([
  'MeetingSeriesDefined',
  'MeetingScheduled',
  'MeetingRescheduled',
  'MeetingCancelled',
  'AgendaItemAdded',
  'AgendaPublished',
  'MeetingHeld',
  'DecisionRecorded',
  'MinutesApproved',
]);
const COMMITMENTS_TYPES = new Set([
  'CommitmentRegistered',
  'CommitmentDueSoon',
  'CommitmentBecameOverdue',
  'CommitmentPostponed',
  'CommitmentFulfilled',
  'CommitmentWithdrawn',
]);

/**
 * The command that would have produced events[i] (and, for a raise with escalation, events[i+1]).
 * Time-bound commands take their time from the event: `now` is when it was recorded, `today` that
 * day in Amsterdam (as the platform's clock and jobs give them).
 */
function commandFor(events: SyntheticEvent[], i: number): { decider: AnyDecider; command: unknown; produces: number } {
  const { type, data, occurredAt } = events[i] as { type: string; data: D; occurredAt: Date };
  const as = (decider: unknown, command: unknown, produces = 1) => ({ decider: decider as AnyDecider, command, produces });
  const now = occurredAt.toISOString();
  const today = amsterdamDate(occurredAt);
  const meeting = (command: MeetingCommand) => as(meetingDecider, command);
  const commitment = (command: CommitmentCommand) => as(commitmentDecider, command);
  switch (type) {
    case 'WerkagendaEstablished':
      return as(werkagendaDecider, { type: 'EstablishWerkagenda', data });
    case 'ActionLineAdded':
      return as(werkagendaDecider, { type: 'AddActionLine', data });
    case 'ActionDefined':
      return as(actionDecider, { type: 'DefineAction', data } as ActionCommand);
    case 'ActionHolderAssigned':
      return as(actionDecider, { type: 'AssignActionHolder', data } as ActionCommand);
    case 'ProgressReported':
      return as(actionDecider, { type: 'ReportProgress', data } as ActionCommand);
    case 'MilestonePlanned':
      return as(milestoneDecider, { type: 'PlanMilestone', data } as MilestoneCommand);
    case 'MilestoneStarted':
      return as(milestoneDecider, {
        type: 'StartMilestone',
        data: { milestoneId: data.milestoneId, startedOn: data.startedOn },
      } as MilestoneCommand);
    case 'MilestoneAchieved':
      return as(milestoneDecider, {
        type: 'AchieveMilestone',
        data: { milestoneId: data.milestoneId, achievedOn: data.achievedOn, today: data.achievedOn },
      } as MilestoneCommand);
    case 'MilestoneReplanned':
      return as(milestoneDecider, {
        type: 'ReplanMilestone',
        data: { milestoneId: data.milestoneId, dueDate: data.dueDate, reason: data.reason },
      } as MilestoneCommand);
    case 'MilestoneCancelled':
      return as(milestoneDecider, {
        type: 'CancelMilestone',
        data: { milestoneId: data.milestoneId, reason: data.reason },
      } as MilestoneCommand);
    case 'KnelpuntRaised': {
      const next = events[i + 1] as { type: string; data: D } | undefined;
      const escalated =
        next?.type === 'KnelpuntEscalated' &&
        next.data.from === null &&
        events[i + 1].metadata.causationId === events[i].metadata.causationId;
      const { knelpuntId, actionCode, description, raisedAt } = data;
      const command: KnelpuntCommand = {
        type: 'RaiseKnelpunt',
        data: { knelpuntId, actionCode, description, raisedAt, ...(escalated ? { escalateTo: next.data.to } : {}) },
      };
      return as(knelpuntDecider, command, escalated ? 2 : 1);
    }
    case 'KnelpuntEscalated':
      return as(knelpuntDecider, { type: 'EscalateKnelpunt', data: { knelpuntId: data.knelpuntId, to: data.to } } as KnelpuntCommand);
    case 'KnelpuntResolved':
      return as(knelpuntDecider, {
        type: 'ResolveKnelpunt',
        data: { knelpuntId: data.knelpuntId, resolution: data.resolution, resolvedAt: data.resolvedAt },
      } as KnelpuntCommand);
    case 'MeetingSeriesDefined':
      return as(meetingSeriesDecider, { type: 'DefineMeetingSeries', data } as MeetingSeriesCommand);
    case 'MeetingScheduled':
      return meeting({ type: 'ScheduleMeeting', data } as MeetingCommand);
    case 'MeetingRescheduled':
      // A move onto a feestdag was confirmed (the event does not say so: it was decided).
      return meeting({
        type: 'RescheduleMeeting',
        data: { meetingId: data.meetingId, startsAt: data.startsAt, reason: data.reason, now, confirmHoliday: true },
      });
    case 'MeetingCancelled':
      return meeting({ type: 'CancelMeeting', data: { meetingId: data.meetingId, reason: data.reason } });
    case 'AgendaItemAdded':
      return meeting({ type: 'AddAgendaItem', data: { meetingId: data.meetingId, itemId: data.itemId, title: data.title } });
    case 'AgendaPublished':
      if (data.frozenBy === 'held') {
        // frozen by holding: one MarkMeetingHeld gave this and the MeetingHeld after it
        return as(meetingDecider, { type: 'MarkMeetingHeld', data: { meetingId: data.meetingId, now, draft: data.items } }, 2);
      }
      return meeting({ type: 'PublishAgenda', data: { meetingId: data.meetingId, items: data.items } });
    case 'MeetingHeld':
      return meeting({ type: 'MarkMeetingHeld', data: { meetingId: data.meetingId, now, draft: [] } });
    case 'DecisionRecorded':
      return meeting({
        type: 'RecordDecision',
        data: { meetingId: data.meetingId, decisionId: data.decisionId, text: data.text, decisionKind: data.decisionKind },
      });
    case 'MinutesApproved':
      return meeting({ type: 'ApproveMinutes', data: { meetingId: data.meetingId, now } });
    case 'CommitmentRegistered':
      return commitment({ type: 'RegisterCommitment', data } as CommitmentCommand);
    case 'CommitmentDueSoon':
      return commitment({
        type: 'MarkCommitmentDueSoon',
        data: { commitmentId: data.commitmentId, dueDate: data.dueDate, today, lookaheadDays: data.lookaheadDays },
      });
    case 'CommitmentBecameOverdue':
      return commitment({ type: 'MarkCommitmentOverdue', data: { commitmentId: data.commitmentId, dueDate: data.dueDate, today } });
    case 'CommitmentPostponed':
      return commitment({
        type: 'PostponeCommitment',
        data: { commitmentId: data.commitmentId, due: data.due, reason: data.reason, source: data.source },
      });
    case 'CommitmentFulfilled':
      return commitment({ type: 'FulfilCommitment', data: { commitmentId: data.commitmentId, document: data.document, today } });
    case 'CommitmentWithdrawn':
      return commitment({
        type: 'WithdrawCommitment',
        data: { commitmentId: data.commitmentId, reason: data.reason, source: data.source },
      });
    default:
      throw new Error(`unknown event type ${type}`);
  }
}

const byStream = (events: SyntheticEvent[]) => {
  const streams = new Map<string, SyntheticEvent[]>();
  for (const e of events) {
    const stream = streams.get(e.streamId);
    if (stream) stream.push(e);
    else streams.set(e.streamId, [e]);
  }
  return streams;
};

/** Replays every stream through the real deciders: each event must be what its command decides in that state. Returns the final states. */
function assertDecidable(events: SyntheticEvent[]): Map<string, unknown> {
  const states = new Map<string, unknown>();
  for (const [streamId, stream] of byStream(events)) {
    let state: unknown;
    for (let i = 0; i < stream.length;) {
      const { decider, command, produces } = commandFor(stream, i);
      state ??= decider.initialState();
      const decided = decider.decide(command, state);
      expect(decided).toEqual(stream.slice(i, i + produces).map(({ type, data }) => ({ type, data })));
      state = decided.reduce(decider.evolve, state);
      i += produces;
    }
    states.set(streamId, state);
  }
  return states;
}

/**
 * An EntityManager over maps: the projections' tables in memory, strict. A key inserted twice, or
 * an update or find that finds no row, fails (the RowSets of a real batch would insert a duplicate,
 * or silently skip the update).
 */
function memoryTables() {
  const tables = new Map<string, Map<string, D>>();
  const table = (name: string) => tables.get(name) ?? (tables.set(name, new Map()).get(name) as Map<string, D>);
  const keyOf = (row: D) => (row.id ?? `${row.commitmentId}/${row.revision}`) as string;
  const rowSet = (name: string) => ({
    get: (key: string) => table(name).get(key),
    insert: (row: D) => {
      if (table(name).has(keyOf(row))) throw new Error(`${name} ${keyOf(row)} inserted twice`);
      table(name).set(keyOf(row), { ...row });
    },
    update: (key: string, patch: D) => {
      const row = table(name).get(key);
      if (!row) throw new Error(`${name} ${key} not found`);
      Object.assign(row, patch);
      return true;
    },
  });
  const meetings = {
    series: rowSet('series'),
    meeting: rowSet('meeting'),
    decision: rowSet('decision'),
    actionPoint: rowSet('actionPoint'),
  } as unknown as MeetingsTables;
  const commitments = { commitment: rowSet('commitment'), history: rowSet('history') } as unknown as CommitmentsTables;
  return { meetings, commitments, rows: table };
}

/**
 * The agenda the platform would publish at each AgendaPublished, rebuilt from the history alone:
 * the meetings read model and the inbound rows (from the actions and commitments events recorded
 * before it, as the consumers keep them), then MeetingsQueries.agendaOf's rules and composeDraft.
 * Calls `check` with the published items and the platform's.
 */
function replayAgendas(events: SyntheticEvent[], check: (published: unknown, composed: unknown) => void): number {
  type Meeting = {
    id: string;
    seriesId: string;
    kind: MeetingKind;
    startsAt: string;
    endsAt: string;
    status: string;
    manual: { id: string; title: string }[];
  };
  /** Meetings' inbound rows of one werkagenda (rows of actions it does not know yet belong to every werkagenda: werkagenda_id IS NULL). */
  type Inbound = {
    milestones: Map<string, DueMilestone>;
    knelpunten: Map<string, OpenKnelpunt & { open: boolean }>;
    commitments: Map<string, DueCommitment>;
  };
  const werkagendaOf = new Map<string, string>();
  const inbound = new Map<string | undefined, Inbound>();
  const inboundOf = (werkagendaId: string | undefined) =>
    inbound.get(werkagendaId) ??
    (inbound.set(werkagendaId, { milestones: new Map(), knelpunten: new Map(), commitments: new Map() }).get(werkagendaId) as Inbound);
  const ofAction = (code: string) => inboundOf(werkagendaOf.get(code));
  const series = new Map<string, SeriesDefinition>();
  const meetings = new Map<string, Meeting>();
  const ofSeries = new Map<string, Meeting[]>();
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
  let published = 0;
  for (const e of events) {
    const d = e.data as D;
    const meeting = meetings.get(d.meetingId) as Meeting;
    const milestone = () => ofAction(d.actionCode).milestones.get(d.milestoneId) as DueMilestone;
    const knelpunt = () => ofAction(d.actionCode).knelpunten.get(d.knelpuntId) as OpenKnelpunt & { open: boolean };
    switch (e.type) {
      case 'ActionDefined':
        werkagendaOf.set(d.code, d.werkagendaId);
        break;
      case 'MilestonePlanned':
        ofAction(d.actionCode).milestones.set(d.milestoneId, {
          id: d.milestoneId,
          actionCode: d.actionCode,
          title: d.title,
          dueDate: d.dueDate,
          status: 'planned',
          achievedOn: null,
        });
        break;
      case 'MilestoneStarted':
        milestone().status = 'in_progress';
        break;
      case 'MilestoneReplanned':
        milestone().dueDate = d.dueDate;
        break;
      case 'MilestoneAchieved':
        Object.assign(milestone(), { status: 'achieved', achievedOn: d.achievedOn });
        break;
      case 'MilestoneCancelled':
        milestone().status = 'cancelled';
        break;
      case 'KnelpuntRaised':
        ofAction(d.actionCode).knelpunten.set(d.knelpuntId, {
          id: d.knelpuntId,
          actionCode: d.actionCode,
          description: d.description,
          escalatedTo: '',
          open: true,
        });
        break;
      case 'KnelpuntEscalated':
        knelpunt().escalatedTo = d.to;
        break;
      case 'KnelpuntResolved':
        knelpunt().open = false;
        break;
      case 'CommitmentRegistered':
      case 'CommitmentDueSoon': {
        // Every open toezegging with a date; one goes to the werkagenda's of its actions; naming none (or an action not known yet), to every werkagenda.
        const dueDate = e.type === 'CommitmentRegistered' ? d.due.date : d.dueDate;
        if (dueDate === null) break;
        const named = d.actionCodes.length === 0 ? [undefined] : [...new Set((d.actionCodes as string[]).map((c) => werkagendaOf.get(c)))];
        for (const w of named)
          inboundOf(w).commitments.set(d.commitmentId, { id: d.commitmentId, text: d.text, dueDate, actionCodes: d.actionCodes });
        break;
      }
      case 'CommitmentPostponed':
      case 'CommitmentBecameOverdue': {
        // a new date (meetings' consumer updates the row); postponed to no date, it leaves the drafts
        const dueDate = e.type === 'CommitmentPostponed' ? d.due.date : d.dueDate;
        for (const i of inbound.values()) {
          const row = i.commitments.get(d.commitmentId);
          if (row && dueDate === null) i.commitments.delete(d.commitmentId);
          else if (row) row.dueDate = dueDate;
        }
        break;
      }
      case 'CommitmentFulfilled':
      case 'CommitmentWithdrawn': // closed: off every draft (meetings' consumer deletes the row)
        for (const i of inbound.values()) i.commitments.delete(d.commitmentId);
        break;
      case 'MeetingSeriesDefined':
        series.set(d.seriesId, d as SeriesDefinition);
        ofSeries.set(d.seriesId, []);
        break;
      case 'MeetingScheduled': {
        const m = {
          id: d.meetingId,
          seriesId: d.seriesId,
          kind: d.kind,
          startsAt: d.startsAt,
          endsAt: d.endsAt,
          status: 'scheduled',
          manual: [],
        };
        meetings.set(m.id, m);
        ofSeries.get(m.seriesId)?.push(m);
        break;
      }
      case 'MeetingRescheduled':
        Object.assign(meeting, { startsAt: d.startsAt, endsAt: d.endsAt });
        break;
      case 'MeetingCancelled':
        meeting.status = 'cancelled';
        break;
      case 'AgendaItemAdded':
        meeting.manual.push({ id: d.itemId, title: d.title });
        break;
      case 'MeetingHeld':
        meeting.status = 'held';
        break;
      case 'AgendaPublished': {
        const m = meeting;
        const now = e.occurredAt.getTime();
        const { werkagendaId, interval } = series.get(m.seriesId) as SeriesDefinition;
        const date = amsterdamDate(new Date(m.startsAt));
        const siblings = [...(ofSeries.get(m.seriesId) as Meeting[])].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
        const previous = siblings.filter((x) => x.status !== 'cancelled' && Date.parse(x.startsAt) < Date.parse(m.startsAt)).pop();
        const next = siblings.find((x) => x.status === 'scheduled' && Date.parse(x.endsAt) >= now);
        const slots = (kind: MeetingKind) =>
          [...series.values()]
            .filter((s) => s.werkagendaId === werkagendaId && s.kind === kind)
            .flatMap((s) => ofSeries.get(s.seriesId) as Meeting[])
            .filter((x) => x.status !== 'cancelled');
        const regie = meetings.get(preparations(slots('kerngroep'), slots('regiegroep')).get(m.id) ?? '');
        const rows = <T extends { id: string }>(pick: (i: Inbound) => Map<string, T>) =>
          [...pick(inboundOf(werkagendaId)).values(), ...pick(inboundOf(undefined)).values()].sort(byId);
        const composed = composeDraft({
          meeting: { id: m.id, kind: m.kind, date },
          isNext: next?.id === m.id,
          previousDate: previous
            ? amsterdamDate(new Date(previous.startsAt))
            : interval.unit === 'weeks'
              ? addDays(date, -7 * interval.every)
              : addMonths(date, -interval.every),
          prepares: regie ? { id: regie.id, date: amsterdamDate(new Date(regie.startsAt)) } : null,
          knelpunten: rows((i) => i.knelpunten).filter((k) => k.open && k.escalatedTo === m.kind),
          milestones: rows((i) => i.milestones),
          commitments: rows((i) => i.commitments),
          actionPoints: [],
          manual: m.manual,
          withdrawn: [],
          order: null,
          today: amsterdamDate(e.occurredAt),
          lookaheadDays: 42,
        });
        check(d.items, composed);
        m.status = 'agenda_published';
        published++;
        break;
      }
      default:
        break;
    }
  }
  return published;
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
    expect(SCHEMA_VERSIONS.MeetingSeriesDefined).toBeGreaterThanOrEqual(2); // with werkagendaId
    expect(SCHEMA_VERSIONS.CommitmentRegistered).toBeGreaterThanOrEqual(2); // madeBy as a PersonalText
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

  it("uses only event types its context's projection handles, and all of them", () => {
    const calls: string[] = [];
    const rows = () => ({
      get: () => ({ replans: [], actionLines: [] }),
      insert: () => void calls.push('insert'),
      update: () => calls.push('update') > 0,
    });
    const tables = {
      werkagenda: rows(),
      action: rows(),
      milestone: rows(),
      progressReport: rows(),
      knelpunt: rows(),
    } as unknown as ActionsTables;
    const meetings = new MeetingsProjection();
    const commitments = new CommitmentsProjection();
    for (const event of events) {
      const recorded = event as unknown as RecordedEvent;
      if (ACTIONS_TYPES.has(event.type)) {
        const before = calls.length;
        const handled = applyActionsEvent(tables, recorded);
        if (!handled || calls.length === before) throw new Error(`the actions projection ignores ${event.type}`);
      } else if (!(MEETINGS_TYPES.has(event.type) ? meetings : commitments).handles(recorded)) {
        throw new Error(`no projection handles ${event.type}`);
      }
    }
    expect([...new Set(events.map((e) => e.type))].sort()).toEqual([...ACTIONS_TYPES, ...MEETINGS_TYPES, ...COMMITMENTS_TYPES].sort());
  });

  it("builds the meetings and commitments read models: every key inserted once, every update finds its row, rows as the deciders' states", async () => {
    const t = memoryTables();
    for (const event of events) {
      if (ACTIONS_TYPES.has(event.type)) continue;
      if (MEETINGS_TYPES.has(event.type)) applyMeetingsEvent(t.meetings, event as never);
      else applyCommitmentsEvent(t.commitments, event as unknown as RecordedEvent);
    }
    const rows = (name: 'meeting' | 'commitment') => t.rows(name) as Map<string, never>;
    const states = assertDecidable(events);
    let compared = 0;
    for (const [id, row] of rows('meeting') as Map<string, MeetingRow>) {
      const state = states.get(`meeting-${id}`) as MeetingState;
      expect([row.status, row.startsAt.toISOString(), row.sequence]).toEqual([state.status, state.startsAt, state.sequence]);
      compared++;
    }
    for (const [id, row] of rows('commitment') as Map<string, CommitmentRow>) {
      const state = states.get(`commitment-${id}`) as CommitmentState;
      expect([row.status, row.dueDate, row.dueSoonFor]).toEqual([state.status, state.due?.date, state.dueSoonFor]);
      compared++;
    }
    expect(compared).toBeGreaterThan(1000);
  });

  it('maps every meetings and commitments event onto its published contract (agenda drafting stays inside)', () => {
    for (const event of events) {
      const recorded = event as unknown as RecordedEvent;
      if (MEETINGS_TYPES.has(event.type))
        expect(meetingsMessages(recorded)?.type ?? 'internal').toBe(event.type === 'AgendaItemAdded' ? 'internal' : `${event.type}V1`);
      if (!COMMITMENTS_TYPES.has(event.type)) continue;
      const message = commitmentsMessages(recorded);
      expect(message?.type.startsWith(event.type)).toBe(true);
      if (message) CommitmentsEvent.parse(message.payload); // as meetings' consumer reads it
    }
  });

  it('keeps read-model keys unique and refers only to actions defined earlier', () => {
    const defined = events.filter((e) => e.type === 'ActionDefined').map((e) => e.data.code as string);
    expect(new Set(defined).size).toBe(defined.length);
    const seen = new Set<string>();
    for (const e of events) {
      if (e.type === 'ActionDefined') seen.add(e.data.code as string);
      const codes = [e.data.actionCode ?? e.data.code, ...((e.data.actionCodes as string[] | undefined) ?? [])].filter(
        (c) => c !== undefined,
      );
      for (const code of codes) expect(seen.has(code as string)).toBe(true);
    }
    const keys = [
      ['MilestonePlanned', 'milestoneId'],
      ['KnelpuntRaised', 'knelpuntId'],
      ['ProgressReported', 'reportId'],
      ['MeetingSeriesDefined', 'seriesId'],
      ['MeetingScheduled', 'meetingId'],
      ['AgendaItemAdded', 'itemId'],
      ['DecisionRecorded', 'decisionId'],
      ['CommitmentRegistered', 'commitmentId'],
    ];
    for (const [type, key] of keys) {
      const ids = events.filter((e) => e.type === type).map((e) => e.data[key]);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it("sets up each werkagenda as the beheer routes do: established, action lines added, actions keyed '<werkagenda>:<code>' in it", () => {
    const established = new Map<string, D>();
    const lines = new Map<string, number[]>();
    const actionsOf = new Map<string, string>();
    for (const e of events) {
      const d = e.data as D;
      if (e.type === 'WerkagendaEstablished') {
        expect(d.werkagendaId).toMatch(/^wa\d+$/);
        expect(d.actionLines).toEqual([]);
        for (const p of d.parties)
          expect([p.role, p.memberFrom]).toEqual([expect.stringMatching(/penvoerder|partner|deelnemer/), d.period.from]);
        expect(e.metadata.actor.role).toBe('beheerder');
        established.set(d.werkagendaId, d);
      }
      if (e.type === 'ActionLineAdded') {
        expect(established.has(d.werkagendaId)).toBe(true);
        lines.set(d.werkagendaId, [...(lines.get(d.werkagendaId) ?? []), d.actionLine.number]);
      }
      if (e.type === 'ActionDefined') {
        const { werkagendaId, code } = splitActionKey(d.code);
        expect([werkagendaId, d.code, e.streamId]).toEqual([d.werkagendaId, actionKey(d.werkagendaId, code), `action-${d.code}`]);
        expect(code).toMatch(/^\d+(\.\d+)*$/);
        expect(lines.get(werkagendaId)).toContain(d.actionLine); // its werkagenda and action line came first
        expect(d.actiehouderPersonIds).toEqual([]);
        actionsOf.set(d.code, werkagendaId);
      }
      if (e.type === 'MeetingSeriesDefined') expect(established.has(d.werkagendaId)).toBe(true);
      if (e.type === 'CommitmentRegistered') {
        expect(established.has(d.werkagendaId)).toBe(true);
        for (const key of d.actionCodes) expect(actionsOf.get(key)).toBe(d.werkagendaId);
      }
    }
    expect(established.size).toBeGreaterThan(8);
    expect(actionsOf.size).toBeGreaterThan(100);
  });

  it('has lifecycle-valid streams: every event is what the real decider decides for its command', () => {
    assertDecidable(events);
  });

  it('would notice an invalid lifecycle (a milestone achieved after it was cancelled)', () => {
    const cancelled = events.find((e) => e.type === 'MilestoneCancelled')!;
    const stream = events.filter((e) => e.streamId === cancelled.streamId);
    const achieved = {
      ...cancelled,
      revision: cancelled.revision + 1,
      type: 'MilestoneAchieved',
      data: { ...cancelled.data, achievedOn: '2030-01-01' },
    };
    expect(() => assertDecidable([...stream, achieved])).toThrow('een geannuleerde mijlpaal kan niet behaald worden');
  });

  it('would notice a meeting marked held before it began, and a toezegging fulfilled after it was withdrawn', () => {
    const frozen = new Set(events.filter((e) => e.type === 'AgendaPublished' && (e.data as D).frozenBy === 'held').map((e) => e.streamId));
    const held = events.find((e) => e.type === 'MeetingHeld' && !frozen.has(e.streamId))!;
    const meeting = events.filter((e) => e.streamId === held.streamId && e.revision < held.revision);
    const early = new Date(Date.parse((meeting[0].data as D).startsAt) - 60_000);
    expect(() =>
      assertDecidable([...meeting, { ...held, occurredAt: early, data: { ...held.data, heldAt: early.toISOString() } }]),
    ).toThrow('pas als gehouden');
    const withdrawn = events.find((e) => e.type === 'CommitmentWithdrawn')!;
    const commitment = events.filter((e) => e.streamId === withdrawn.streamId);
    const fulfilled = {
      ...withdrawn,
      revision: withdrawn.revision + 1,
      type: 'CommitmentFulfilled',
      data: { commitmentId: withdrawn.data.commitmentId, document: { kenmerk: '1', title: 'Brief', date: '2020-01-01' } },
    };
    expect(() => assertDecidable([...commitment, fulfilled])).toThrow('een ingetrokken toezegging kan niet nagekomen worden');
  });

  it('acts in the roles the platform lets act: the seed and the jobs as system, a director for a strategic besluit, else the coordinator', () => {
    const roles: Record<string, string> = {
      MeetingSeriesDefined: 'system',
      MeetingScheduled: 'system',
      CommitmentDueSoon: 'system',
      CommitmentBecameOverdue: 'system',
    };
    for (const e of events) {
      if (ACTIONS_TYPES.has(e.type)) continue;
      const strategic = e.type === 'DecisionRecorded' && e.data.decisionKind === 'strategisch';
      expect([e.type, e.metadata.actor.role]).toEqual([e.type, strategic ? 'director' : (roles[e.type] ?? 'coordinator')]);
      if (e.metadata.actor.role === 'system') expect(e.metadata.idempotencyKey).toBeUndefined();
    }
  });

  it('names no person: a toezegging is made by a function, and there are no action points (their owner is sealed personal data)', () => {
    const registered = events.filter((e) => e.type === 'CommitmentRegistered');
    expect(registered.length).toBeGreaterThan(50);
    for (const e of registered) expect((e.data.madeBy as { persons: unknown[] }).persons).toEqual([]);
    expect(events.some((e) => e.type.startsWith('ActionPoint'))).toBe(false);
  });

  it("gives every werkagenda its four series, whose meetings are scheduled on the cadence, 12 months ahead, with the platform's ids", () => {
    const period = new Map(
      events
        .filter((e) => e.type === 'WerkagendaEstablished')
        .map((e) => [e.data.werkagendaId as string, (e.data.period as { to: string }).to]),
    );
    const series = new Map<string, SeriesDefinition>();
    const kinds = new Map<string, MeetingKind[]>();
    const lastIndex = new Map<string, number>();
    for (const e of events) {
      const d = e.data as D;
      if (e.type === 'MeetingSeriesDefined') {
        const { exampleFirst, ...seed } = SERIES_SEED[d.kind as MeetingKind];
        expect(d).toMatchObject({ ...seed, localTime: exampleFirst.time });
        expect(period.has(d.werkagendaId)).toBe(true);
        series.set(d.seriesId, d as SeriesDefinition);
        kinds.set(d.werkagendaId, [...(kinds.get(d.werkagendaId) ?? []), d.kind]);
      }
      if (e.type !== 'MeetingScheduled') continue;
      const s = series.get(d.seriesId) as SeriesDefinition;
      expect([d.kind, d.meetingId, d.index]).toEqual([s.kind, meetingIdOf(s.seriesId, d.index), (lastIndex.get(s.seriesId) ?? -1) + 1]);
      lastIndex.set(s.seriesId, d.index);
      expect(d.nominalDate).toBe(nominalDate(s, d.index));
      const weekday = new Date(`${d.nominalDate}T12:00:00Z`).getUTCDay();
      const date = weekday === 6 ? addDays(d.nominalDate, 2) : weekday === 0 ? addDays(d.nominalDate, 1) : d.nominalDate;
      expect([d.movedBecause, d.startsAt]).toEqual([date === d.nominalDate ? null : 'weekend', amsterdamInstant(date, s.localTime)]);
      expect(Date.parse(d.endsAt) - Date.parse(d.startsAt)).toBe(s.durationMinutes * 60_000);
      // Within the werkagenda's period (its last day included), and within the horizon of the day it was scheduled.
      expect(date <= (period.get(s.werkagendaId) as string) && date <= addMonths(amsterdamDate(e.occurredAt), 12)).toBe(true);
    }
    for (const found of kinds.values()) expect(found.sort()).toEqual([...MEETING_KINDS].sort());
    expect(kinds.size).toBeGreaterThanOrEqual(16);
  });

  it('publishes the agenda the platform composes at that moment: composeDraft over the read model of then', () => {
    const published = replayAgendas(events, (items, composed) => expect(items).toEqual(composed));
    expect(published).toBeGreaterThan(300);
    const items = events
      .filter((e) => e.type === 'AgendaPublished')
      .flatMap((e) => (e.data.items as D[]).map((item) => ({ item, meetingId: e.data.meetingId as string })));
    const sources = new Set(items.map(({ item }) => item.source.type));
    expect([...sources].sort()).toEqual([
      'commitment',
      'knelpunt',
      'late-milestones',
      'manual',
      'milestone',
      'projection',
      'regiegroep-preparation',
      'standing',
    ]);
    for (const { item, meetingId } of items)
      if (item.source.type !== 'manual') expect(item.id).toBe(itemIdOf(meetingId, item.source.type, item.source.ref));
  });

  it('would notice an agenda the platform would not have composed', () => {
    const cut = events.findIndex((e) => e.type === 'AgendaPublished' && (e.data.items as D[]).some((i) => i.source.type === 'milestone'));
    const tampered = events
      .slice(0, cut + 1)
      .map((e, i) =>
        i === cut ? { ...e, data: { ...e.data, items: (e.data.items as D[]).filter((x) => x.source.type !== 'milestone') } } : e,
      );
    expect(() => replayAgendas(tampered, (items, composed) => expect(items).toEqual(composed))).toThrow();
  });
});
