import { addDays } from '@regie/calendar';
import { Decider, IllegalTransition, InvalidInput, NotFound } from '@regie/es-core';
import {
  type CommitmentEvent,
  type CommitmentState,
  type CommitmentStatus,
  type Due,
  evolve,
  type FulfilmentDocument,
  initialState,
  isPending,
  type RegisteredData,
} from './commitment';

// Commands (dates are ISO dates; `today` comes from the caller's clock, never from the decider)
export type RegisterCommitment = { type: 'RegisterCommitment'; data: RegisteredData };
export type PostponeCommitment = {
  type: 'PostponeCommitment';
  data: { commitmentId: string; due: Due; reason: string; source?: string | null };
};
export type FulfilCommitment = { type: 'FulfilCommitment'; data: { commitmentId: string; document: FulfilmentDocument; today: string } };
export type WithdrawCommitment = { type: 'WithdrawCommitment'; data: { commitmentId: string; reason: string; source?: string | null } };
/** From the deadline job: `dueDate` is the deadline the job was scheduled for. */
export type MarkCommitmentOverdue = { type: 'MarkCommitmentOverdue'; data: { commitmentId: string; dueDate: string; today: string } };
/** From the look-ahead job. */
export type MarkCommitmentDueSoon = {
  type: 'MarkCommitmentDueSoon';
  data: { commitmentId: string; dueDate: string; today: string; lookaheadDays: number };
};
/** From the Tweede Kamer import: the source's current text and due date. */
export type UpdateCommitmentFromSource = {
  type: 'UpdateCommitmentFromSource';
  data: { commitmentId: string; text: string; due: Due; sourceChangedAt: string | null };
};
export type CommitmentCommand =
  | RegisterCommitment
  | PostponeCommitment
  | FulfilCommitment
  | WithdrawCommitment
  | MarkCommitmentOverdue
  | MarkCommitmentDueSoon
  | UpdateCommitmentFromSource;

type UserCommand = PostponeCommitment | FulfilCommitment | WithdrawCommitment;

/** The statuses in which each user command is refused, with the message the user sees. */
const refusals: Record<UserCommand['type'], Partial<Record<CommitmentStatus, string>>> = {
  PostponeCommitment: {
    fulfilled: 'een nagekomen toezegging kan niet uitgesteld worden',
    withdrawn: 'een ingetrokken toezegging kan niet uitgesteld worden',
  },
  FulfilCommitment: {
    fulfilled: 'de toezegging is al nagekomen',
    withdrawn: 'een ingetrokken toezegging kan niet nagekomen worden',
  },
  WithdrawCommitment: {
    fulfilled: 'een nagekomen toezegging kan niet ingetrokken worden',
    withdrawn: 'de toezegging is al ingetrokken',
  },
};

/** A registered commitment always has a text and a due date. */
type Registered = CommitmentState & { text: string; due: Due };

const existing = (commitmentId: string, state: CommitmentState): Registered => {
  if (!state.exists) throw new NotFound(`toezegging ${commitmentId} bestaat niet`);
  return state as Registered;
};

const allowed = (command: UserCommand, state: CommitmentState) => {
  const known = existing(command.data.commitmentId, state);
  const refusal = refusals[command.type][state.status];
  if (refusal) throw new IllegalTransition(refusal);
  return known;
};

/**
 * The deadline job's rule, which makes it idempotent: overdue is recorded only while the
 * commitment is open or postponed, for the deadline it currently has, once that day has passed.
 * A second run, or an old deadline's job after a postponement, records nothing.
 */
const passedDeadline = (state: CommitmentState, dueDate: string, today: string): boolean =>
  state.exists && isPending(state.status) && state.due?.date === dueDate && today > dueDate;

/** Within the look-ahead before the current due date, not past it, and not yet notified for it. */
export const isDueSoon = (state: CommitmentState, dueDate: string, today: string, lookaheadDays: number): boolean =>
  state.exists &&
  isPending(state.status) &&
  state.due?.date === dueDate &&
  state.dueSoonFor !== dueDate &&
  addDays(dueDate, -lookaheadDays) <= today &&
  today <= dueDate;

const sameDue = (a: Due, b: Due): boolean => a.date === b.date && a.text === b.text;

export const decide = (command: CommitmentCommand, state: CommitmentState): CommitmentEvent[] => {
  switch (command.type) {
    case 'RegisterCommitment':
      if (state.exists) throw new IllegalTransition(`toezegging ${state.commitmentId} bestaat al`);
      return [{ type: 'CommitmentRegistered', data: command.data }];
    case 'PostponeCommitment': {
      const { commitmentId, due, reason, source } = command.data;
      const previousDue = allowed(command, state).due;
      if (due.date === previousDue.date) throw new InvalidInput('due', 'de nieuwe termijn valt op dezelfde datum als de huidige');
      if (due.date !== null && previousDue.date !== null && due.date < previousDue.date) {
        throw new InvalidInput('due', `uitstel moet naar een latere datum dan ${previousDue.date}`);
      }
      return [{ type: 'CommitmentPostponed', data: { commitmentId, previousDue, due, reason, source: source ?? null } }];
    }
    case 'FulfilCommitment': {
      const { commitmentId, document, today } = command.data;
      allowed(command, state);
      if (document.date !== null && document.date > today) {
        throw new InvalidInput('document.date', 'de datum van het document ligt in de toekomst');
      }
      return [{ type: 'CommitmentFulfilled', data: { commitmentId, document } }];
    }
    case 'WithdrawCommitment': {
      const { commitmentId, reason, source } = command.data;
      allowed(command, state);
      return [{ type: 'CommitmentWithdrawn', data: { commitmentId, reason, source: source ?? null } }];
    }
    case 'MarkCommitmentOverdue': {
      const { commitmentId, dueDate, today } = command.data;
      return passedDeadline(state, dueDate, today) ? [{ type: 'CommitmentBecameOverdue', data: { commitmentId, dueDate } }] : [];
    }
    case 'MarkCommitmentDueSoon': {
      const { commitmentId, dueDate, today, lookaheadDays } = command.data;
      if (!isDueSoon(state, dueDate, today, lookaheadDays)) return [];
      const { text, actionCodes } = existing(commitmentId, state);
      return [{ type: 'CommitmentDueSoon', data: { commitmentId, dueDate, lookaheadDays, text, actionCodes } }];
    }
    case 'UpdateCommitmentFromSource': {
      const { commitmentId, text, due, sourceChangedAt } = command.data;
      const known = existing(commitmentId, state);
      if (text === known.text && sameDue(due, known.due)) return [];
      return [{ type: 'CommitmentUpdated', data: { commitmentId, text, previousDue: known.due, due, sourceChangedAt } }];
    }
    default: {
      const _exhaustive: never = command;
      throw new InvalidInput('type', `onbekend commando ${(_exhaustive as { type: string }).type}`);
    }
  }
};

export const commitmentDecider: Decider<CommitmentCommand, CommitmentEvent, CommitmentState> = { decide, evolve, initialState };
