import { inQuarter, isQuarter, parseQuarter, quarterLabel, quarterOf, shiftQuarter } from './quarter';

describe('quarters', () => {
  it('reads a quarter as its first and last day and last month, leap years included', () => {
    expect(parseQuarter('2026-Q4')).toEqual({ id: '2026-Q4', start: '2026-10-01', end: '2026-12-31', lastMonth: '2026-12' });
    expect(parseQuarter('2024-Q1')).toEqual({ id: '2024-Q1', start: '2024-01-01', end: '2024-03-31', lastMonth: '2024-03' });
    expect(parseQuarter('2026-Q2')?.end).toBe('2026-06-30');
    expect(parseQuarter('2026-Q3')?.end).toBe('2026-09-30');
    expect(parseQuarter('2026-Q5')).toBeUndefined();
    expect(parseQuarter('2026Q4')).toBeUndefined();
    expect(isQuarter('2026-Q4')).toBe(true);
    expect(isQuarter('2026-Q0')).toBe(false);
  });

  it('puts a date in its quarter, at the quarter bounds too', () => {
    expect(quarterOf('2027-01-13')).toBe('2027-Q1');
    expect(quarterOf('2026-12-31')).toBe('2026-Q4');
    expect(quarterOf('2026-03-31')).toBe('2026-Q1');
    expect(quarterOf('2026-04-01')).toBe('2026-Q2');
    expect(quarterOf('2026-10')).toBe('2026-Q4');
    const q4 = parseQuarter('2026-Q4')!;
    expect(['2026-09-30', '2026-10-01', '2026-12-31', '2027-01-01', null].map((d) => inQuarter(d, q4))).toEqual([
      false,
      true,
      true,
      false,
      false,
    ]);
  });

  it('steps across year ends and names a quarter in Dutch', () => {
    expect(shiftQuarter('2026-Q4', 1)).toBe('2027-Q1');
    expect(shiftQuarter('2026-Q1', -1)).toBe('2025-Q4');
    expect(shiftQuarter('2026-Q2', 8)).toBe('2028-Q2');
    expect(quarterLabel('2026-Q4')).toBe('4e kwartaal 2026');
  });
});
