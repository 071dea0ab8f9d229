import { endOfMonth } from './iso-date';

/** A quarter as the platform writes it: `2026-Q4`. */
export const QUARTER_PATTERN = /^(\d{4})-Q([1-4])$/;

export interface Quarter {
  id: string;
  /** First and last day of the quarter. */
  start: string;
  end: string;
  /** Last month of the quarter, YYYY-MM (the forecast period of monthly indicators). */
  lastMonth: string;
}

export const isQuarter = (value: unknown): value is string => typeof value === 'string' && QUARTER_PATTERN.test(value);

/** `'2026-Q4'` → its first and last day and last month; undefined for anything else. */
export function parseQuarter(id: string): Quarter | undefined {
  const match = QUARTER_PATTERN.exec(id);
  if (!match) return undefined;
  const year = Number(match[1]);
  const lastMonth = Number(match[2]) * 3;
  const month = (m: number) => `${year}-${String(m).padStart(2, '0')}`;
  return { id, start: `${month(lastMonth - 2)}-01`, end: endOfMonth(year, lastMonth), lastMonth: month(lastMonth) };
}

/** The quarter a date (or month) falls in: '2027-01-13' → '2027-Q1'. */
export const quarterOf = (date: string): string => `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;

export const inQuarter = (date: string | null | undefined, quarter: Quarter): boolean =>
  !!date && date >= quarter.start && date <= quarter.end;

/** The quarter `steps` away: (`2026-Q4`, 1) → `2027-Q1`. */
export function shiftQuarter(quarter: string, steps: number): string {
  const index = Number(quarter.slice(0, 4)) * 4 + Number(quarter.slice(6)) - 1 + steps;
  return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}

/** `2026-Q4` → "4e kwartaal 2026". */
export const quarterLabel = (quarter: string): string => `${quarter.slice(6)}e kwartaal ${quarter.slice(0, 4)}`;
