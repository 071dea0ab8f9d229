import { DomainEvent, type SealedName } from '@regie/es-core';

export type Rag = 'groen' | 'oranje' | 'rood';
/**
 * Party codes (e.g. 'VWS', 'ZN') plus what the werkagenda says about who holds the action: parties
 * are organisations, not personal data. `person`, when an actiehouder is named, is personal data
 * and stored sealed; it stays inside this context (the contract has no field for it).
 */
export type ActionHolder = { parties: string[]; description: string; person?: SealedName | null };

export type DefineActionData = {
  werkagendaId: string;
  /** e.g. '2.1'; the action's identity within its werkagenda. */
  code: string;
  actionLine: number;
  title: string;
  actionHolder: ActionHolder;
  startActivities: string[];
};
export type AssignActionHolderData = { code: string; actionHolder: ActionHolder };
export type ReportProgressData = {
  code: string;
  /** Chosen by the caller: a repeated report id is recognised and ignored. */
  reportId: string;
  rag: Rag;
  summary: string;
  /** ISO timestamp. */
  reportedAt: string;
};

// Events
export type ActionDefined = DomainEvent<'ActionDefined', DefineActionData>;
export type ActionHolderAssigned = DomainEvent<'ActionHolderAssigned', AssignActionHolderData>;
export type ProgressReported = DomainEvent<'ProgressReported', ReportProgressData>;
export type ActionEvent = ActionDefined | ActionHolderAssigned | ProgressReported;

// State
export type ActionState = {
  defined: boolean;
  code?: string;
  actionHolder?: ActionHolder;
  lastRag?: Rag;
  /**
   * The latest report ids (at most REMEMBERED_REPORTS), so a report decided twice records once. A
   * retried request older than that is still answered once: its keyed event ids are found in the
   * store (handleCommand). Bounded, so the state (and its snapshot) does not grow with the stream.
   */
  reportIds: string[];
};

export const REMEMBERED_REPORTS = 100;

export const actionStream = (code: string): string => 'action-' + code;

export const initialState = (): ActionState => ({ defined: false, reportIds: [] });

export const evolve = (state: ActionState, event: ActionEvent): ActionState => {
  switch (event.type) {
    case 'ActionDefined':
      return { ...state, defined: true, code: event.data.code, actionHolder: event.data.actionHolder };
    case 'ActionHolderAssigned':
      return { ...state, actionHolder: event.data.actionHolder };
    case 'ProgressReported':
      return { ...state, lastRag: event.data.rag, reportIds: [...state.reportIds.slice(1 - REMEMBERED_REPORTS), event.data.reportId] };
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
};

/** Same parties in the same order and the same description. */
export const sameHolder = (a: ActionHolder | undefined, b: ActionHolder): boolean =>
  a !== undefined &&
  a.description === b.description &&
  JSON.stringify(a.person ?? null) === JSON.stringify(b.person ?? null) && // sealing is deterministic: same name, same value
  a.parties.length === b.parties.length &&
  a.parties.every((party, i) => party === b.parties[i]);
