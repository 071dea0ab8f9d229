import { DateTime } from 'luxon';
import { addDays, daysBetween } from './iso-date';

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
