import { Decider, IllegalTransition, InvalidInput, NotFound } from '@regie/es-core';
import {
  ActionEvent,
  ActionState,
  AssignActionHolderData,
  DefineActionData,
  ReportProgressData,
  evolve,
  initialState,
  sameHolder,
} from './action';

// Commands
export type DefineAction = { type: 'DefineAction'; data: DefineActionData };
export type AssignActionHolder = { type: 'AssignActionHolder'; data: AssignActionHolderData };
export type ReportProgress = { type: 'ReportProgress'; data: ReportProgressData };
export type ActionCommand = DefineAction | AssignActionHolder | ReportProgress;

const notFound = (code: string) => new NotFound(`actie ${code} bestaat niet`);

export const decide = (command: ActionCommand, state: ActionState): ActionEvent[] => {
  switch (command.type) {
    case 'DefineAction':
      if (state.defined) throw new IllegalTransition(`actie ${state.code} bestaat al`);
      return [{ type: 'ActionDefined', data: command.data }];
    case 'AssignActionHolder': {
      const { code, actionHolder } = command.data;
      if (!state.defined) throw notFound(code);
      if (sameHolder(state.actionHolder, actionHolder)) return [];
      return [{ type: 'ActionHolderAssigned', data: { code, actionHolder } }];
    }
    case 'ReportProgress': {
      const { code, reportId, rag, summary, reportedAt } = command.data;
      if (!state.defined) throw notFound(code);
      if (state.reportIds.includes(reportId)) return [];
      return [{ type: 'ProgressReported', data: { code, reportId, rag, summary, reportedAt } }];
    }
    default: {
      const _exhaustive: never = command;
      throw new InvalidInput('type', `onbekend commando ${(_exhaustive as { type: string }).type}`);
    }
  }
};

export const actionDecider: Decider<ActionCommand, ActionEvent, ActionState> = {
  decide,
  evolve,
  initialState,
};
