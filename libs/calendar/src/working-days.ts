import Holidays from 'date-holidays';
import { addDays, weekdayOf } from './iso-date';

const nl = new Holidays('NL');
const cache = new Map<number, Map<string, string>>();

/**
 * Dutch public holidays of a year, date → Dutch name. Only date-holidays' type `public`:
 * Bevrijdingsdag (type `school` outside lustrum years) and other observances are working days.
 */
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

export const isWeekend = (date: string): boolean => weekdayOf(date) >= 6;

/** Not a Saturday or Sunday, and not a Dutch public holiday. */
export const isWorkingDay = (date: string): boolean => !isWeekend(date) && holidayOn(date) === undefined;

/** Why a date is not a working day, in Dutch: the holiday's name, or "weekend". */
export const reasonNotWorking = (date: string): string | undefined => holidayOn(date) ?? (isWeekend(date) ? 'weekend' : undefined);

/** The date itself when it is a working day, else the first working day after it. */
export function nextWorkingDay(date: string): string {
  let current = date;
  while (!isWorkingDay(current)) current = addDays(current, 1);
  return current;
}
