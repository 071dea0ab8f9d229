import { IllegalTransition, InvalidInput, NotFound, type SealedName } from '@regie/es-core';
import type { MeetingRef, MeetingState } from './meeting';
import type { MinutesEvent } from './minutes';

// The verslag's commands. Names arrive sealed (personal data); the route has compared them in plain text.
export type RecordAttendance = { type: 'RecordAttendance'; data: { meetingId: string; present: SealedName[]; absent: SealedName[] } };
export type RecordItemNotes = { type: 'RecordItemNotes'; data: { meetingId: string; itemId: string; itemTitle: string; notes: string } };
export type CorrectDecision = {
  type: 'CorrectDecision';
  data: { meetingId: string; decisionId: string; correctionId: string; text: string; reason: string };
};
export type WithdrawDecision = { type: 'WithdrawDecision'; data: { meetingId: string; decisionId: string; reason: string } };
export type ReassignActionPoint = {
  type: 'ReassignActionPoint';
  data: { meetingId: string; actionPointId: string; owner: SealedName; reason: string };
};

export type MinutesCommand = RecordAttendance | RecordItemNotes | CorrectDecision | WithdrawDecision | ReassignActionPoint;

const existing = (state: MeetingState, meetingId: string): MeetingRef => {
  if (!state.exists || !state.ref) throw new NotFound(`overleg ${meetingId} bestaat niet`);
  return state.ref;
};

/** Attendance and notes belong to a held meeting whose verslag is still open (approval freezes it). */
const openMinutes = (state: MeetingState, meetingId: string): MeetingRef => {
  const ref = existing(state, meetingId);
  if (state.status === 'cancelled') throw new IllegalTransition('het overleg is geannuleerd');
  if (state.status === 'minutes_approved') throw new IllegalTransition('het verslag is vastgesteld en ligt vast');
  if (state.status !== 'held') throw new IllegalTransition('leg eerst vast dat het overleg gehouden is');
  return ref;
};

/** A decision that still holds: a corrected or withdrawn one changes only through its newest version. */
const validDecision = (state: MeetingState, decisionId: string) => {
  const decision = state.decisions[decisionId];
  if (!decision) throw new NotFound(`besluit ${decisionId} bestaat niet`);
  if (decision.status === 'gecorrigeerd') throw new IllegalTransition('dit besluit is al gecorrigeerd; pas de nieuwste versie aan');
  if (decision.status === 'ingetrokken') throw new IllegalTransition('dit besluit is ingetrokken');
  return decision;
};

/**
 * Decides the verslag's commands. Corrections, withdrawals and reassignments are later events on
 * a decision or action point: they are allowed after the verslag was approved (that is their point).
 */
export const decideMinutes = (command: MinutesCommand, state: MeetingState): MinutesEvent[] => {
  switch (command.type) {
    case 'RecordAttendance': {
      const ref = openMinutes(state, command.data.meetingId);
      const { present, absent } = command.data;
      if (present.length === 0) throw new InvalidInput('present', 'noem ten minste één aanwezige');
      return [{ type: 'AttendanceRecorded', data: { ...ref, present, absent } }];
    }
    case 'RecordItemNotes': {
      const ref = openMinutes(state, command.data.meetingId);
      const { itemId, itemTitle, notes } = command.data;
      return [{ type: 'ItemNotesRecorded', data: { ...ref, itemId, itemTitle, notes } }];
    }
    case 'CorrectDecision': {
      const ref = existing(state, command.data.meetingId);
      const { decisionId, correctionId, text, reason } = command.data;
      const decision = validDecision(state, decisionId);
      return [{ type: 'DecisionCorrected', data: { ...ref, decisionId, correctionId, text, decisionKind: decision.kind, reason } }];
    }
    case 'WithdrawDecision': {
      const ref = existing(state, command.data.meetingId);
      const { decisionId, reason } = command.data;
      validDecision(state, decisionId);
      return [{ type: 'DecisionWithdrawn', data: { ...ref, decisionId, reason } }];
    }
    case 'ReassignActionPoint': {
      const ref = existing(state, command.data.meetingId);
      const { actionPointId, owner, reason } = command.data;
      const point = state.actionPoints[actionPointId];
      if (!point) throw new NotFound(`actiepunt ${actionPointId} bestaat niet`);
      if (point.done) throw new IllegalTransition('het actiepunt is al afgerond en kan niet meer overgedragen worden');
      return [{ type: 'ActionPointReassigned', data: { ...ref, actionPointId, owner, reason } }];
    }
    default: {
      const _exhaustive: never = command;
      throw new InvalidInput('type', `onbekend commando ${(_exhaustive as { type: string }).type}`);
    }
  }
};
