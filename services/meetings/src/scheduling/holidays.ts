import { dutchDate, holidayOn } from '@regie/calendar';
import { IllegalTransition } from '@regie/es-core';

/**
 * Scheduling on a Dutch public holiday needs the coordinator's confirmation: without it the
 * command is refused (409) naming the holiday; with it the date stands. Pure (the holiday table).
 */
export function refuseHoliday(date: string, confirmed: boolean | undefined): void {
  if (confirmed) return;
  const holiday = holidayOn(date);
  if (holiday)
    throw new IllegalTransition(
      `${dutchDate(date)} is ${holiday}, een feestdag. Kies een andere datum, of bevestig deze datum met confirmHoliday: true.`,
    );
}

/** The dates of `dates` that are holidays: kept there (not moved) because the coordinator confirmed them. */
export const confirmedHolidays = (...dates: string[]): string[] => dates.filter((d) => holidayOn(d) !== undefined);
