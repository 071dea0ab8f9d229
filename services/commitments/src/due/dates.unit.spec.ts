import { addDays, endOfMonth, isCalendarDate, startOfAmsterdamDay } from './dates';

describe('dates', () => {
  it('adds days across months and leap years', () => {
    expect(addDays('2026-11-30', 1)).toBe('2026-12-01');
    expect(addDays('2026-11-30', -42)).toBe('2026-10-19');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });

  it('knows the last day of a month and which dates exist', () => {
    expect(endOfMonth(2026, 2)).toBe('2026-02-28');
    expect(endOfMonth(2026, 12)).toBe('2026-12-31');
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2028-02-29')).toBe(true);
  });

  it('finds the start of an Amsterdam day in winter and in summer time', () => {
    expect(startOfAmsterdamDay('2026-12-01').toISOString()).toBe('2026-11-30T23:00:00.000Z');
    expect(startOfAmsterdamDay('2026-07-01').toISOString()).toBe('2026-06-30T22:00:00.000Z');
    expect(startOfAmsterdamDay('2026-03-29').toISOString()).toBe('2026-03-28T23:00:00.000Z'); // DST starts at 02:00 that day
    expect(startOfAmsterdamDay('2026-10-25').toISOString()).toBe('2026-10-24T22:00:00.000Z'); // DST ends at 03:00 that day
  });
});
