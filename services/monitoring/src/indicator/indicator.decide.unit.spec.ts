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

  describe('defined and changed through the API', () => {
    const create = (over: Partial<Extract<IndicatorCommand, { type: 'CreateIndicator' }>['data']> = {}): IndicatorCommand => ({
      type: 'CreateIndicator',
      data: {
        indicatorId: 'instroom',
        werkagendaId: 'actieplan-x',
        actionCode: 'actieplan-x:1.1',
        title: 'Instroom',
        unit: 'per maand',
        direction: 'lager-is-beter',
        baseline: { value: 300, date: '2025-01-31', source: 'CIZ' },
        targets: [{ value: 240, date: '2026-06-30' }],
        today: '2026-01-15',
        ...over,
      },
    });
    const first = {
      targetId: 'doel-2026-06-30',
      value: 240,
      approximate: false,
      by: '2026-06',
      text: '',
      derivation: null,
      source: '',
      date: '2026-06-30',
    };
    const created: IndicatorEvent[] = [
      {
        type: 'IndicatorDefined',
        data: {
          indicatorId: 'instroom',
          title: 'Instroom',
          unit: 'per maand',
          periodicity: 'month',
          description: '',
          source: '',
          werkagendaId: 'actieplan-x',
          actionCode: 'actieplan-x:1.1',
          direction: 'lager-is-beter',
        },
      },
      {
        type: 'IndicatorBaselineSet',
        data: {
          indicatorId: 'instroom',
          value: 300,
          approximate: false,
          reference: '31 januari 2025',
          text: '',
          source: 'CIZ',
          date: '2025-01-31',
        },
      },
      {
        type: 'IndicatorTargetsChanged',
        data: { indicatorId: 'instroom', targets: [first], previous: [], reason: null, validFrom: '2026-01-15' },
      },
    ];
    const change = (data: Partial<Extract<IndicatorCommand, { type: 'ChangeIndicator' }>['data']>): IndicatorCommand => ({
      type: 'ChangeIndicator',
      data: { indicatorId: 'instroom', today: '2026-03-01', ...data },
    });

    it('records definition, baseline and first targets at once, without a reason', () => {
      given([]).when(create()).then(created);
      given(created)
        .when(create())
        .thenThrows(IllegalTransition, /bestaat al/);
    });

    it('changes a target only with a reason, valid from the day of the change, and keeps the previous targets in the event', () => {
      given(created)
        .when(change({ targets: [{ value: 200, date: '2026-06-30' }] }))
        .thenThrows(InvalidInput, /reden/);
      try {
        indicatorDecider.decide(
          change({ targets: [{ value: 200, date: '2026-06-30' }], reason: '  ' }),
          created.reduce(indicatorDecider.evolve, indicatorDecider.initialState()),
        );
        throw new Error('expected a refusal');
      } catch (error) {
        expect((error as InvalidInput).field).toBe('reason');
      }
      given(created)
        .when(change({ targets: [{ value: 200, date: '2026-06-30' }], reason: 'nieuwe afspraak' }))
        .then([
          {
            type: 'IndicatorTargetsChanged',
            data: {
              indicatorId: 'instroom',
              targets: [{ ...first, value: 200 }],
              previous: [first],
              reason: 'nieuwe afspraak',
              validFrom: '2026-03-01',
            },
          },
        ]);
    });

    it('records nothing when nothing differs, and only what differs otherwise', () => {
      given(created)
        .when(
          change({
            title: 'Instroom',
            targets: [{ value: 240, date: '2026-06-30' }],
            baseline: { value: 300, date: '2025-01-31', source: 'CIZ' },
          }),
        )
        .then([]);
      given(created)
        .when(change({ title: 'Nieuwe instroom' }))
        .then([{ type: 'IndicatorRedefined', data: { indicatorId: 'instroom', title: 'Nieuwe instroom', unit: 'per maand' } }]);
    });

    it('refuses two targets on one date and a baseline in the future, naming the field', () => {
      given([])
        .when(
          create({
            targets: [
              { value: 1, date: '2026-06-30' },
              { value: 2, date: '2026-06-30' },
            ],
          }),
        )
        .thenThrows(InvalidInput, /twee doelen op 30 juni 2026/);
      given([])
        .when(create({ baseline: { value: 1, date: '2026-02-01', source: 'x' } }))
        .thenThrows(InvalidInput, /toekomst/);
    });
  });
});
