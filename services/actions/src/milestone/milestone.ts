import { DomainEvent } from '@regie/es-core';

/** *Late* is not a status: it is derived with `isLate` from the due date and today. */
export type MilestoneStatus = 'planned' | 'in_progress' | 'achieved' | 'cancelled';

// Events
/** Schema version 2 added `dueDateText`; version 1 events are read through an upcaster. */
export type MilestonePlanned = DomainEvent<
  'MilestonePlanned',
  // `regionSlug`: the region of the action the milestone belongs to (a pilot region), when it names one.
  { milestoneId: string; actionCode: string; title: string; dueDate: string; dueDateText: string | null; regionSlug?: string }
>;
export type MilestoneStarted = DomainEvent<'MilestoneStarted', { milestoneId: string; actionCode: string; startedOn: string }>;
export type MilestoneAchieved = DomainEvent<'MilestoneAchieved', { milestoneId: string; actionCode: string; achievedOn: string }>;
export type MilestoneReplanned = DomainEvent<
  'MilestoneReplanned',
  { milestoneId: string; actionCode: string; previousDueDate: string; dueDate: string; reason: string }
>;
export type MilestoneCancelled = DomainEvent<'MilestoneCancelled', { milestoneId: string; actionCode: string; reason: string }>;
export type MilestoneEvent = MilestonePlanned | MilestoneStarted | MilestoneAchieved | MilestoneReplanned | MilestoneCancelled;

// State
export type MilestoneState = {
  exists: boolean;
  milestoneId?: string;
  actionCode?: string;
  title?: string;
  status: MilestoneStatus;
  dueDate?: string;
  replanCount: number;
  startedOn?: string;
  achievedOn?: string;
};

export const milestoneStream = (id: string): string => 'milestone-' + id;

export const initialState = (): MilestoneState => ({ exists: false, status: 'planned', replanCount: 0 });

export const evolve = (state: MilestoneState, event: MilestoneEvent): MilestoneState => {
  switch (event.type) {
    case 'MilestonePlanned': {
      const { milestoneId, actionCode, title, dueDate } = event.data;
      return { ...state, exists: true, milestoneId, actionCode, title, dueDate, status: 'planned' };
    }
    case 'MilestoneStarted':
      return { ...state, status: 'in_progress', startedOn: event.data.startedOn };
    case 'MilestoneAchieved':
      return { ...state, status: 'achieved', achievedOn: event.data.achievedOn };
    case 'MilestoneReplanned':
      return { ...state, dueDate: event.data.dueDate, replanCount: state.replanCount + 1 };
    case 'MilestoneCancelled':
      return { ...state, status: 'cancelled' };
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
};

/** Past due and still open (planned or in progress). Due today is not late yet. */
export const isLate = (state: { status: MilestoneStatus; dueDate?: string }, today: string): boolean =>
  (state.status === 'planned' || state.status === 'in_progress') && state.dueDate !== undefined && state.dueDate < today;

/**
 * "behaald, te laat": achieved after its due date, and by how many days (derived, like late). A
 * late milestone still open is `daysLate` days past its date on the day asked about; otherwise null.
 */
export const lateness = (
  state: { status: MilestoneStatus; dueDate?: string; achievedOn?: string | null },
  today: string,
): { late: boolean; achievedLate: boolean; daysLate: number | null } => {
  const late = isLate(state, today);
  const achievedLate = state.status === 'achieved' && !!state.achievedOn && !!state.dueDate && state.achievedOn > state.dueDate;
  const daysLate =
    late && state.dueDate
      ? calendarDaysBetween(state.dueDate, today)
      : achievedLate
        ? calendarDaysBetween(state.dueDate as string, state.achievedOn as string)
        : null;
  return { late, achievedLate, daysLate };
};

/** Days since 1970-01-01 of a calendar date (YYYY-MM-DD…): a date has no time zone, so no DST either. */
const dayNumber = (date: string): number =>
  Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;

/**
 * Whole calendar days from `from` to `to`, the same as `daysBetween` of @regie/calendar (which counts
 * them between the starts of both days in Amsterdam) but without building two time-zone-aware
 * DateTimes: a list of actions asks it for every milestone, and luxon's zone lookups were half of
 * such a request. Today's date in Amsterdam is worked out once per answer by the caller.
 */
export const calendarDaysBetween = (from: string, to: string): number => dayNumber(to) - dayNumber(from);
