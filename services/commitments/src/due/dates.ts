/** Calendar arithmetic on ISO dates (YYYY-MM-DD), no time zone involved; and one Amsterdam instant. */

const parts = (date: string): [number, number, number] => {
  const [y, m, d] = date.split('-').map(Number);
  return [y, m, d];
};

const iso = (utc: Date): string => utc.toISOString().slice(0, 10);

/** True when `date` is YYYY-MM-DD and exists in the calendar (no 2026-02-30). */
export const isCalendarDate = (date: string): boolean => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  const [y, m, d] = parts(date);
  return iso(new Date(Date.UTC(y, m - 1, d))) === date && y >= 1;
};

export const addDays = (date: string, days: number): string => {
  const [y, m, d] = parts(date);
  return iso(new Date(Date.UTC(y, m - 1, d + days)));
};

/** The last day of a month (month 1–12). */
export const endOfMonth = (year: number, month: number): string => iso(new Date(Date.UTC(year, month, 0)));

const amsterdamWallClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Amsterdam',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** Milliseconds Amsterdam is ahead of UTC at `instant` (3 600 000 in winter, 7 200 000 in summer). */
const amsterdamOffset = (instant: number): number => {
  const p = Object.fromEntries(amsterdamWallClock.formatToParts(new Date(instant)).map((x) => [x.type, x.value]));
  return Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second) - Math.floor(instant / 1000) * 1000;
};

/** The instant the day `date` begins in Europe/Amsterdam (DST never switches at midnight there). */
export const startOfAmsterdamDay = (date: string): Date => {
  const [y, m, d] = parts(date);
  const midnightUtc = Date.UTC(y, m - 1, d);
  return new Date(midnightUtc - amsterdamOffset(midnightUtc - amsterdamOffset(midnightUtc)));
};
