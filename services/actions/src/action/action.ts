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
  /** The actiehouders as people of the directory (ids only; names live there). Absent on actions defined before. */
  actiehouderPersonIds?: string[];
};
/** A change of an action, with the reason; only the fields that change are present. */
export type ChangeActionData = {
  code: string;
  title?: string;
  actiehouderPersonIds?: string[];
  startActivities?: string[];
  reason: string;
};

/**
 * Where a region stands in the action (a pilot region of the actieplan dakloosheid): it signs up
 * ("kan een regio zich aanmelden als pilotregio"), starts, has its plan van aanpak ready
 * ("een overzichtelijk plan van aanpak voor het verbeteren van de samenwerking"), and finishes
 * (kamerbrief-pilotregios-2025.txt).
 */
export const REGION_STATUSES = ['aangemeld', 'gestart', 'plan_van_aanpak_gereed', 'afgerond'] as const;
export type RegionStatus = (typeof REGION_STATUSES)[number];
export type Region = { slug: string; name: string; period: { from: string; to: string } | null; status: RegionStatus };
export type AddRegionData = { code: string; region: Region };
export type ChangeRegionStatusData = { code: string; slug: string; status: RegionStatus; on: string; note: string | null };
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
export type ActionChanged = DomainEvent<'ActionChanged', ChangeActionData>;
export type RegionAdded = DomainEvent<'RegionAdded', AddRegionData>;
export type RegionStatusChanged = DomainEvent<'RegionStatusChanged', ChangeRegionStatusData>;
export type ActionEvent = ActionDefined | ActionHolderAssigned | ProgressReported | ActionChanged | RegionAdded | RegionStatusChanged;

// State
export type ActionState = {
  defined: boolean;
  code?: string;
  title?: string;
  actionHolder?: ActionHolder;
  actiehouderPersonIds: string[];
  startActivities: string[];
  regions: { slug: string; status: RegionStatus }[];
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

export const initialState = (): ActionState => ({
  defined: false,
  reportIds: [],
  actiehouderPersonIds: [],
  startActivities: [],
  regions: [],
});

export const evolve = (state: ActionState, event: ActionEvent): ActionState => {
  switch (event.type) {
    case 'ActionDefined':
      return {
        ...state,
        defined: true,
        code: event.data.code,
        title: event.data.title,
        actionHolder: event.data.actionHolder,
        actiehouderPersonIds: event.data.actiehouderPersonIds ?? [],
        startActivities: event.data.startActivities,
      };
    case 'ActionChanged':
      return {
        ...state,
        title: event.data.title ?? state.title,
        actiehouderPersonIds: event.data.actiehouderPersonIds ?? state.actiehouderPersonIds,
        startActivities: event.data.startActivities ?? state.startActivities,
      };
    case 'RegionAdded':
      return { ...state, regions: [...state.regions, { slug: event.data.region.slug, status: event.data.region.status }] };
    case 'RegionStatusChanged':
      return {
        ...state,
        regions: state.regions.map((r) => (r.slug === event.data.slug ? { slug: r.slug, status: event.data.status } : r)),
      };
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
