import { IllegalTransition, InvalidInput, NotFound } from '@regie/es-core';
import { spec } from '@regie/es-core/testing';
import type { IndicatorEvent } from './indicator';
import { indicatorDecider, type IndicatorCommand } from './indicator.decide';

const indicatorId = 'wlz-ggz-wonen';
const defined: IndicatorEvent = {
  type: 'IndicatorDefined',
  data: {
    indicatorId,
    title: 'Nieuwe Wlz-indicaties ggz-wonen',
    unit: 'indicaties per maand',
    periodicity: 'month',
    description: 'd',
    source: 's',
  },
};
const record = (period: string, value: number): IndicatorCommand => ({
  type: 'RecordMeasurement',
  data: { indicatorId, period, value, source: null, today: '2026-11-23' },
});
const recorded = (period: string, value: number, previousValue: number | null = null): IndicatorEvent => ({
  type: 'MeasurementRecorded',
  data: { indicatorId, period, value, previousValue, source: null },
});
const given = spec(indicatorDecider).given;

describe('indicator decider', () => {
  it('defines an indicator once', () => {
    given([])
      .when({ type: 'DefineIndicator', data: defined.data as never })
      .then([defined]);
    given([defined])
      .when({ type: 'DefineIndicator', data: defined.data as never })
      .thenThrows(IllegalTransition, /bestaat al/);
  });

  it('records a monthly measurement, and a changed value as a correction with the previous value', () => {
    given([defined])
      .when(record('2026-10', 104))
      .then([recorded('2026-10', 104)]);
    given([defined, recorded('2026-10', 104)])
      .when(record('2026-10', 98))
      .then([recorded('2026-10', 98, 104)]);
    given([defined, recorded('2026-10', 104)])
      .when(record('2026-10', 104))
      .then([]);
  });

  it('refuses an unknown period format, a future month and a negative count, naming the field', () => {
    for (const period of ['2026-13', '2026-Q4', '2026-10-01', 'oktober 2026']) {
      given([defined])
        .when(record(period, 1))
        .thenThrows(InvalidInput, /verwacht een maand als 2026-10/);
    }
    given([defined])
      .when(record('2026-12', 1))
      .thenThrows(InvalidInput, /ligt in de toekomst/);
    given([defined])
      .when(record('2026-10', -1))
      .thenThrows(InvalidInput, /0 of meer/);
    try {
      indicatorDecider.decide(record('2026-10', -1), indicatorDecider.evolve(indicatorDecider.initialState(), defined));
    } catch (error) {
      expect((error as InvalidInput).field).toBe('value');
    }
  });

  it('refuses measurements and targets for an unknown indicator', () => {
    given([]).when(record('2026-10', 1)).thenThrows(NotFound);
  });

  it('sets targets by id (a second set replaces the first) and notes an assessment once', () => {
    const target = { indicatorId, targetId: 't1', value: 240, approximate: false, by: '2024-03', text: 't', derivation: null, source: 's' };
    given([defined])
      .when({ type: 'SetTarget', data: target })
      .thenState((s) => expect(s.targets).toEqual([expect.objectContaining({ targetId: 't1', value: 240 })]));
    given([defined])
      .when({ type: 'SetTarget', data: { ...target, by: '2024-Q1' } })
      .thenThrows(InvalidInput, /maand/);
    const note = { indicatorId, assessmentId: 'a1', asOf: '2025-03-11', text: 't', source: 's' };
    given([defined, { type: 'IndicatorAssessmentNoted', data: note }])
      .when({ type: 'NoteAssessment', data: note })
      .then([]);
  });
});
