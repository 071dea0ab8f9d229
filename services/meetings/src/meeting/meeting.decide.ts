import { Decider, IllegalTransition, InvalidInput, NotFound, type SealedName } from '@regie/es-core';
import { amsterdamDate } from '@regie/calendar';
import type { MeetingKind } from '../series/meeting-series';
import { refuseHoliday } from '../scheduling/holidays';
import {
  type AdHocMeeting,
  type AgendaItem,
  type DecisionKind,
  evolve,
  initialState,
  type MeetingEvent,
  type MeetingRef,
  type MeetingState,
  type MeetingStatus,
} from './meeting';
import { decideMinutes, type MinutesCommand } from './minutes.decide';

// Commands. Time arrives in the command (`now`, ISO): the decider never reads a clock.
export type ScheduleMeeting = {
  type: 'ScheduleMeeting';
  data: MeetingRef & { index: number; nominalDate: string; movedBecause: string | null; startsAt: string; endsAt: string };
};
/** An ad-hoc meeting: on a public holiday only when `confirmHoliday`. */
export type ScheduleAdHocMeeting = {
  type: 'ScheduleAdHocMeeting';
  data: { meetingId: string; startsAt: string; endsAt: string; adHoc: AdHocMeeting; confirmHoliday?: boolean };
};
/**
 * `endsAt`: when the duration changes too (a series' new rhythm); absent: the duration stays.
 * `confirmHoliday`: the coordinator confirmed a new date on a public holiday.
 */
export type RescheduleMeeting = {
  type: 'RescheduleMeeting';
  data: { meetingId: string; startsAt: string; reason: string; now: string; endsAt?: string; confirmHoliday?: boolean };
};
export type CancelMeeting = { type: 'CancelMeeting'; data: { meetingId: string; reason: string } };
export type AddAgendaItem = { type: 'AddAgendaItem'; data: { meetingId: string; itemId: string; title: string } };
export type WithdrawAgendaItem = { type: 'WithdrawAgendaItem'; data: { meetingId: string; itemId: string; title: string } };
export type ReorderAgenda = { type: 'ReorderAgenda'; data: { meetingId: string; itemIds: string[] } };
export type PublishAgenda = { type: 'PublishAgenda'; data: { meetingId: string; items: AgendaItem[] } };
/**
 * `draft`: the agenda as composed now, published with the holding when the coordinator did not
 * publish it before (an agenda is frozen once the meeting is held).
 */
export type MarkMeetingHeld = { type: 'MarkMeetingHeld'; data: { meetingId: string; now: string; draft: AgendaItem[] } };
/** `previousChair`: the chair as it stood (the series' or this meeting's), for the record. */
export type ChangeMeetingChair = { type: 'ChangeMeetingChair'; data: { meetingId: string; chair: string; previousChair: string | null } };
export type RecordDecision = {
  type: 'RecordDecision';
  /** `itemId`: the agenda item it came from (the route checked it is on the agenda). */
  data: { meetingId: string; decisionId: string; text: string; decisionKind: DecisionKind; itemId?: string };
};
export type AssignActionPoint = {
  type: 'AssignActionPoint';
  /** The owner sealed at the edge (personal data). */
  data: { meetingId: string; actionPointId: string; text: string; owner: SealedName; dueDate: string; itemId?: string };
};
export type CompleteActionPoint = { type: 'CompleteActionPoint'; data: { meetingId: string; actionPointId: string; completedOn: string } };
export type ApproveMinutes = { type: 'ApproveMinutes'; data: { meetingId: string; now: string } };

export type MeetingCommand =
  | ScheduleMeeting
  | ScheduleAdHocMeeting
  | RescheduleMeeting
  | CancelMeeting
  | AddAgendaItem
  | WithdrawAgendaItem
  | ReorderAgenda
  | PublishAgenda
  | MarkMeetingHeld
  | ChangeMeetingChair
  | RecordDecision
  | AssignActionPoint
  | CompleteActionPoint
  | ApproveMinutes
  | MinutesCommand;

/** Which kinds of besluit each overlegvorm takes (werkagenda §4). */
export const DECISION_KINDS: Record<MeetingKind, DecisionKind[]> = {
  kerngroep: ['operationeel'],
  evaluatie: ['operationeel'],
  jaaroverleg: ['operationeel'],
  regiegroep: ['strategisch', 'operationeel'],
  overleg: ['operationeel'],
};

const FINISHED: Partial<Record<MeetingStatus, string>> = {
  cancelled: 'het overleg is geannuleerd',
  held: 'het overleg is al gehouden',
  minutes_approved: 'het overleg is al gehouden en het verslag is vastgesteld',
};

const existing = (state: MeetingState, meetingId: string): MeetingRef => {
  if (!state.exists || !state.ref) throw new NotFound(`overleg ${meetingId} bestaat niet`);
  return state.ref;
};

/** The agenda can change only while it is a draft: not after publication, holding or cancellation. */
const draft = (state: MeetingState, meetingId: string): MeetingRef => {
  const ref = existing(state, meetingId);
  if (state.status === 'agenda_published') throw new IllegalTransition('de agenda is al gepubliceerd en ligt vast');
  const finished = FINISHED[state.status];
  if (finished) throw new IllegalTransition(`${finished}; de agenda kan niet meer veranderen`);
  return ref;
};

/** Decisions and action points belong to a meeting that was held and whose minutes are still open. */
const record = (state: MeetingState, meetingId: string): MeetingRef => {
  const ref = existing(state, meetingId);
  if (state.status === 'cancelled') throw new IllegalTransition('het overleg is geannuleerd');
  if (state.status === 'minutes_approved') throw new IllegalTransition('het verslag is vastgesteld en ligt vast');
  if (state.status !== 'held') throw new IllegalTransition('leg eerst vast dat het overleg gehouden is');
  return ref;
};

const plusMs = (iso: string, ms: number) => new Date(new Date(iso).getTime() + ms).toISOString();

export const decide = (command: MeetingCommand, state: MeetingState): MeetingEvent[] => {
  switch (command.type) {
    case 'ScheduleMeeting':
      // Idempotent: the horizon job proposes the same occurrence every day; a meeting once
      // scheduled (and maybe rescheduled or cancelled since) is left as it is.
      if (state.exists) return [];
      return [{ type: 'MeetingScheduled', data: command.data }];
    case 'ScheduleAdHocMeeting': {
      const { meetingId, startsAt, endsAt, adHoc, confirmHoliday } = command.data;
      if (state.exists) throw new IllegalTransition(`overleg ${meetingId} bestaat al`);
      if (endsAt <= startsAt) throw new InvalidInput('durationMinutes', 'de duur moet minstens 1 minuut zijn');
      const date = amsterdamDate(new Date(startsAt));
      refuseHoliday(date, confirmHoliday);
      return [
        {
          type: 'MeetingScheduled',
          data: {
            meetingId,
            seriesId: meetingId,
            kind: 'overleg',
            index: 0,
            nominalDate: date,
            movedBecause: null,
            startsAt,
            endsAt,
            adHoc,
          },
        },
      ];
    }
    case 'RescheduleMeeting': {
      const ref = existing(state, command.data.meetingId);
      if (state.status === 'cancelled') throw new IllegalTransition('een geannuleerd overleg kan niet verplaatst worden');
      if (state.status === 'held' || state.status === 'minutes_approved')
        throw new IllegalTransition('een gehouden overleg kan niet verplaatst worden');
      const { startsAt, reason, now } = command.data;
      const previousStartsAt = state.startsAt as string;
      const sameEnd = !command.data.endsAt || new Date(command.data.endsAt).getTime() === new Date(state.endsAt as string).getTime();
      if (new Date(startsAt).getTime() === new Date(previousStartsAt).getTime() && sameEnd)
        throw new InvalidInput('startsAt', 'het overleg staat al op dit tijdstip');
      if (startsAt < now) throw new InvalidInput('startsAt', 'een overleg kan niet naar het verleden verplaatst worden');
      refuseHoliday(amsterdamDate(new Date(startsAt)), command.data.confirmHoliday);
      const duration = new Date(state.endsAt as string).getTime() - new Date(previousStartsAt).getTime();
      const start = new Date(startsAt).toISOString();
      const end = command.data.endsAt ? new Date(command.data.endsAt).toISOString() : plusMs(start, duration);
      return [
        {
          type: 'MeetingRescheduled',
          data: { ...ref, previousStartsAt, startsAt: start, endsAt: end, reason, sequence: state.sequence + 1 },
        },
      ];
    }
    case 'CancelMeeting': {
      const ref = existing(state, command.data.meetingId);
      if (state.status === 'cancelled') throw new IllegalTransition('het overleg is al geannuleerd');
      if (state.status === 'held' || state.status === 'minutes_approved')
        throw new IllegalTransition('een gehouden overleg kan niet geannuleerd worden');
      return [{ type: 'MeetingCancelled', data: { ...ref, reason: command.data.reason, sequence: state.sequence + 1 } }];
    }
    case 'AddAgendaItem': {
      const ref = draft(state, command.data.meetingId);
      return [{ type: 'AgendaItemAdded', data: { ...ref, itemId: command.data.itemId, title: command.data.title } }];
    }
    case 'WithdrawAgendaItem': {
      const ref = draft(state, command.data.meetingId);
      if (state.withdrawn.includes(command.data.itemId)) throw new IllegalTransition('het agendapunt is al teruggetrokken');
      return [{ type: 'AgendaItemWithdrawn', data: { ...ref, itemId: command.data.itemId, title: command.data.title } }];
    }
    case 'ReorderAgenda': {
      const ref = draft(state, command.data.meetingId);
      const { itemIds } = command.data;
      if (new Set(itemIds).size !== itemIds.length) throw new InvalidInput('itemIds', 'elk agendapunt mag maar één keer voorkomen');
      return [{ type: 'AgendaReordered', data: { ...ref, itemIds } }];
    }
    case 'PublishAgenda': {
      const ref = draft(state, command.data.meetingId);
      if (command.data.items.length === 0) throw new InvalidInput('items', 'een agenda zonder punten kan niet gepubliceerd worden');
      return [{ type: 'AgendaPublished', data: { ...ref, items: command.data.items } }];
    }
    case 'MarkMeetingHeld': {
      const ref = existing(state, command.data.meetingId);
      const finished = FINISHED[state.status];
      if (finished) throw new IllegalTransition(finished);
      const { now, draft: items } = command.data;
      if ((state.startsAt as string) > now)
        throw new IllegalTransition('een overleg kan pas als gehouden worden vastgelegd als het begonnen is');
      // Recorded after the meeting ended: it took place at its start; the moment of recording is kept beside it.
      const heldAt = (state.endsAt as string) < now ? (state.startsAt as string) : now;
      const held: MeetingEvent = { type: 'MeetingHeld', data: { ...ref, heldAt, recordedAt: now } };
      if (state.status === 'agenda_published') return [held];
      if (items.length === 0) throw new InvalidInput('draft', 'een agenda zonder punten kan niet vastgelegd worden');
      return [{ type: 'AgendaPublished', data: { ...ref, items, frozenBy: 'held' } }, held];
    }
    case 'ChangeMeetingChair': {
      const ref = existing(state, command.data.meetingId);
      if (state.status === 'cancelled') throw new IllegalTransition('het overleg is geannuleerd');
      if (state.status === 'minutes_approved') throw new IllegalTransition('het verslag is vastgesteld; de voorzitter ligt vast');
      const { chair, previousChair } = command.data;
      if ((state.chair ?? previousChair) === chair) throw new IllegalTransition(`${chair} is al de voorzitter van dit overleg`);
      return [{ type: 'MeetingChairChanged', data: { ...ref, chair, previousChair: state.chair ?? previousChair } }];
    }
    case 'RecordDecision': {
      const ref = existing(state, command.data.meetingId);
      const { decisionId, text, decisionKind, itemId } = command.data;
      if (!DECISION_KINDS[ref.kind].includes(decisionKind)) {
        throw new IllegalTransition(
          ref.kind === 'kerngroep'
            ? 'een strategisch besluit hoort in de regiegroep; de kerngroep neemt operationele besluiten'
            : `een ${decisionKind} besluit hoort niet in de ${ref.kind}`,
        );
      }
      record(state, command.data.meetingId);
      return [{ type: 'DecisionRecorded', data: { ...ref, decisionId, text, decisionKind, ...(itemId ? { itemId } : {}) } }];
    }
    case 'AssignActionPoint': {
      const ref = record(state, command.data.meetingId);
      const { actionPointId, text, owner, dueDate, itemId } = command.data;
      return [{ type: 'ActionPointAssigned', data: { ...ref, actionPointId, text, owner, dueDate, ...(itemId ? { itemId } : {}) } }];
    }
    case 'CompleteActionPoint': {
      const ref = existing(state, command.data.meetingId);
      const { actionPointId, completedOn } = command.data;
      const point = state.actionPoints[actionPointId];
      if (!point) throw new NotFound(`actiepunt ${actionPointId} bestaat niet`);
      if (point.done) throw new IllegalTransition('het actiepunt is al afgerond');
      return [{ type: 'ActionPointCompleted', data: { ...ref, actionPointId, completedOn } }];
    }
    case 'ApproveMinutes': {
      const ref = existing(state, command.data.meetingId);
      if (state.status === 'minutes_approved') throw new IllegalTransition('het verslag is al vastgesteld');
      if (state.status !== 'held') throw new IllegalTransition('alleen het verslag van een gehouden overleg kan vastgesteld worden');
      return [{ type: 'MinutesApproved', data: { ...ref, approvedAt: command.data.now } }];
    }
    case 'RecordAttendance':
    case 'RecordItemNotes':
    case 'CorrectDecision':
    case 'WithdrawDecision':
    case 'ReassignActionPoint':
      return decideMinutes(command, state);
    default: {
      const _exhaustive: never = command;
      throw new InvalidInput('type', `onbekend commando ${(_exhaustive as { type: string }).type}`);
    }
  }
};

export const meetingDecider: Decider<MeetingCommand, MeetingEvent, MeetingState> = { decide, evolve, initialState };
