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

// A calendar date has no time zone: read and written in UTC, so no offset can move it a day.
const calendarDay = (date: string): DateTime => DateTime.fromISO(date.slice(0, 10), { zone: 'utc' }).setLocale('nl');

/** `2026-11-30` → "30 november 2026". Read from the digits: agendas format thousands of dates. */
export const dutchDate = (date: string): string =>
  `${Number(date.slice(8, 10))} ${DUTCH_MONTHS[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;

/** `2026-11-30` → "maandag 30 november 2026". */
export const dutchLongDate = (date: string): string => calendarDay(date).toFormat('cccc d MMMM yyyy');
