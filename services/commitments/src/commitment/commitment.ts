import type { DomainEvent, PersonalText } from '@regie/es-core';
import type { Due } from '../due/resolve-due';

export type { Due } from '../due/resolve-due';

/**
 * open → postponed → fulfilled | withdrawn. `overdue` is recorded by the deadline job and stays
 * until the commitment is postponed (→ postponed), fulfilled or withdrawn.
 */
export type CommitmentStatus = 'open' | 'postponed' | 'overdue' | 'fulfilled' | 'withdrawn';
export const COMMITMENT_STATUSES: CommitmentStatus[] = ['open', 'postponed', 'overdue', 'fulfilled', 'withdrawn'];

/** Where the promise was made: a date and a debate or Kamerstuk such as "Kamerstuk 25 424, nr. 727". */
export type MadeAt = { date: string; source: string };
/** The commitment as the Tweede Kamer registers it (open data entity Toezegging). */
export type ExternalRef = { system: 'tweede-kamer'; id: string; nummer: string | null; changedAt: string | null };
/** The document that keeps the promise. kenmerk/date are null only where the source gives none. */
export type FulfilmentDocument = { kenmerk: string | null; title: string; date: string | null };

export type RegisteredData = {
  commitmentId: string;
  text: string;
  /**
   * The bewindspersoon: the function as text, persons (named only where the source names them)
   * sealed — personal data, see made-by.ts. Schema v2; v1 stored one plain string (upcast).
   */
  madeBy: PersonalText;
  madeAt: MadeAt;
  due: Due;
  actionCodes: string[];
  externalRef: ExternalRef | null;
  /** The werkagenda the toezegging belongs to; absent in history from before werkagenda's became tenants: the first one. */
  werkagendaId?: string;
};

// Events
export type CommitmentRegistered = DomainEvent<'CommitmentRegistered', RegisteredData>;
export type CommitmentPostponed = DomainEvent<
  'CommitmentPostponed',
  { commitmentId: string; previousDue: Due; due: Due; reason: string; source: string | null }
>;
export type CommitmentFulfilled = DomainEvent<'CommitmentFulfilled', { commitmentId: string; document: FulfilmentDocument }>;
export type CommitmentWithdrawn = DomainEvent<'CommitmentWithdrawn', { commitmentId: string; reason: string; source: string | null }>;
export type CommitmentBecameOverdue = DomainEvent<'CommitmentBecameOverdue', { commitmentId: string; dueDate: string }>;
export type CommitmentDueSoon = DomainEvent<
  'CommitmentDueSoon',
  { commitmentId: string; dueDate: string; lookaheadDays: number; text: string; actionCodes: string[] }
>;
/** Text and/or due date changed at the source (Tweede Kamer import). */
export type CommitmentUpdated = DomainEvent<
  'CommitmentUpdated',
  { commitmentId: string; text: string; previousDue: Due; due: Due; sourceChangedAt: string | null }
>;
export type CommitmentEvent =
  | CommitmentRegistered
  | CommitmentPostponed
  | CommitmentFulfilled
  | CommitmentWithdrawn
  | CommitmentBecameOverdue
  | CommitmentDueSoon
  | CommitmentUpdated;

// State
export type CommitmentState = {
  exists: boolean;
  commitmentId?: string;
  text?: string;
  status: CommitmentStatus;
  due?: Due;
  actionCodes: string[];
  externalRef: ExternalRef | null;
  /** The due date a due-soon notification was recorded for, so it is sent once per due date. */
  dueSoonFor: string | null;
};

export const commitmentStream = (id: string): string => 'commitment-' + id;

export const initialState = (): CommitmentState => ({
  exists: false,
  status: 'open',
  actionCodes: [],
  externalRef: null,
  dueSoonFor: null,
});

/** Open or postponed: the statuses in which a deadline can still pass. */
export const isPending = (status: CommitmentStatus): boolean => status === 'open' || status === 'postponed';
export const isClosed = (status: CommitmentStatus): boolean => status === 'fulfilled' || status === 'withdrawn';

export const evolve = (state: CommitmentState, event: CommitmentEvent): CommitmentState => {
  switch (event.type) {
    case 'CommitmentRegistered': {
      const { commitmentId, text, due, actionCodes, externalRef } = event.data;
      return { ...state, exists: true, commitmentId, text, due, actionCodes, externalRef, status: 'open' };
    }
    case 'CommitmentPostponed':
      return { ...state, due: event.data.due, status: 'postponed' };
    case 'CommitmentFulfilled':
      return { ...state, status: 'fulfilled' };
    case 'CommitmentWithdrawn':
      return { ...state, status: 'withdrawn' };
    case 'CommitmentBecameOverdue':
      return { ...state, status: 'overdue' };
    case 'CommitmentDueSoon':
      return { ...state, dueSoonFor: event.data.dueDate };
    case 'CommitmentUpdated': {
      const { text, due, previousDue, sourceChangedAt } = event.data;
      const moved = due.date !== previousDue.date;
      const externalRef = state.externalRef && { ...state.externalRef, changedAt: sourceChangedAt ?? state.externalRef.changedAt };
      // A new due date at the source lifts an overdue state, as a postponement does.
      return { ...state, text, due, externalRef, status: moved && state.status === 'overdue' ? 'postponed' : state.status };
    }
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
};
