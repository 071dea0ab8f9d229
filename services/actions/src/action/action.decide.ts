import { Decider, IllegalTransition, InvalidInput, NotFound } from '@regie/es-core';
import {
  ActionEvent,
  ActionState,
  AddRegionData,
  AssignActionHolderData,
  ChangeActionData,
  ChangeRegionStatusData,
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
/** Title, actiehouder persons, start activities and lead parties (`leadParties`, kept in the action holder), with a reason. */
export type ChangeAction = { type: 'ChangeAction'; data: Omit<ChangeActionData, 'reason'> & { leadParties?: string[]; reason?: string } };
export type AddRegion = { type: 'AddRegion'; data: AddRegionData };
export type ChangeRegionStatus = { type: 'ChangeRegionStatus'; data: ChangeRegionStatusData };
export type ActionCommand = DefineAction | AssignActionHolder | ReportProgress | ChangeAction | AddRegion | ChangeRegionStatus;

const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

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
    case 'ChangeAction': {
      const { code, title, actiehouderPersonIds, startActivities, leadParties, reason } = command.data;
      if (!state.defined) throw notFound(code);
      const change: ChangeActionData = { code, reason: '' };
      if (title !== undefined && title !== state.title) change.title = title;
      if (actiehouderPersonIds !== undefined && !sameList(actiehouderPersonIds, state.actiehouderPersonIds))
        change.actiehouderPersonIds = actiehouderPersonIds;
      if (startActivities !== undefined && !sameList(startActivities, state.startActivities)) change.startActivities = startActivities;
      const holder = state.actionHolder ?? { parties: [], description: '' };
      const partiesChange = leadParties !== undefined && !sameList(leadParties, holder.parties);
      const fieldsChange = Object.keys(change).length > 2;
      if (!fieldsChange && !partiesChange) return [];
      const why = reason?.trim();
      if (!why) throw new InvalidInput('reason', 'geef een reden: deze wijziging verandert wat eerder over de actie is vastgelegd');
      return [
        ...(fieldsChange ? [{ type: 'ActionChanged' as const, data: { ...change, reason: why } }] : []),
        // Lead parties are the action holder's parties: the contract's ActionHolderAssigned tells the other contexts.
        ...(partiesChange
          ? [{ type: 'ActionHolderAssigned' as const, data: { code, actionHolder: { ...holder, parties: leadParties } } }]
          : []),
      ];
    }
    case 'AddRegion': {
      const { code, region } = command.data;
      if (!state.defined) throw notFound(code);
      if (state.regions.some((r) => r.slug === region.slug)) throw new IllegalTransition(`regio ${region.slug} hoort al bij actie ${code}`);
      if (region.period && region.period.from > region.period.to)
        throw new InvalidInput('period.to', 'het einde van de periode ligt vóór het begin');
      return [{ type: 'RegionAdded', data: command.data }];
    }
    case 'ChangeRegionStatus': {
      const { code, slug, status } = command.data;
      if (!state.defined) throw notFound(code);
      const region = state.regions.find((r) => r.slug === slug);
      if (!region) throw new NotFound(`regio ${slug} hoort niet bij actie ${code}`);
      if (region.status === status) return [];
      return [{ type: 'RegionStatusChanged', data: command.data }];
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
