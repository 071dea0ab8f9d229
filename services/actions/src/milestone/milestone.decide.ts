import { Decider, IllegalTransition, InvalidInput, NotFound } from '@regie/es-core';
import { MilestoneEvent, MilestoneState, MilestoneStatus, evolve, initialState } from './milestone';

// Commands (dates are ISO dates, YYYY-MM-DD)
export type PlanMilestone = {
  type: 'PlanMilestone';
  /** `dueDateText`: the words the date came from, e.g. 'eind april 2025' (optional). */
  data: { milestoneId: string; actionCode: string; title: string; dueDate: string; dueDateText?: string | null; regionSlug?: string };
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
