import { IllegalTransition, InvalidInput, NotFound } from '@regie/es-core';
import { spec } from '@regie/es-core/testing';
import { type MeetingSeriesEvent, meetingSeriesStream, type SeriesChange, type SeriesDefinition } from './meeting-series';
import { type ChangeMeetingSeries, type EndMeetingSeries, meetingSeriesDecider } from './meeting-series.decide';

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

describe('meeting series: changes and an end from a date on', () => {
  // Every three weeks from Tuesday 8 April 2025: 6 Jan, 27 Jan, 17 Feb, 10 Mar, 31 Mar 2026 (index 13, 14, 15, 16, 17).
  const today = '2026-03-15';
  const change = (data: Partial<ChangeMeetingSeries['data']>): ChangeMeetingSeries => ({
    type: 'ChangeMeetingSeries',
    data: { seriesId: kerngroep.seriesId, from: '2026-03-20', today, reason: 'Nieuw jaarritme', ...data },
  });
  const changed = (data: Partial<SeriesChange>): MeetingSeriesEvent => ({
    type: 'MeetingSeriesChanged',
    data: {
      seriesId: kerngroep.seriesId,
      werkagendaId: kerngroep.werkagendaId,
      kind: 'kerngroep',
      from: '2026-03-20',
      fromIndex: 17,
      firstDate: '2026-03-31',
      localTime: '10:00',
      durationMinutes: 90,
      interval: { unit: 'weeks', every: 3 },
      cadence: 'driewekelijks',
      chair: 'VWS',
      participants: ['Actiehouders'],
      location: null,
      reason: 'Nieuw jaarritme',
      ...data,
    },
  });

  it('changes the time from a date on, anchored on the next occurrence, keeping what is not named', () => {
    given([defined])
      .when(change({ localTime: '13:30' }))
      .then([changed({ localTime: '13:30' })]);
  });

  it('changes the rhythm from a new first date, with its Dutch cadence label', () => {
    given([defined])
      .when(change({ interval: { unit: 'weeks', every: 4 }, firstDate: '2026-04-02' }))
      .then([changed({ interval: { unit: 'weeks', every: 4 }, cadence: 'vierwekelijks', firstDate: '2026-04-02' })]);
  });

  it('counts the occurrences of an earlier change: a second change starts after it', () => {
    const first = changed({ interval: { unit: 'weeks', every: 4 }, cadence: 'vierwekelijks' });
    given([defined, first])
      .when(change({ from: '2026-05-01', chair: 'ZN' }))
      .then([
        changed({
          from: '2026-05-01',
          fromIndex: 19, // 31 Mar, 28 Apr, then 26 May
          firstDate: '2026-05-26',
          interval: { unit: 'weeks', every: 4 },
          cadence: 'vierwekelijks',
          chair: 'ZN',
        }),
      ]);
  });

  it('refuses a change in the past, and a new first date on a holiday unless confirmed', () => {
    given([defined])
      .when(change({ from: '2026-03-01', localTime: '09:00' }))
      .thenThrows(InvalidInput, /verleden/);
    given([defined])
      .when(change({ firstDate: '2026-04-27' }))
      .thenThrows(IllegalTransition, /Koningsdag/);
    given([defined])
      .when(change({ firstDate: '2026-04-27', confirmHoliday: true }))
      .then([changed({ firstDate: '2026-04-27', keepDates: ['2026-04-27'] })]);
  });

  it('ends the series from a date: from the first occurrence on or after it; nothing changes after that', () => {
    const end: EndMeetingSeries = {
      type: 'EndMeetingSeries',
      data: { seriesId: kerngroep.seriesId, from: '2026-04-01', today, reason: 'Klaar' },
    };
    const ended: MeetingSeriesEvent = {
      type: 'MeetingSeriesEnded',
      data: {
        seriesId: kerngroep.seriesId,
        werkagendaId: kerngroep.werkagendaId,
        kind: 'kerngroep',
        from: '2026-04-01',
        fromIndex: 18,
        reason: 'Klaar',
      },
    };
    given([defined]).when(end).then([ended]);
    given([defined, ended])
      .when(change({ localTime: '09:00' }))
      .thenThrows(IllegalTransition, /beëindigd/);
    given([]).when(end).thenThrows(NotFound);
  });

  it('refuses, through the API, a first date on a public holiday unless confirmed, and a weekend', () => {
    const onHoliday = { ...kerngroep, firstDate: '2026-05-14' };
    given([])
      .when({ type: 'DefineMeetingSeries', data: onHoliday, holidays: 'refuse' })
      .thenThrows(IllegalTransition, /Hemelvaartsdag/);
    given([])
      .when({ type: 'DefineMeetingSeries', data: onHoliday, holidays: 'keep' })
      .then([{ type: 'MeetingSeriesDefined', data: onHoliday }]);
    given([])
      .when({ type: 'DefineMeetingSeries', data: { ...kerngroep, firstDate: '2026-05-16' }, holidays: 'refuse' })
      .thenThrows(InvalidInput, /weekend/);
  });
});
