import type { DomainEvent } from '@regie/es-core';

/** An indicator (e.g. new Wlz-indicaties ggz-wonen per month) with baseline, targets and measurements. */
export type Periodicity = 'month';

export type DefinedData = {
  indicatorId: string;
  title: string;
  unit: string;
  periodicity: Periodicity;
  description: string;
  source: string;
};
export type Baseline = { value: number; approximate: boolean; reference: string; text: string; source: string };
/** An upper bound to reach by a month; `by: null` = "op de langere termijn" (the source gives no date). */
export type Target = {
  targetId: string;
  value: number;
  approximate: boolean;
  by: string | null;
  text: string;
  derivation: string | null;
  source: string;
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
export type IndicatorEvent = IndicatorDefined | IndicatorBaselineSet | IndicatorTargetSet | IndicatorAssessmentNoted | MeasurementRecorded;

export type IndicatorState = {
  exists: boolean;
  indicatorId?: string;
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
      return { ...state, exists: true, indicatorId: event.data.indicatorId, periodicity: event.data.periodicity };
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
