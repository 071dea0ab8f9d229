import { amsterdamLocal, dutchDate } from '@regie/calendar';

/** Dutch presentation of dates and quarters. Times are shown in Europe/Amsterdam, as users live them. */
const ZONE = 'Europe/Amsterdam';

const dateTimeFormat = new Intl.DateTimeFormat('nl-NL', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: ZONE,
});
const timeFormat = new Intl.DateTimeFormat('nl-NL', { hour: '2-digit', minute: '2-digit', timeZone: ZONE });
const weekdayFormat = new Intl.DateTimeFormat('nl-NL', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: ZONE });
const monthFormat = new Intl.DateTimeFormat('nl-NL', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** `2026-05-31` → "31 mei 2026" (a calendar date has no time zone). */
export const formatDate = (date: string | null | undefined): string => (date ? dutchDate(date) : '—');

/** "1 dag te laat", "12 dagen te laat". */
export const formatDaysLate = (days: number): string => `${days} ${days === 1 ? 'dag' : 'dagen'} te laat`;

/** An instant → "8 december 2026 om 10:00" in Amsterdam time. */
export const formatDateTime = (iso: string | null | undefined): string => (iso ? dateTimeFormat.format(new Date(iso)) : '—');

export const formatTime = (iso: string): string => timeFormat.format(new Date(iso));
export const formatWeekday = (iso: string): string => weekdayFormat.format(new Date(iso));

/** `2026-10` → "oktober 2026". */
export const formatMonth = (period: string): string => monthFormat.format(new Date(`${period}-15T12:00:00Z`));

/** An instant as Amsterdam wall-clock parts: for `<input type="datetime-local">` and calendar dates. */
export { amsterdamLocal };

/**
 * A wall-clock moment in Amsterdam as an ISO instant, for the API's `asOf` and audit filters:
 * `2026-12-08T10:00` is that minute; a date alone (`2026-12-08`) means the end of that day
 * (everything that happened on it). Undefined when the input is not a date.
 */
export function amsterdamInstant(local: string): string | undefined {
  const match = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2})(?::(\d{2}))?)?$/.exec(local.trim());
  if (!match) return undefined;
  const [, date, time = '23:59', seconds = '00'] = match;
  const wall = Date.parse(`${date}T${time}:${seconds}Z`);
  if (Number.isNaN(wall) || new Date(wall).toISOString().slice(0, 10) !== date) return undefined;
  const extra = match[2] ? 0 : 59_999;
  // Amsterdam is UTC+1 in winter and UTC+2 in summer: take the offset that maps back to the same wall clock.
  const offsetHours = [1, 2].find((h) => {
    const back = amsterdamLocal(new Date(wall - h * 3_600_000));
    return back.date === date && back.time === time;
  });
  return new Date(wall - (offsetHours ?? 1) * 3_600_000 + extra).toISOString();
}

/**
 * A peildatum as given in a URL: an exact instant (`2026-12-08T09:31:12.345Z`, as the audit
 * timeline links to "just before this event") or a wall-clock moment in Amsterdam (forms).
 */
export function parsePeildatum(value: string): string | undefined {
  if (/(Z|[+-]\d{2}:\d{2})$/.test(value)) {
    const instant = Date.parse(value);
    return Number.isNaN(instant) ? undefined : new Date(instant).toISOString();
  }
  return amsterdamInstant(value);
}

export { isQuarter, quarterLabel as formatQuarter, quarterOf, shiftQuarter } from '@regie/calendar';

/** "1 actie", "3 acties", "1.030.438 gebeurtenissen" (thousands as Dutch readers write them). */
/** A number as Dutch text: 12.345. */
export const formatNumber = (n: number): string => n.toLocaleString('nl-NL');

export const count = (n: number, one: string, many: string): string => `${formatNumber(n)} ${n === 1 ? one : many}`;
