import { amsterdamLocal, isWorkingDay } from '@regie/calendar';
import { horizon, nominalDate, occurrence, occurrencesBetween, schedulingWindow, type SeriesRhythm } from './occurrences';

const kerngroep: SeriesRhythm = { firstDate: '2025-04-08', localTime: '10:00', durationMinutes: 90, interval: { unit: 'weeks', every: 3 } };

describe('occurrences of a series', () => {
  it('counts every nominal date from the first one, 21 days apart', () => {
    expect([0, 1, 2].map((i) => nominalDate(kerngroep, i))).toEqual(['2025-04-08', '2025-04-29', '2025-05-20']);
  });

  it('counts months from the first date for a quarterly series', () => {
    const regie = { firstDate: '2025-06-19', interval: { unit: 'months', every: 3 } } as const;
    expect([0, 1, 2, 3].map((i) => nominalDate(regie, i))).toEqual(['2025-06-19', '2025-09-19', '2025-12-19', '2026-03-19']);
  });

  it('moves an occurrence falling on Koningsdag 2026-04-27 to 2026-04-28, at 10:00 local, and says why', () => {
    const monday: SeriesRhythm = { ...kerngroep, firstDate: '2026-04-06' }; // itself Tweede paasdag
    expect(occurrence(monday, 0)).toMatchObject({ date: '2026-04-07', nominalDate: '2026-04-06' });
    const koningsdag = occurrence({ ...monday, interval: { unit: 'weeks', every: 3 } }, 1);
    expect(koningsdag).toEqual({
      index: 1,
      nominalDate: '2026-04-27',
      date: '2026-04-28',
      movedBecause: 'Koningsdag',
      startsAt: '2026-04-28T08:00:00.000Z',
      endsAt: '2026-04-28T09:30:00.000Z',
    });
  });

  it('keeps 10:00 local across the DST change: 09:00Z in winter, 08:00Z in summer', () => {
    const winter = occurrence(kerngroep, Math.round((Date.parse('2026-03-10') - Date.parse('2025-04-08')) / 86_400_000 / 21));
    const summer = occurrence(kerngroep, winter.index + 1);
    expect(winter).toMatchObject({ date: '2026-03-10', startsAt: '2026-03-10T09:00:00.000Z' });
    expect(summer).toMatchObject({ date: '2026-03-31', startsAt: '2026-03-31T08:00:00.000Z' });
    expect([winter, summer].map((o) => amsterdamLocal(o.startsAt).time)).toEqual(['10:00', '10:00']);
    const autumn = occurrencesBetween(kerngroep, '2026-10-01', '2026-11-30');
    expect(autumn.map((o) => amsterdamLocal(o.startsAt).time)).toEqual(autumn.map(() => '10:00'));
    expect(autumn.some((o) => o.startsAt.endsWith('T09:00:00.000Z'))).toBe(true); // after 25 Oct, CET again
  });

  it('gives the occurrences within a 12-month horizon, 21 days apart unless a holiday moved one', () => {
    const window = horizon('2026-03-15');
    expect(window).toEqual({ from: '2026-03-15', to: '2027-03-15' });
    const list = occurrencesBetween(kerngroep, window.from, window.to);
    expect(list.length).toBe(17); // 365 days / 21
    for (const o of list) {
      expect(isWorkingDay(o.date)).toBe(true);
      expect(['12-25', '04-27'].includes(o.date.slice(5))).toBe(false);
    }
    const gaps = list.slice(1).map((o, i) => (Date.parse(o.nominalDate) - Date.parse(list[i].nominalDate)) / 86_400_000);
    expect(new Set(gaps)).toEqual(new Set([21]));
  });

  it('schedules one interval back as well, so the most recent past meeting is there', () => {
    expect(schedulingWindow('2026-03-15', { unit: 'weeks', every: 3 })).toEqual({ from: '2026-02-22', to: '2027-03-15' });
    expect(schedulingWindow('2026-03-15', { unit: 'months', every: 3 })).toEqual({ from: '2025-12-15', to: '2027-03-15' });
    const past = occurrencesBetween(kerngroep, '2026-02-22', '2026-03-14');
    expect(past).toHaveLength(1);
  });

  it('moves only the occurrence that falls on a holiday, not the ones after it', () => {
    const christmas: SeriesRhythm = { ...kerngroep, firstDate: '2026-12-04' }; // Friday; +21 = 25 Dec
    const [first, second, third] = occurrencesBetween(christmas, '2026-12-01', '2027-01-31');
    expect([first.date, second.date, third.date]).toEqual(['2026-12-04', '2026-12-28', '2027-01-15']);
    expect(second.movedBecause).toBeDefined();
  });
});
