import Holidays from 'date-holidays';
import { DateTime } from 'luxon';

/** The werkagenda's calendar: Dutch dates and times are Europe/Amsterdam. */
export const ZONE = 'Europe/Amsterdam';

const nl = new Holidays('NL');
const cache = new Map<number, Map<string, string>>();

/** Dutch public holidays of a year (date-holidays type `public` only), date → Dutch name. */
export function publicHolidays(year: number): Map<string, string> {
  let holidays = cache.get(year);
  if (!holidays) {
    holidays = new Map(
      nl
        .getHolidays(year, 'nl')
        .filter((h) => h.type === 'public')
        .map((h) => [h.date.slice(0, 10), h.name]),
    );
    cache.set(year, holidays);
  }
  return holidays;
}

export const holidayOn = (date: string): string | undefined => publicHolidays(Number(date.slice(0, 4))).get(date);

const day = (date: string): DateTime => DateTime.fromISO(date, { zone: ZONE });

export const isWeekend = (date: string): boolean => day(date).weekday >= 6;

export const isWorkingDay = (date: string): boolean => !isWeekend(date) && holidayOn(date) === undefined;

export const addDays = (date: string, days: number): string => day(date).plus({ days }).toISODate() as string;

export const addMonths = (date: string, months: number): string => day(date).plus({ months }).toISODate() as string;

/** Why a date is not a working day, in Dutch: the holiday's name, or "weekend". */
export const reasonNotWorking = (date: string): string | undefined => holidayOn(date) ?? (isWeekend(date) ? 'weekend' : undefined);

/** The date itself when it is a working day, else the first working day after it. */
export function nextWorkingDay(date: string): string {
  let current = date;
  while (!isWorkingDay(current)) current = addDays(current, 1);
  return current;
}

/** A local date and wall-clock time in Amsterdam as a UTC instant (ISO), whatever the DST. */
export const amsterdamInstant = (date: string, localTime: string): string =>
  DateTime.fromISO(`${date}T${localTime}`, { zone: ZONE }).toUTC().toISO() as string;

/** The Amsterdam date and wall-clock time of a UTC instant. */
export function amsterdamLocal(instant: string | Date): { date: string; time: string } {
  const local = (typeof instant === 'string' ? DateTime.fromISO(instant) : DateTime.fromJSDate(instant)).setZone(ZONE);
  return { date: local.toISODate() as string, time: local.toFormat('HH:mm') };
}
