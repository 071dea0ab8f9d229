import { DateTime } from 'luxon';
import { addDays } from '@regie/calendar';
import { calendarDaysBetween, lateness, type MilestoneStatus } from './milestone';

/** Days between two dates as @regie/calendar counted them with luxon, between the starts of both days in Amsterdam. */
const daysBetween = (from: string, to: string) =>
  Math.round(DateTime.fromISO(to, { zone: 'Europe/Amsterdam' }).diff(DateTime.fromISO(from, { zone: 'Europe/Amsterdam' }), 'days').days);

/** `lateness` as it was, with luxon's Amsterdam days: the answers must not change. */
const latenessWithLuxon = (state: { status: MilestoneStatus; dueDate?: string; achievedOn?: string | null }, today: string) => {
  const late = (state.status === 'planned' || state.status === 'in_progress') && state.dueDate !== undefined && state.dueDate < today;
  const achievedLate = state.status === 'achieved' && !!state.achievedOn && !!state.dueDate && state.achievedOn > state.dueDate;
  const daysLate =
    late && state.dueDate
      ? daysBetween(state.dueDate, today)
      : achievedLate
        ? daysBetween(state.dueDate as string, state.achievedOn as string)
        : null;
  return { late, achievedLate, daysLate };
};

describe('lateness without time-zone arithmetic per milestone', () => {
  // Every day of 2024 (leap year) to 2028, including each DST change in Amsterdam (last Sunday of
  // March and of October) and the days around it.
  const days: string[] = [];
  for (let date = '2024-01-01'; date <= '2028-12-31'; date = addDays(date, 1)) days.push(date);
  const dstDays = ['2024-03-31', '2024-10-27', '2025-03-30', '2025-10-26', '2026-03-29', '2026-10-25', '2027-03-28', '2027-10-31'];

  it('counts the same calendar days as luxon in Amsterdam did, over DST changes and leap days', () => {
    const pairs: Array<[string, string]> = [];
    for (const dst of dstDays) for (const other of days.filter((_, i) => i % 7 === 0)) pairs.push([dst, other], [other, dst]);
    for (let i = 0; i < days.length; i += 3) pairs.push([days[i], days[(i * 37) % days.length]]);
    pairs.push(['2028-02-28', '2028-03-01'], ['2027-02-28', '2027-03-01'], ['2026-12-31', '2027-01-01'], ['2000-01-01', '2031-06-15']);
    const differing = pairs.filter(([from, to]) => calendarDaysBetween(from, to) !== daysBetween(from, to));
    expect(differing).toEqual([]);
    expect(pairs.length).toBeGreaterThan(4_000);
  });

  it('gives the same late, achievedLate and daysLate as before for every status, due date and today', () => {
    const statuses: MilestoneStatus[] = ['planned', 'in_progress', 'achieved', 'cancelled'];
    const todays = [...dstDays, ...dstDays.map((d) => addDays(d, 1)), '2026-12-06', '2028-02-29', '2025-01-01'];
    let compared = 0;
    const differing: unknown[] = [];
    for (const today of todays)
      for (let i = 0; i < days.length; i += 11) {
        const dueDate = days[i];
        const achievedOn = days[(i * 13 + 5) % days.length];
        for (const status of statuses) {
          for (const state of [{ status, dueDate, achievedOn }, { status, dueDate }, { status, dueDate, achievedOn: null }, { status }]) {
            const [now, before] = [lateness(state, today), latenessWithLuxon(state, today)];
            if (now.late !== before.late || now.achievedLate !== before.achievedLate || now.daysLate !== before.daysLate)
              differing.push({ state, today, now, before });
            compared++;
          }
        }
      }
    expect(differing).toEqual([]);
    expect(compared).toBeGreaterThan(10_000);
  });
});
