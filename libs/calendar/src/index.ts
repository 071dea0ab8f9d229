export {
  ZONE,
  isCalendarDate,
  addDays,
  addMonths,
  weekdayOf,
  daysBetween,
  endOfMonth,
  amsterdamDate,
  startOfAmsterdamDay,
  amsterdamInstant,
  amsterdamLocal,
} from './iso-date';
export { publicHolidays, holidayOn, isWeekend, isWorkingDay, reasonNotWorking, nextWorkingDay } from './working-days';
export { QUARTER_PATTERN, type Quarter, isQuarter, parseQuarter, quarterOf, inQuarter, shiftQuarter, quarterLabel } from './quarter';
export { MONTH_PATTERN, monthIndex, monthOf } from './month';
export { DUTCH_MONTHS, dutchDate, dutchLongDate, parseDutchDate, compareDutch, compareCodes } from './dutch';
