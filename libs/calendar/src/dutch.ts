import { DateTime } from 'luxon';

/** Dutch month names, January first, as written in running text. */
export const DUTCH_MONTHS: readonly string[] = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
];

/**
 * Two texts in the order a Dutch reader expects (`localeCompare(b, 'nl')`): one collator for every
 * comparison, since `localeCompare` with a locale builds a new one on each call (about 20 µs here,
 * so sorting 30 titles took 0.6 ms; docs/performance.md, session 13).
 */
export const compareDutch: (a: string, b: string) => number = new Intl.Collator('nl').compare;

/** The same, numbers by their value: action codes `2.9` before `2.10`, titles "Fase 2" before "Fase 10". */
export const compareCodes: (a: string, b: string) => number = new Intl.Collator('nl', { numeric: true }).compare;

// A calendar date has no time zone: read and written in UTC, so no offset can move it a day.
const calendarDay = (date: string): DateTime => DateTime.fromISO(date.slice(0, 10), { zone: 'utc' }).setLocale('nl');

/** `2026-11-30` → "30 november 2026". Read from the digits: agendas format thousands of dates. */
export const dutchDate = (date: string): string =>
  `${Number(date.slice(8, 10))} ${DUTCH_MONTHS[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;

/** `2026-11-30` → "maandag 30 november 2026". */
export const dutchLongDate = (date: string): string => calendarDay(date).toFormat('cccc d MMMM yyyy');

/**
 * A day as people in the Netherlands write it — `31-05-2026`, `31/5/2026`, `31 mei 2026` — or as
 * stored (`2026-05-31`), as YYYY-MM-DD; undefined for anything else. The result is not checked to
 * exist (`31-02-2026` → `2026-02-31`): the caller's validation names the field.
 */
export function parseDutchDate(text: string): string | undefined {
  const value = text.trim().toLowerCase().replace(/\s+/g, ' ');
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const pad = (n: string | number) => String(n).padStart(2, '0');
  const numeric = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(value);
  if (numeric) return `${numeric[3]}-${pad(numeric[2])}-${pad(numeric[1])}`;
  const words = new RegExp(`^(\\d{1,2}) (${DUTCH_MONTHS.join('|')}) (\\d{4})$`).exec(value);
  if (words) return `${words[3]}-${pad(DUTCH_MONTHS.indexOf(words[2]) + 1)}-${pad(words[1])}`;
  return undefined;
}
