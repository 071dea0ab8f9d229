import { DateTime } from 'luxon';
import {
  addDays,
  addMonths,
  amsterdamDate,
  amsterdamInstant,
  amsterdamLocal,
  daysBetween,
  endOfMonth,
  isCalendarDate,
  startOfAmsterdamDay,
} from './iso-date';

describe('ISO dates in Amsterdam', () => {
  it('adds days across months, year ends and leap years', () => {
    expect(addDays('2026-11-30', 1)).toBe('2026-12-01');
    expect(addDays('2026-11-30', -42)).toBe('2026-10-19');
    expect(addDays('2026-12-14', 30)).toBe('2027-01-13');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
  });

  it('adds whole days over a DST change, never landing a day off', () => {
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29'); // the 23-hour day
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(addDays('2026-10-25', 1)).toBe('2026-10-26'); // the 25-hour day
    expect(addDays('2026-10-26', -2)).toBe('2026-10-24');
  });

  it('adds months, clamping to the last day of a shorter month', () => {
    expect(addMonths('2025-06-19', 3)).toBe('2025-09-19');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-03-15', -3)).toBe('2025-12-15');
    expect(addMonths('2026-03-15', 12)).toBe('2027-03-15');
  });

  it('counts whole days between dates, also over DST changes and year ends', () => {
    expect(daysBetween('2026-10-15', '2026-11-14')).toBe(30);
    expect(daysBetween('2026-11-14', '2026-10-15')).toBe(-30);
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2);
    expect(daysBetween('2027-12-31', '2028-03-01')).toBe(61);
  });

  it('knows the last day of a month and which dates exist', () => {
    expect(endOfMonth(2026, 2)).toBe('2026-02-28');
    expect(endOfMonth(2028, 2)).toBe('2028-02-29');
    expect(endOfMonth(2026, 12)).toBe('2026-12-31');
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('2026-4-1')).toBe(false);
    expect(isCalendarDate('0000-01-01')).toBe(false);
  });

  it('finds the start of an Amsterdam day in winter and in summer time', () => {
    expect(startOfAmsterdamDay('2026-12-01').toISOString()).toBe('2026-11-30T23:00:00.000Z');
    expect(startOfAmsterdamDay('2026-07-01').toISOString()).toBe('2026-06-30T22:00:00.000Z');
    expect(startOfAmsterdamDay('2026-03-29').toISOString()).toBe('2026-03-28T23:00:00.000Z'); // DST starts at 02:00 that day
    expect(startOfAmsterdamDay('2026-10-25').toISOString()).toBe('2026-10-24T22:00:00.000Z'); // DST ends at 03:00 that day
  });

  it('gives the Amsterdam date of an instant: late evening UTC is already tomorrow', () => {
    expect(amsterdamDate(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
    expect(amsterdamDate(new Date('2026-12-31T22:59:59Z'))).toBe('2026-12-31');
    expect(amsterdamDate(new Date('2026-12-31T23:00:00Z'))).toBe('2027-01-01');
  });

  it('turns the date at Amsterdam midnight when asked moment after moment, in winter and in summer time', () => {
    const dates = (from: string, minutes: number) =>
      Array.from({ length: minutes }, (_, i) => amsterdamDate(new Date(Date.parse(from) + i * 60_000 + 30_000)));
    // Winter (UTC+1): midnight is 23:00Z; summer (UTC+2): 22:00Z; the night DST starts (29 March).
    for (const [from, before, after] of [
      ['2026-01-14T22:00:00Z', '2026-01-14', '2026-01-15'],
      ['2026-07-01T21:00:00Z', '2026-07-01', '2026-07-02'],
      ['2026-03-28T22:00:00Z', '2026-03-28', '2026-03-29'],
    ]) {
      const seen = dates(from, 120);
      expect(seen.slice(0, 60).every((d) => d === before)).toBe(true);
      expect(seen.slice(60).every((d) => d === after)).toBe(true);
    }
    expect(amsterdamDate(new Date('2026-10-25T00:59:00Z'))).toBe('2026-10-25'); // the night DST ends
    expect(amsterdamDate(new Date('2026-10-24T21:59:00Z'))).toBe('2026-10-24');
    expect(amsterdamDate(new Date('2026-10-24T22:00:00Z'))).toBe('2026-10-25');
  });

  it('keeps 10:00 local as 09:00Z in winter and 08:00Z in summer, and reads it back', () => {
    expect(amsterdamInstant('2026-03-10', '10:00')).toBe('2026-03-10T09:00:00.000Z');
    expect(amsterdamInstant('2026-03-31', '10:00')).toBe('2026-03-31T08:00:00.000Z');
    expect(amsterdamLocal('2026-03-31T08:00:00.000Z')).toEqual({ date: '2026-03-31', time: '10:00' });
    expect(amsterdamLocal(new Date('2026-10-26T09:00:00Z'))).toEqual({ date: '2026-10-26', time: '10:00' });
  });

  it('reads the Amsterdam wall clock as the time-zone database does, every few minutes for years, across every DST change', () => {
    const byLuxon = (ms: number) => {
      const local = DateTime.fromMillis(ms, { zone: 'Europe/Amsterdam' });
      return { date: local.toISODate(), time: local.toFormat('HH:mm') };
    };
    const differing: string[] = [];
    const check = (ms: number) => {
      const instant = new Date(ms);
      const expected = byLuxon(ms);
      const seen = [amsterdamLocal(instant), amsterdamLocal(instant.toISOString()), { date: amsterdamDate(instant), time: expected.time }];
      if (seen.some((s) => s.date !== expected.date || s.time !== expected.time)) differing.push(instant.toISOString());
    };
    // 2017–2031 every two hours and 7 seconds (so at every minute of the hour in turn), then each minute of the two hours of UTC around every DST change (the last Sundays of March and October).
    for (let ms = Date.UTC(2017, 0, 1); ms < Date.UTC(2031, 0, 1); ms += 7_207_000) check(ms);
    for (let year = 2017; year <= 2030; year++)
      for (const month of [2, 9])
        for (let day = 25; day <= 31; day++)
          if (new Date(Date.UTC(year, month, day)).getUTCDay() === 0)
            for (let minute = 0; minute < 120; minute++) check(Date.UTC(year, month, day, 0, minute, 59));
    // The years around 1940, as this machine's time-zone database has them (since tzdata 2022b Amsterdam follows Brussels before 1970).
    for (let ms = Date.UTC(1936, 0, 1); ms < Date.UTC(1946, 0, 1); ms += 7_207_000) check(ms);
    expect(differing).toEqual([]);
  });

  it('reads an instant with an offset as the same moment, and leaves what is not an instant to luxon', () => {
    expect(amsterdamLocal('2026-07-01T10:15:00+02:00')).toEqual({ date: '2026-07-01', time: '10:15' });
    expect(amsterdamLocal('2026-12-31T23:30:00.123-01:00')).toEqual({ date: '2027-01-01', time: '01:30' });
    expect(amsterdamLocal('2026-02-30T10:00:00Z')).toEqual({ date: null, time: 'Invalid DateTime' });
    expect(amsterdamDate(new Date(Number.NaN))).toBeNull();
  });

  it('knows the last day of every month and which dates exist as luxon does, leap years and years below 100 included', () => {
    const differing: string[] = [];
    for (const year of [1, 4, 99, 100, 400, 999, 1000, 1582, 1900, 1999, 2000, 2023, 2024, 2025, 2026, 2028, 2100, 2400, 9999])
      for (let month = 1; month <= 12; month++) {
        const byLuxon = DateTime.fromObject({ year, month }, { zone: 'Europe/Amsterdam' }).endOf('month').toISODate();
        if (endOfMonth(year, month) !== byLuxon) differing.push(`${year}-${month}`);
        for (const day of [0, 1, 28, 29, 30, 31, 32]) {
          const date = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
          const exists = DateTime.fromISO(date, { zone: 'Europe/Amsterdam' }).isValid;
          if (isCalendarDate(date) !== exists) differing.push(date);
        }
      }
    expect(differing).toEqual([]);
    expect(endOfMonth(2024, 2)).toBe('2024-02-29');
    expect(endOfMonth(2026, 12)).toBe('2026-12-31');
    for (const notADate of ['0000-01-01', '2026-13-01', '2026-00-10', '2026-1-01', '2026-02-29', '2026-02-30T00:00', ' 2026-02-01'])
      expect(isCalendarDate(notADate)).toBe(false);
    expect(isCalendarDate('2028-02-29')).toBe(true);
  });
});
