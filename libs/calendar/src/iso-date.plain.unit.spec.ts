import { DateTime } from 'luxon';
import { addDays, addMonths, amsterdamInstant, daysBetween, weekdayOf } from './iso-date';

/** addDays and daysBetween as they were, through luxon in Europe/Amsterdam: the oracle. */
const zone = 'Europe/Amsterdam';
const luxonAddDays = (date: string, days: number) => DateTime.fromISO(date, { zone }).plus({ days }).toISODate() as string;
const luxonDaysBetween = (from: string, to: string) =>
  Math.round(DateTime.fromISO(to, { zone }).diff(DateTime.fromISO(from, { zone }), 'days').days);

describe('addDays and daysBetween by plain date arithmetic', () => {
  // Every day of 2024–2028 (a leap year at each end, ten DST changes), a few centuries apart.
  const days: string[] = [];
  for (let n = Date.UTC(2024, 0, 1); n <= Date.UTC(2028, 11, 31); n += 86_400_000) days.push(new Date(n).toISOString().slice(0, 10));
  const far = ['0001-01-01', '1899-12-31', '1900-02-28', '1970-01-01', '2000-02-29', '2100-03-01', '9999-12-31'];
  const dst = ['2025-03-30', '2025-10-26', '2026-03-29', '2026-10-25', '2027-03-28', '2027-10-31'];

  it('adds days as luxon did, across DST changes, leap days and year ends', () => {
    const differing: unknown[] = [];
    for (const [i, date] of days.entries())
      for (const n of [0, 1, -1, 7, -7, 14, 30, -42, 365, 366, -400, (i * 37) % 1000]) {
        const [plain, before] = [addDays(date, n), luxonAddDays(date, n)];
        if (plain !== before) differing.push({ date, n, plain, before });
      }
    for (const date of [...far, ...dst])
      for (const n of [0, 1, -1, 31, -365]) if (addDays(date, n) !== luxonAddDays(date, n)) differing.push({ date, n });
    expect(differing).toEqual([]);
  });

  it('counts days between as luxon did', () => {
    const differing: unknown[] = [];
    for (const [i, from] of days.entries()) {
      for (const to of [...dst, days[(i * 53) % days.length], days[(i + 1) % days.length]])
        if (daysBetween(from, to) !== luxonDaysBetween(from, to)) differing.push({ from, to });
    }
    for (const from of far) for (const to of far) if (daysBetween(from, to) !== luxonDaysBetween(from, to)) differing.push({ from, to });
    expect(differing).toEqual([]);
  });

  it('leaves what is not a plain existing date to luxon, as before', () => {
    for (const odd of ['2026-02-30', '2026-13-01', '2026-10-12T10:00', '20261012', 'gisteren', '0000-01-01'])
      expect([odd, addDays(odd, 1)]).toEqual([odd, luxonAddDays(odd, 1)]);
    expect(daysBetween('2026-02-30', '2026-03-05')).toEqual(luxonDaysBetween('2026-02-30', '2026-03-05'));
  });
});

describe('addMonths, weekdays and Amsterdam instants without a time-zone lookup per call', () => {
  const luxonAddMonths = (date: string, months: number) => DateTime.fromISO(date, { zone }).plus({ months }).toISODate();
  const days: string[] = [];
  for (let n = Date.UTC(2023, 0, 1); n <= Date.UTC(2029, 11, 31); n += 86_400_000) days.push(new Date(n).toISOString().slice(0, 10));
  const far = ['0001-01-31', '0099-12-31', '0100-01-31', '1899-12-31', '2000-02-29', '2100-02-28', '9999-11-30', '9999-12-31'];

  it('adds months as luxon does: the same day, or the last of a shorter month, across years both ways', () => {
    const differing: unknown[] = [];
    for (const [i, date] of days.entries())
      for (const n of [0, 1, -1, 2, 3, -3, 11, 12, -12, 13, 25, -37, (i * 7) % 120])
        if (addMonths(date, n) !== luxonAddMonths(date, n)) differing.push({ date, n });
    for (const date of far)
      for (const n of [0, 1, -1, 12, -13]) if (addMonths(date, n) !== luxonAddMonths(date, n)) differing.push({ date, n });
    for (const odd of ['2026-02-30', '2026-13-01', 'gisteren']) expect(addMonths(odd, 1)).toEqual(luxonAddMonths(odd, 1));
    expect(differing).toEqual([]);
  });

  it('tells the weekday of a date as luxon does', () => {
    const differing = [...days, ...far].filter((date) => weekdayOf(date) !== DateTime.fromISO(date, { zone }).weekday);
    expect(differing).toEqual([]);
  });

  it('gives the same instant for an Amsterdam wall-clock time the first time and every time after, around DST changes', () => {
    for (const date of ['2026-03-28', '2026-03-29', '2026-03-30', '2026-10-24', '2026-10-25', '2026-10-26', '2026-06-19'])
      for (const time of ['00:30', '02:30', '09:00', '23:59']) {
        const expected = DateTime.fromISO(`${date}T${time}`, { zone }).toUTC().toISO();
        expect([amsterdamInstant(date, time), amsterdamInstant(date, time)]).toEqual([expected, expected]);
      }
  });
});
