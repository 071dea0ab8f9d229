/** Calendar arithmetic on ISO dates (YYYY-MM-DD), months (YYYY-MM) and quarters (YYYY-Qn), in UTC. */

const iso = (utc: Date): string => utc.toISOString().slice(0, 10);
const ymd = (date: string): [number, number, number] => date.split('-').map(Number) as [number, number, number];

export const QUARTER_PATTERN = /^(\d{4})-Q([1-4])$/;
export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

export interface Quarter {
  id: string;
  /** First and last day of the quarter. */
  start: string;
  end: string;
  /** Last month of the quarter (the forecast period of monthly indicators). */
  lastMonth: string;
}

/** `'2026-Q4'` → its first and last day; undefined for anything else. */
export function parseQuarter(id: string): Quarter | undefined {
  const match = QUARTER_PATTERN.exec(id);
  if (!match) return undefined;
  const year = Number(match[1]);
  const q = Number(match[2]);
  const lastMonthNumber = q * 3;
  return {
    id,
    start: `${year}-${String(lastMonthNumber - 2).padStart(2, '0')}-01`,
    end: iso(new Date(Date.UTC(year, lastMonthNumber, 0))),
    lastMonth: `${year}-${String(lastMonthNumber).padStart(2, '0')}`,
  };
}

/** The quarter a date (or month) falls in: '2027-01-13' → '2027-Q1'. */
export const quarterOf = (date: string): string => `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;

export const inQuarter = (date: string | null | undefined, quarter: Quarter): boolean =>
  !!date && date >= quarter.start && date <= quarter.end;

export const addDays = (date: string, days: number): string => {
  const [y, m, d] = ymd(date);
  return iso(new Date(Date.UTC(y, m - 1, d + days)));
};

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number => {
  const [y1, m1, d1] = ymd(from);
  const [y2, m2, d2] = ymd(to);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / 86_400_000);
};

/** Months since year 0: '2026-10' → 24321; consecutive months differ by 1. */
export const monthIndex = (period: string): number => Number(period.slice(0, 4)) * 12 + Number(period.slice(5, 7)) - 1;

export const monthOf = (index: number): string => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;

export const signed = (days: number): string => (days >= 0 ? `+${days}` : String(days));
