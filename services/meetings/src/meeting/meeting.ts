import { DomainEvent, type SealedName } from '@regie/es-core';
import type { MeetingKind } from '../series/meeting-series';
import type { DecisionsState, MinutesEvent } from './minutes';

/** scheduled → agenda_published → held → minutes_approved; cancelled from before held. */
export type MeetingStatus = 'scheduled' | 'agenda_published' | 'held' | 'minutes_approved' | 'cancelled';
export type DecisionKind = 'operationeel' | 'strategisch';

/** Where an agenda item came from: a standing item, another context's event, or the coordinator. */
export type AgendaSourceType =
  | 'standing'
  | 'knelpunt'
  | 'milestone'
  /** The late, open mijlpalen of one action (ref: the action code), as one item. */
  | 'late-milestones'
  | 'commitment'
  | 'action-point'
  | 'regiegroep-preparation'
  /** The quarterly projection a regiegroep reviews (ref: the quarter, 2027-Q1). */
  | 'projection'
  | 'manual';
export interface AgendaItem {
  id: string;
  title: string;
  source: { type: AgendaSourceType; ref: string };
  order: number;
}

/** Every event names its meeting, series and overlegvorm, so the contract needs no lookup. */
export interface MeetingRef {
  meetingId: string;
  seriesId: string;
  kind: MeetingKind;
}

/**
 * A meeting outside any series (an ad-hoc overleg, e.g. a kleinschalig overleg around one action):
 * what a series gives the others, on the meeting itself. Its `seriesId` is its own id.
 */
export interface AdHocMeeting {
  werkagendaId: string;
  title: string;
  /** The action it is about (an action key), if any. */
  actionCode: string | null;
  /** A function, party or person id; null when not named. */
  chair: string | null;
  participants: string[];
}

export type MeetingScheduled = DomainEvent<
  'MeetingScheduled',
  MeetingRef & {
    index: number;
    nominalDate: string;
    movedBecause: string | null;
    startsAt: string;
    endsAt: string;
    /** Only on an ad-hoc meeting (no series). */
    adHoc?: AdHocMeeting;
  }
>;
export type MeetingRescheduled = DomainEvent<
  'MeetingRescheduled',
  MeetingRef & { previousStartsAt: string; startsAt: string; endsAt: string; reason: string; sequence: number }
>;
export type MeetingCancelled = DomainEvent<'MeetingCancelled', MeetingRef & { reason: string; sequence: number }>;
export type AgendaItemAdded = DomainEvent<'AgendaItemAdded', MeetingRef & { itemId: string; title: string }>;
export type AgendaItemWithdrawn = DomainEvent<'AgendaItemWithdrawn', MeetingRef & { itemId: string; title: string }>;
export type AgendaReordered = DomainEvent<'AgendaReordered', MeetingRef & { itemIds: string[] }>;
/**
 * The agenda frozen as it stands. `frozenBy: 'held'`: the meeting was recorded as held before
 * the coordinator published it, so holding published the draft as it stood then (absent: the
 * coordinator published it).
 */
export type AgendaPublished = DomainEvent<'AgendaPublished', MeetingRef & { items: AgendaItem[]; frozenBy?: 'held' }>;
/**
 * `heldAt`: when it took place (the moment it was recorded, or the meeting's start when recorded
 * after its end); `recordedAt`: the moment it was recorded (absent in events from before: the same as heldAt).
 */
export type MeetingHeld = DomainEvent<'MeetingHeld', MeetingRef & { heldAt: string; recordedAt?: string }>;
/** Who chairs this meeting (a function or party, not a person's name), changed from the series' chair. */
export type MeetingChairChanged = DomainEvent<'MeetingChairChanged', MeetingRef & { chair: string; previousChair: string | null }>;
export type DecisionRecorded = DomainEvent<
  'DecisionRecorded',
  /** `itemId`: the agenda item the decision came from, when it is known. */
  MeetingRef & { decisionId: string; text: string; decisionKind: DecisionKind; itemId?: string }
>;
/**
 * The owner may be a person: personal data, sealed (schema v2). A plain string is an owner
 * recorded before sealing (v1), kept as stored: it cannot be shredded (README).
 */
export type ActionPointOwner = SealedName | string;
export type ActionPointAssigned = DomainEvent<
  'ActionPointAssigned',
  MeetingRef & { actionPointId: string; text: string; owner: ActionPointOwner; dueDate: string; itemId?: string }
>;
export type ActionPointCompleted = DomainEvent<'ActionPointCompleted', MeetingRef & { actionPointId: string; completedOn: string }>;
export type MinutesApproved = DomainEvent<'MinutesApproved', MeetingRef & { approvedAt: string }>;

export type MeetingEvent =
  | MeetingScheduled
  | MeetingRescheduled
  | MeetingCancelled
  | AgendaItemAdded
  | AgendaItemWithdrawn
  | AgendaReordered
  | AgendaPublished
  | MeetingHeld
  | MeetingChairChanged
  | DecisionRecorded
  | ActionPointAssigned
  | ActionPointCompleted
  | MinutesApproved
  | MinutesEvent;

export type MeetingState = {
  exists: boolean;
  ref?: MeetingRef;
  status: MeetingStatus;
  startsAt?: string;
  endsAt?: string;
  /** iCalendar SEQUENCE: goes up with every reschedule or cancellation. */
  sequence: number;
  withdrawn: string[];
  actionPoints: Record<string, { done: boolean }>;
  decisions: DecisionsState;
  /** The chair set on this meeting itself (undefined: the series' chair). */
  chair?: string;
};

export const meetingStream = (meetingId: string): string => 'meeting-' + meetingId;

export const initialState = (): MeetingState => ({
  exists: false,
  status: 'scheduled',
  sequence: 0,
  withdrawn: [],
  actionPoints: {},
  decisions: {},
});

export const evolve = (state: MeetingState, event: MeetingEvent): MeetingState => {
  switch (event.type) {
    case 'MeetingScheduled': {
      const { meetingId, seriesId, kind, startsAt, endsAt } = event.data;
      return { ...state, exists: true, ref: { meetingId, seriesId, kind }, status: 'scheduled', startsAt, endsAt };
    }
    case 'MeetingRescheduled':
      return { ...state, startsAt: event.data.startsAt, endsAt: event.data.endsAt, sequence: event.data.sequence };
    case 'MeetingCancelled':
      return { ...state, status: 'cancelled', sequence: event.data.sequence };
    case 'AgendaItemWithdrawn':
      return { ...state, withdrawn: [...state.withdrawn, event.data.itemId] };
    case 'AgendaPublished':
      return { ...state, status: 'agenda_published' };
    case 'MeetingHeld':
      return { ...state, status: 'held' };
    case 'MeetingChairChanged':
      return { ...state, chair: event.data.chair };
    case 'ActionPointAssigned':
      return { ...state, actionPoints: { ...state.actionPoints, [event.data.actionPointId]: { done: false } } };
    case 'ActionPointCompleted':
      return { ...state, actionPoints: { ...state.actionPoints, [event.data.actionPointId]: { done: true } } };
    case 'MinutesApproved':
      return { ...state, status: 'minutes_approved' };
    case 'DecisionRecorded':
      return { ...state, decisions: { ...state.decisions, [event.data.decisionId]: { kind: event.data.decisionKind, status: 'geldig' } } };
    case 'DecisionCorrected': {
      const { decisionId, correctionId, decisionKind } = event.data;
      return {
        ...state,
        decisions: {
          ...state.decisions,
          [decisionId]: { kind: decisionKind, status: 'gecorrigeerd' },
          [correctionId]: { kind: decisionKind, status: 'geldig' },
        },
      };
    }
    case 'DecisionWithdrawn': {
      const { decisionId } = event.data;
      return { ...state, decisions: { ...state.decisions, [decisionId]: { ...state.decisions[decisionId], status: 'ingetrokken' } } };
    }
    case 'AgendaItemAdded':
    case 'AgendaReordered':
    case 'AttendanceRecorded':
    case 'ItemNotesRecorded':
    case 'ActionPointReassigned':
      return state; // read-model matters: no rule depends on them
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
};
