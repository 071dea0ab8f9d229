import { addDays, daysBetween, monthIndex, monthOf, parseQuarter, quarterOf } from './calendar';

describe('calendar', () => {
  it('reads a quarter as its first and last day and last month', () => {
    expect(parseQuarter('2026-Q4')).toEqual({ id: '2026-Q4', start: '2026-10-01', end: '2026-12-31', lastMonth: '2026-12' });
    expect(parseQuarter('2024-Q1')).toEqual({ id: '2024-Q1', start: '2024-01-01', end: '2024-03-31', lastMonth: '2024-03' });
    expect(parseQuarter('2026-Q5')).toBeUndefined();
    expect(parseQuarter('2026Q4')).toBeUndefined();
  });

  it('puts a date in its quarter and counts days across a year end', () => {
    expect(quarterOf('2027-01-13')).toBe('2027-Q1');
    expect(quarterOf('2026-12-31')).toBe('2026-Q4');
    expect(addDays('2026-12-14', 30)).toBe('2027-01-13');
    expect(daysBetween('2026-10-15', '2026-11-14')).toBe(30);
    expect(daysBetween('2026-11-14', '2026-10-15')).toBe(-30);
  });

  it('numbers months consecutively across years', () => {
    expect(monthIndex('2027-01') - monthIndex('2026-12')).toBe(1);
    expect(monthOf(monthIndex('2026-10'))).toBe('2026-10');
  });
});
