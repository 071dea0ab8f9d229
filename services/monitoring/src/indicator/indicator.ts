import { type DomainEvent, FIRST_WERKAGENDA_ID } from '@regie/es-core';

/** An indicator (e.g. new Wlz-indicaties ggz-wonen per month) with baseline, targets and measurements. */
export type Periodicity = 'month';

/** Which way is better: a target is a bound to stay under (lager-is-beter) or to reach (hoger-is-beter). */
export const DIRECTIONS = ['hoger-is-beter', 'lager-is-beter'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/**
 * `werkagendaId`, `actionCode` (an action key) and `direction` were added when indicators could be
 * defined through the API: an indicator defined before belongs to the first werkagenda, to no
 * action, and lower is better (the seeded indicator's targets are upper bounds).
 */
export type DefinedData = {
  indicatorId: string;
  title: string;
  unit: string;
  periodicity: Periodicity;
  description: string;
  source: string;
  werkagendaId?: string;
  actionCode?: string | null;
  direction?: Direction;
};
/** `date` (YYYY-MM-DD) when the baseline was given as a measurement date through the API. */
export type Baseline = { value: number; approximate: boolean; reference: string; text: string; source: string; date?: string };
/**
 * A bound to reach by a month (an upper bound when lower is better, a lower bound otherwise);
 * `by: null` = "op de langere termijn" (the source gives no date). `date` is the day given through the API.
 */
export type Target = {
  targetId: string;
  value: number;
  approximate: boolean;
  by: string | null;
  text: string;
  derivation: string | null;
  source: string;
  date?: string | null;
};
/** A statement about the indicator's state in a source (not a measurement for a period). */
export type Assessment = { assessmentId: string; asOf: string; text: string; source: string };

export type IndicatorDefined = DomainEvent<'IndicatorDefined', DefinedData>;
export type IndicatorBaselineSet = DomainEvent<'IndicatorBaselineSet', { indicatorId: string } & Baseline>;
export type IndicatorTargetSet = DomainEvent<'IndicatorTargetSet', { indicatorId: string } & Target>;
export type IndicatorAssessmentNoted = DomainEvent<'IndicatorAssessmentNoted', { indicatorId: string } & Assessment>;
/** `previousValue` is set when the period had a value already (a correction). */
export type MeasurementRecorded = DomainEvent<
  'MeasurementRecorded',
  { indicatorId: string; period: string; value: number; previousValue: number | null; source: string | null }
>;
/** Name and unit after a change (both, also the one that stayed). */
export type IndicatorRedefined = DomainEvent<'IndicatorRedefined', { indicatorId: string; title: string; unit: string }>;
/**
 * The whole set of targets from `validFrom` (YYYY-MM-DD, the day of the change) on: a moment before
 * it keeps the targets valid then. `reason` is required when targets that existed change; null
 * for the first set of an indicator defined through the API.
 */
export type IndicatorTargetsChanged = DomainEvent<
  'IndicatorTargetsChanged',
  { indicatorId: string; targets: Target[]; previous: Target[]; reason: string | null; validFrom: string }
>;
export type IndicatorEvent =
  | IndicatorDefined
  | IndicatorRedefined
  | IndicatorBaselineSet
  | IndicatorTargetSet
  | IndicatorTargetsChanged
  | IndicatorAssessmentNoted
  | MeasurementRecorded;

export type IndicatorState = {
  exists: boolean;
  indicatorId?: string;
  werkagendaId?: string;
  title?: string;
  unit?: string;
  periodicity?: Periodicity;
  baseline: Baseline | null;
  targets: Target[];
  assessments: string[];
  measurements: Record<string, number>;
};

export const indicatorStream = (id: string): string => 'indicator-' + id;

export const initialState = (): IndicatorState => ({ exists: false, baseline: null, targets: [], assessments: [], measurements: {} });

export const evolve = (state: IndicatorState, event: IndicatorEvent): IndicatorState => {
  switch (event.type) {
    case 'IndicatorDefined':
      return {
        ...state,
        exists: true,
        indicatorId: event.data.indicatorId,
        werkagendaId: event.data.werkagendaId ?? FIRST_WERKAGENDA_ID,
        title: event.data.title,
        unit: event.data.unit,
        periodicity: event.data.periodicity,
      };
    case 'IndicatorRedefined':
      return { ...state, title: event.data.title, unit: event.data.unit };
    case 'IndicatorTargetsChanged':
      return { ...state, targets: event.data.targets };
    case 'IndicatorBaselineSet': {
      const { indicatorId: _id, ...baseline } = event.data;
      return { ...state, baseline };
    }
    case 'IndicatorTargetSet': {
      const { indicatorId: _id, ...target } = event.data;
      return { ...state, targets: [...state.targets.filter((t) => t.targetId !== target.targetId), target] };
    }
    case 'IndicatorAssessmentNoted':
      return { ...state, assessments: [...state.assessments, event.data.assessmentId] };
    case 'MeasurementRecorded':
      return { ...state, measurements: { ...state.measurements, [event.data.period]: event.data.value } };
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
};
