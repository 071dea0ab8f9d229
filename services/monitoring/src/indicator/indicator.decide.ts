import { type Decider, IllegalTransition, InvalidInput, NotFound } from '@regie/es-core';
import { MONTH_PATTERN } from '@regie/calendar';
import {
  type Assessment,
  type Baseline,
  type DefinedData,
  evolve,
  type IndicatorEvent,
  type IndicatorState,
  initialState,
  type Target,
} from './indicator';

export type DefineIndicator = { type: 'DefineIndicator'; data: DefinedData };
export type SetBaseline = { type: 'SetBaseline'; data: { indicatorId: string } & Baseline };
export type SetTarget = { type: 'SetTarget'; data: { indicatorId: string } & Target };
export type NoteAssessment = { type: 'NoteAssessment'; data: { indicatorId: string } & Assessment };
/** `today` (YYYY-MM-DD) comes from the caller's clock. */
export type RecordMeasurement = {
  type: 'RecordMeasurement';
  data: { indicatorId: string; period: string; value: number; source: string | null; today: string };
};
export type IndicatorCommand = DefineIndicator | SetBaseline | SetTarget | NoteAssessment | RecordMeasurement;

const existing = (indicatorId: string, state: IndicatorState): IndicatorState => {
  if (!state.exists) throw new NotFound(`indicator ${indicatorId} bestaat niet`);
  return state;
};

const nonNegative = (field: string, value: number): void => {
  if (!Number.isFinite(value) || value < 0) throw new InvalidInput(field, 'verwacht een aantal van 0 of meer');
};

/** Period rules per periodicity: a monthly indicator takes '2026-10', not in the future. */
const checkPeriod = (state: IndicatorState, period: string, today: string): void => {
  if (state.periodicity === 'month' && !MONTH_PATTERN.test(period)) {
    throw new InvalidInput('period', 'verwacht een maand als 2026-10 (deze indicator is maandelijks)');
  }
  if (period > today.slice(0, 7)) throw new InvalidInput('period', `de periode ${period} ligt in de toekomst`);
};

export const decide = (command: IndicatorCommand, state: IndicatorState): IndicatorEvent[] => {
  switch (command.type) {
    case 'DefineIndicator':
      if (state.exists) throw new IllegalTransition(`indicator ${command.data.indicatorId} bestaat al`);
      return [{ type: 'IndicatorDefined', data: command.data }];
    case 'SetBaseline':
      existing(command.data.indicatorId, state);
      nonNegative('value', command.data.value);
      return [{ type: 'IndicatorBaselineSet', data: command.data }];
    case 'SetTarget':
      existing(command.data.indicatorId, state);
      nonNegative('value', command.data.value);
      if (command.data.by !== null && !MONTH_PATTERN.test(command.data.by)) throw new InvalidInput('by', 'verwacht een maand als 2024-03');
      return [{ type: 'IndicatorTargetSet', data: command.data }];
    case 'NoteAssessment':
      existing(command.data.indicatorId, state);
      if (state.assessments.includes(command.data.assessmentId)) return [];
      return [{ type: 'IndicatorAssessmentNoted', data: command.data }];
    case 'RecordMeasurement': {
      const { indicatorId, period, value, source, today } = command.data;
      existing(indicatorId, state);
      checkPeriod(state, period, today);
      nonNegative('value', value);
      const previous = state.measurements[period];
      if (previous === value) return []; // the same value again records nothing
      return [{ type: 'MeasurementRecorded', data: { indicatorId, period, value, previousValue: previous ?? null, source } }];
    }
    default: {
      const _exhaustive: never = command;
      throw new InvalidInput('type', `onbekend commando ${(_exhaustive as { type: string }).type}`);
    }
  }
};

export const indicatorDecider: Decider<IndicatorCommand, IndicatorEvent, IndicatorState> = { decide, evolve, initialState };
