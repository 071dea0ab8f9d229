import { IllegalTransition, InvalidInput } from '@regie/es-core';
import { spec } from '@regie/es-core/testing';
import { meetingSeriesStream, type SeriesDefinition } from './meeting-series';
import { meetingSeriesDecider } from './meeting-series.decide';

const kerngroep: SeriesDefinition = {
  seriesId: '0196a4a2-7c1e-7000-8000-0000000000f1',
  werkagendaId: 'betekenisvol-leven-2025-2028',
  kind: 'kerngroep',
  title: 'Kerngroepoverleg',
  purpose: 'Voortgang op acties afstemmen',
  cadence: 'driewekelijks',
  interval: { unit: 'weeks', every: 3 },
  participants: ['Actiehouders'],
  chair: 'VWS',
  organiser: 'VWS',
  firstDate: '2025-04-08',
  localTime: '10:00',
  durationMinutes: 90,
  example: true,
};
const define = { type: 'DefineMeetingSeries' as const, data: kerngroep };
const defined = { type: 'MeetingSeriesDefined' as const, data: kerngroep };
const given = spec(meetingSeriesDecider).given;

describe('meeting series', () => {
  it('defines a series with cadence, participants and chair', () => {
    given([]).when(define).then([defined]);
  });

  it('records nothing when the same series is defined again (seed idempotence)', () => {
    given([defined]).when(define).then([]);
  });

  it('records nothing either when the stored definition comes back with its keys in another order (jsonb)', () => {
    const stored = Object.fromEntries(
      Object.entries(kerngroep).sort(([a], [b]) => a.length - b.length || a.localeCompare(b)),
    ) as SeriesDefinition;
    expect(JSON.stringify(stored)).not.toBe(JSON.stringify(kerngroep));
    given([{ type: 'MeetingSeriesDefined', data: stored }])
      .when(define)
      .then([]);
  });

  it('refuses to redefine a series with other data', () => {
    given([defined])
      .when({ type: 'DefineMeetingSeries', data: { ...kerngroep, chair: 'ZN' } })
      .thenThrows(IllegalTransition);
  });

  it('refuses a zero interval and a malformed time', () => {
    given([])
      .when({ type: 'DefineMeetingSeries', data: { ...kerngroep, interval: { unit: 'weeks', every: 0 } } })
      .thenThrows(InvalidInput);
    given([])
      .when({ type: 'DefineMeetingSeries', data: { ...kerngroep, localTime: '10u' } })
      .thenThrows(InvalidInput);
  });

  it('names its stream after the series id', () => {
    expect(meetingSeriesStream(kerngroep.seriesId)).toBe(`meeting-series-${kerngroep.seriesId}`);
  });
});
