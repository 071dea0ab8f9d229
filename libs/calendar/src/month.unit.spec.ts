import { MONTH_PATTERN, monthIndex, monthOf } from './month';

describe('months', () => {
  it('numbers months consecutively across years', () => {
    expect(monthIndex('2027-01') - monthIndex('2026-12')).toBe(1);
    expect(monthOf(monthIndex('2026-10'))).toBe('2026-10');
    expect(monthOf(monthIndex('2026-12') + 1)).toBe('2027-01');
  });

  it('accepts only real months', () => {
    expect(['2026-01', '2026-12', '2026-00', '2026-13', '2026-1'].map((m) => MONTH_PATTERN.test(m))).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
  });
});
