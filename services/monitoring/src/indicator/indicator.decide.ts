import { type Decider, IllegalTransition, InvalidInput, NotFound } from '@regie/es-core';
import { dutchDate, MONTH_PATTERN } from '@regie/calendar';
import {
  type Assessment,
  type Baseline,
  type DefinedData,
  type Direction,
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
/** A baseline as the API takes it: a value measured on a date, with its source. */
export type BaselineInput = { value: number; date: string; source: string };
/** A target as the API takes it: a value to reach by a date (null: "op de langere termijn"). */
export type TargetInput = { value: number; date: string | null; text?: string; source?: string };
/** Defines an indicator with its baseline and first targets at once (through the API). `today` from the caller's clock. */
export type CreateIndicator = {
  type: 'CreateIndicator';
  data: {
    indicatorId: string;
    werkagendaId: string;
    actionCode: string | null;
    title: string;
    unit: string;
    direction: Direction;
    baseline: BaselineInput | null;
    targets: TargetInput[];
    today: string;
  };
};
/** Changes what is given; changing targets that existed needs a reason. Nothing that differs: nothing recorded. */
export type ChangeIndicator = {
  type: 'ChangeIndicator';
  data: {
    indicatorId: string;
    title?: string;
    unit?: string;
    baseline?: BaselineInput;
    targets?: TargetInput[];
    reason?: string;
    today: string;
  };
};
export type IndicatorCommand =
  DefineIndicator | CreateIndicator | ChangeIndicator | SetBaseline | SetTarget | NoteAssessment | RecordMeasurement;

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

const baselineOf = (input: BaselineInput): Baseline => ({
  value: input.value,
  approximate: false,
  reference: dutchDate(input.date),
  text: '',
  source: input.source,
  date: input.date,
});

/** The targets as recorded: one per date, in date order (the undated long-term one last). */
const targetsOf = (inputs: TargetInput[]): Target[] => {
  const seen = new Set<string>();
  for (const t of inputs) {
    nonNegative('targets', t.value);
    const key = t.date ?? 'langere-termijn';
    if (seen.has(key))
      throw new InvalidInput(
        'targets',
        t.date ? `twee doelen op ${dutchDate(t.date)}: geef één doel per datum` : 'twee doelen zonder datum',
      );
    seen.add(key);
  }
  return [...inputs]
    .sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999'))
    .map((t) => ({
      targetId: `doel-${t.date ?? 'langere-termijn'}`,
      value: t.value,
      approximate: false,
      by: t.date ? t.date.slice(0, 7) : null,
      text: t.text ?? '',
      derivation: null,
      source: t.source ?? '',
      date: t.date,
    }));
};

const sameTargets = (a: Target[], b: Target[]): boolean => {
  const key = (ts: Target[]) =>
    ts
      .map((t) => `${t.value}@${t.date ?? t.by ?? '-'}|${t.text}|${t.source}`)
      .sort()
      .join(';');
  return key(a) === key(b);
};

const sameBaseline = (a: Baseline | null, b: Baseline): boolean =>
  a !== null && a.value === b.value && a.date === b.date && a.source === b.source;

export const decide = (command: IndicatorCommand, state: IndicatorState): IndicatorEvent[] => {
  switch (command.type) {
    case 'DefineIndicator':
      if (state.exists) throw new IllegalTransition(`indicator ${command.data.indicatorId} bestaat al`);
      return [{ type: 'IndicatorDefined', data: command.data }];
    case 'CreateIndicator': {
      const { indicatorId, werkagendaId, actionCode, title, unit, direction, baseline, targets, today } = command.data;
      if (state.exists) throw new IllegalTransition(`indicator ${indicatorId} bestaat al`);
      if (baseline) nonNegative('baseline.value', baseline.value);
      if (baseline && baseline.date > today)
        throw new InvalidInput('baseline.date', `de datum ${dutchDate(baseline.date)} ligt in de toekomst`);
      const recorded = targetsOf(targets);
      const events: IndicatorEvent[] = [
        {
          type: 'IndicatorDefined',
          data: { indicatorId, title, unit, periodicity: 'month', description: '', source: '', werkagendaId, actionCode, direction },
        },
      ];
      if (baseline) events.push({ type: 'IndicatorBaselineSet', data: { indicatorId, ...baselineOf(baseline) } });
      if (recorded.length)
        events.push({
          type: 'IndicatorTargetsChanged',
          data: { indicatorId, targets: recorded, previous: [], reason: null, validFrom: today },
        });
      return events;
    }
    case 'ChangeIndicator': {
      const { indicatorId, title, unit, baseline, targets, reason, today } = command.data;
      existing(indicatorId, state);
      const events: IndicatorEvent[] = [];
      const newTitle = title ?? state.title!;
      const newUnit = unit ?? state.unit!;
      if (newTitle !== state.title || newUnit !== state.unit)
        events.push({ type: 'IndicatorRedefined', data: { indicatorId, title: newTitle, unit: newUnit } });
      if (baseline) {
        nonNegative('baseline.value', baseline.value);
        if (baseline.date > today) throw new InvalidInput('baseline.date', `de datum ${dutchDate(baseline.date)} ligt in de toekomst`);
        const next = baselineOf(baseline);
        if (!sameBaseline(state.baseline, next)) events.push({ type: 'IndicatorBaselineSet', data: { indicatorId, ...next } });
      }
      if (targets) {
        const next = targetsOf(targets);
        if (!sameTargets(state.targets, next)) {
          const why = reason?.trim() || null;
          if (state.targets.length > 0 && !why)
            throw new InvalidInput('reason', 'geef een reden op: een doel wijzigt alleen met een reden');
          events.push({
            type: 'IndicatorTargetsChanged',
            data: { indicatorId, targets: next, previous: state.targets, reason: why, validFrom: today },
          });
        }
      }
      return events;
    }
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
