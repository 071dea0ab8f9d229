import { DateTime } from 'luxon';

/** The werkagenda's calendar: Dutch dates and wall-clock times are Europe/Amsterdam. */
export const ZONE = 'Europe/Amsterdam';

/** A calendar date (YYYY-MM-DD) as the start of that day in Amsterdam. */
const day = (date: string): DateTime => DateTime.fromISO(date, { zone: ZONE });

const iso = (dateTime: DateTime): string => dateTime.toISODate() as string;

/** True when `date` is YYYY-MM-DD and exists in the calendar (no 2026-02-30, no year 0). */
export const isCalendarDate = (date: string): boolean => {
  if (!PLAIN_DATE.test(date)) return false;
  if (dayNumber(date) !== undefined) return true; // without luxon: the audit labels every value it shows
  // Date.UTC reads the years 0–99 as 19xx: those go through luxon.
  return Number(date.slice(0, 4)) < 100 && day(date).isValid && date >= '0001-01-01';
};

const PLAIN_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/**
 * Days since 1970-01-01 of a plain YYYY-MM-DD date that exists, else undefined. A date has no time
 * zone, so counting days needs no DST rules: this is what `addDays` and `daysBetween` answer with,
 * without building time-zone-aware DateTimes (luxon's zone lookups cost a read of a list of
 * milestones more than everything else). Anything else goes the way it always went, through luxon.
 */
const dayNumber = (date: string): number | undefined => {
  const match = PLAIN_DATE.exec(date);
  if (!match) return undefined;
  const [year, month, dayOfMonth] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1 || month < 1 || month > 12 || dayOfMonth < 1) return undefined;
  const ms = Date.UTC(year, month - 1, dayOfMonth);
  // Date.UTC maps years 0–99 to 1900–1999 and rolls 2026-02-30 over to March: not a plain date then.
  const back = new Date(ms);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== dayOfMonth) return undefined;
  return ms / DAY_MS;
};

const fromDayNumber = (n: number): string | undefined => {
  const d = new Date(n * DAY_MS);
  const year = d.getUTCFullYear();
  if (year < 1 || year > 9999) return undefined;
  return `${String(year).padStart(4, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
};

/** Calendar days later (or earlier when negative): the same date however many DST changes lie between. */
export const addDays = (date: string, days: number): string => {
  const n = Number.isInteger(days) ? dayNumber(date) : undefined;
  const later = n === undefined ? undefined : fromDayNumber(n + days);
  return later ?? iso(day(date).plus({ days }));
};

/** Months later (or earlier), on the same day of the month or, when that month is shorter, its last day. */
export const addMonths = (date: string, months: number): string => {
  const match = Number.isInteger(months) && dayNumber(date) !== undefined ? PLAIN_DATE.exec(date) : null;
  if (match) {
    const total = Number(match[1]) * 12 + Number(match[2]) - 1 + months;
    const [year, month] = [Math.floor(total / 12), total % 12];
    // Day 0 of the next month is this month's last day (Date.UTC maps years below 100 to 19xx: luxon then).
    if (year >= 100 && year <= 9999) {
      const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
      const dayOfMonth = Math.min(Number(match[3]), last);
      return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(dayOfMonth).padStart(2, '0')}`;
    }
  }
  return iso(day(date).plus({ months }));
};

/** The ISO weekday of a calendar date: 1 Monday … 7 Sunday (a date's weekday has no time zone). */
export const weekdayOf = (date: string): number => {
  const n = dayNumber(date);
  return n === undefined ? day(date).weekday : (((n % 7) + 7 + 3) % 7) + 1; // 1970-01-01 was a Thursday
};

/** Whole calendar days from `from` to `to` (negative when `to` is earlier); a DST change does not shorten a day. */
export const daysBetween = (from: string, to: string): number => {
  const [a, b] = [dayNumber(from), dayNumber(to)];
  return a !== undefined && b !== undefined ? b - a : Math.round(day(to).diff(day(from), 'days').days);
};

/** The last day of a month (month 1–12). */
export const endOfMonth = (year: number, month: number): string => {
  // Day 0 of the next month is this month's last day; without luxon's zone lookup (every quarter a projection reads asks it).
  if (Number.isInteger(year) && Number.isInteger(month) && year >= 100 && year <= 9999 && month >= 1 && month <= 12)
    return `${String(year).padStart(4, '0')}-${two(month)}-${two(new Date(Date.UTC(year, month, 0)).getUTCDate())}`;
  return iso(DateTime.fromObject({ year, month }, { zone: ZONE }).endOf('month'));
};

/**
 * Amsterdam's distance from UTC at `ms`, in ms. Remembered per hour of UTC: Amsterdam is a whole
 * number of hours from UTC and changes DST on the hour of UTC (01:00), so one lookup of luxon's
 * (the time-zone database, through Intl: 10–20 µs) serves every instant of that hour. An hour
 * whose start and end differ (a change inside it: none in the database for this zone) is looked
 * up per instant.
 */
const offsetAt = (ms: number): number => {
  const hour = Math.floor(ms / HOUR_MS);
  let offset = offsets.get(hour);
  if (offset === undefined) {
    offset = DateTime.fromMillis(hour * HOUR_MS, { zone: ZONE }).offset * 60_000;
    if (DateTime.fromMillis(hour * HOUR_MS + HOUR_MS - 1, { zone: ZONE }).offset * 60_000 !== offset)
      return DateTime.fromMillis(ms, { zone: ZONE }).offset * 60_000;
    if (offsets.size >= 100_000) offsets.clear(); // eleven years of hours
    offsets.set(hour, offset);
  }
  return offset;
};
const HOUR_MS = 3_600_000;
const offsets = new Map<number, number>();

/** Amsterdam's wall clock at `ms`, read with the UTC getters; undefined outside the years 1000–9999. */
const wallClock = (ms: number): Date | undefined => {
  const wall = new Date(ms + offsetAt(ms));
  const year = wall.getUTCFullYear();
  return year >= 1000 && year <= 9999 ? wall : undefined;
};
const two = (n: number): string => (n < 10 ? `0${n}` : String(n));
const dateOf = (wall: Date): string => `${wall.getUTCFullYear()}-${two(wall.getUTCMonth() + 1)}-${two(wall.getUTCDate())}`;

/**
 * Today's date in Amsterdam at `instant`: what a Dutch user calls the date of that moment. Every
 * read asks it, and luxon's time-zone lookup took more of a read than its handler
 * (docs/performance.md, sessions 12 and 13): read from the hour's remembered offset.
 */
export const amsterdamDate = (instant: Date): string => {
  const ms = instant.getTime();
  const wall = Number.isNaN(ms) ? undefined : wallClock(ms);
  return wall ? dateOf(wall) : iso(DateTime.fromJSDate(instant, { zone: ZONE }));
};

/** The instant the day `date` begins in Amsterdam (DST never switches at midnight there). */
export const startOfAmsterdamDay = (date: string): Date => day(date).toJSDate();

/**
 * A local date and wall-clock time (HH:mm) in Amsterdam as a UTC instant (ISO), whatever the DST.
 * Remembered (a few thousand at most): planning meeting series asks for the same ones at every
 * start, and luxon's time-zone lookup is the most expensive step of it.
 */
export const amsterdamInstant = (date: string, localTime: string): string => {
  const key = `${date}T${localTime}`;
  let instant = instants.get(key);
  if (instant === undefined) {
    instant = DateTime.fromISO(key, { zone: ZONE }).toUTC().toISO() as string;
    if (instants.size >= 4096) instants.clear();
    instants.set(key, instant);
  }
  return instant;
};
const instants = new Map<string, string>();

/** An instant written with its offset or Z (`2026-03-31T08:00:00.000Z`): read the same by Date.parse and luxon. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
/** Its ms, or NaN for anything else (Date.parse would roll 2026-02-30 over to March; luxon refuses it). */
const parsedInstant = (text: string): number => (INSTANT.test(text) && dayNumber(text.slice(0, 10)) !== undefined ? Date.parse(text) : NaN);

/**
 * The Amsterdam date and wall-clock time (HH:mm) of an instant. Lists of meetings ask it for every
 * meeting: read from the hour's remembered offset, through luxon only for what that cannot read
 * (a time without an offset, a year outside 1000–9999, an invalid instant).
 */
export function amsterdamLocal(instant: string | Date): { date: string; time: string } {
  const ms = typeof instant === 'string' ? parsedInstant(instant) : instant.getTime();
  const wall = Number.isNaN(ms) ? undefined : wallClock(ms);
  if (wall) return { date: dateOf(wall), time: `${two(wall.getUTCHours())}:${two(wall.getUTCMinutes())}` };
  const local = (typeof instant === 'string' ? DateTime.fromISO(instant) : DateTime.fromJSDate(instant)).setZone(ZONE);
  return { date: iso(local), time: local.toFormat('HH:mm') };
}
