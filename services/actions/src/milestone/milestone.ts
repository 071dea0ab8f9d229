import { Decider, DomainEvent, IllegalTransition, InvalidInput, NotFound } from '@regie/es-core';

/** *Late* is not a status: it is derived with `isLate` from the due date and today. */
export type MilestoneStatus = 'planned' | 'in_progress' | 'achieved' | 'cancelled';

// Commands (dates are ISO dates, YYYY-MM-DD)
export type PlanMilestone = {
  type: 'PlanMilestone';
  /** `dueDateText`: the words the date came from, e.g. 'eind april 2025' (optional). */
  data: { milestoneId: string; actionCode: string; title: string; dueDate: string; dueDateText?: string | null };
};
export type StartMilestone = { type: 'StartMilestone'; data: { milestoneId: string; startedOn: string } };
export type AchieveMilestone = {
  type: 'AchieveMilestone';
  /** `today` comes from the caller's clock: the decider never reads the time itself. */
  data: { milestoneId: string; achievedOn: string; today: string };
};
export type ReplanMilestone = {
  type: 'ReplanMilestone';
  data: { milestoneId: string; dueDate: string; reason: string };
};
export type CancelMilestone = { type: 'CancelMilestone'; data: { milestoneId: string; reason: string } };
export type MilestoneCommand = PlanMilestone | StartMilestone | AchieveMilestone | ReplanMilestone | CancelMilestone;

// Events
/** Schema version 2 added `dueDateText`; version 1 events are read through an upcaster. */
export type MilestonePlanned = DomainEvent<
  'MilestonePlanned',
  { milestoneId: string; actionCode: string; title: string; dueDate: string; dueDateText: string | null }
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

type ChangeCommand = Exclude<MilestoneCommand, PlanMilestone>;

/** The statuses in which each command is refused, with the message the user sees. */
const refusals: Record<ChangeCommand['type'], Partial<Record<MilestoneStatus, string>>> = {
  StartMilestone: {
    in_progress: 'de mijlpaal is al gestart',
    achieved: 'een behaalde mijlpaal kan niet gestart worden',
    cancelled: 'een geannuleerde mijlpaal kan niet gestart worden',
  },
  AchieveMilestone: {
    achieved: 'de mijlpaal is al behaald',
    cancelled: 'een geannuleerde mijlpaal kan niet behaald worden',
  },
  ReplanMilestone: {
    achieved: 'een behaalde mijlpaal kan niet herpland worden',
    cancelled: 'een geannuleerde mijlpaal kan niet herpland worden',
  },
  CancelMilestone: {
    achieved: 'een behaalde mijlpaal kan niet geannuleerd worden',
    cancelled: 'de mijlpaal is al geannuleerd',
  },
};

/** The milestone's ids, once it is known to exist and to allow the command. */
const allowed = (command: ChangeCommand, state: MilestoneState) => {
  if (!state.exists) throw new NotFound(`mijlpaal ${command.data.milestoneId} bestaat niet`);
  const refusal = refusals[command.type][state.status];
  if (refusal) throw new IllegalTransition(refusal);
  return { milestoneId: state.milestoneId as string, actionCode: state.actionCode as string };
};

export const decide = (command: MilestoneCommand, state: MilestoneState): MilestoneEvent[] => {
  switch (command.type) {
    case 'PlanMilestone':
      if (state.exists) throw new IllegalTransition(`mijlpaal ${state.milestoneId} bestaat al`);
      return [{ type: 'MilestonePlanned', data: { ...command.data, dueDateText: command.data.dueDateText ?? null } }];
    case 'StartMilestone': {
      const ids = allowed(command, state);
      return [{ type: 'MilestoneStarted', data: { ...ids, startedOn: command.data.startedOn } }];
    }
    case 'AchieveMilestone': {
      const ids = allowed(command, state);
      const { achievedOn, today } = command.data;
      if (achievedOn > today) {
        throw new InvalidInput('achievedOn', 'een mijlpaal kan niet in de toekomst behaald zijn');
      }
      if (state.startedOn && achievedOn < state.startedOn) {
        throw new InvalidInput('achievedOn', `een mijlpaal kan niet behaald zijn vóór de start (gestart op ${state.startedOn})`);
      }
      return [{ type: 'MilestoneAchieved', data: { ...ids, achievedOn } }];
    }
    case 'ReplanMilestone': {
      const ids = allowed(command, state);
      const { dueDate, reason } = command.data;
      if (dueDate === state.dueDate) {
        throw new InvalidInput('dueDate', 'de nieuwe streefdatum is gelijk aan de huidige');
      }
      const previousDueDate = state.dueDate as string;
      return [{ type: 'MilestoneReplanned', data: { ...ids, previousDueDate, dueDate, reason } }];
    }
    case 'CancelMilestone': {
      const ids = allowed(command, state);
      return [{ type: 'MilestoneCancelled', data: { ...ids, reason: command.data.reason } }];
    }
    default: {
      const _exhaustive: never = command;
      throw new InvalidInput('type', `onbekend commando ${(_exhaustive as { type: string }).type}`);
    }
  }
};

export const milestoneDecider: Decider<MilestoneCommand, MilestoneEvent, MilestoneState> = {
  decide,
  evolve,
  initialState,
};
