/** A month as the platform writes it: `2026-10`. */
export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Months since year 0: '2026-10' → 24321; consecutive months differ by 1, also across a year end. */
export const monthIndex = (period: string): number => Number(period.slice(0, 4)) * 12 + Number(period.slice(5, 7)) - 1;

/** The month (YYYY-MM) of a monthIndex. */
export const monthOf = (index: number): string => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
