import { addDays, addMonths, amsterdamInstant, nextWorkingDay, reasonNotWorking } from '@regie/calendar';

/** How often a series meets: every n weeks or every n months, counted from the first date. */
export type Interval = { unit: 'weeks' | 'months'; every: number };

export interface SeriesRhythm {
  /** First occurrence, a local date in Amsterdam (YYYY-MM-DD). */
  firstDate: string;
  /** Local wall-clock start time, HH:mm. */
  localTime: string;
  durationMinutes: number;
  interval: Interval;
}

export interface Occurrence {
  /** 0 for the first date, 1 for the next, …: the meeting's stable identity within its series. */
  index: number;
  /** The date the cadence gives. */
  nominalDate: string;
  /** The date it is held: the nominal date, or the next working day after a weekend or holiday. */
  date: string;
  /** When moved: the holiday's name or "weekend". */
  movedBecause?: string;
  startsAt: string;
  endsAt: string;
}

/**
 * The nominal date of occurrence `index`. Every date is counted from the first date, not from
 * the previous (possibly moved) one, so one holiday never shifts the rest of the series.
 */
export const nominalDate = (rhythm: Pick<SeriesRhythm, 'firstDate' | 'interval'>, index: number): string =>
  rhythm.interval.unit === 'weeks'
    ? addDays(rhythm.firstDate, 7 * rhythm.interval.every * index)
    : addMonths(rhythm.firstDate, rhythm.interval.every * index);

export function occurrence(rhythm: SeriesRhythm, index: number): Occurrence {
  const nominal = nominalDate(rhythm, index);
  const date = nextWorkingDay(nominal);
  const startsAt = amsterdamInstant(date, rhythm.localTime);
  const endsAt = new Date(new Date(startsAt).getTime() + rhythm.durationMinutes * 60_000).toISOString();
  return { index, nominalDate: nominal, date, ...(date !== nominal ? { movedBecause: reasonNotWorking(nominal) } : {}), startsAt, endsAt };
}

/** The occurrences held on a date within [from, to] (local dates, inclusive). */
export function occurrencesBetween(rhythm: SeriesRhythm, from: string, to: string): Occurrence[] {
  const result: Occurrence[] = [];
  for (let index = 0; index < 10_000; index++) {
    const next = occurrence(rhythm, index);
    if (next.nominalDate > to) break;
    if (next.date >= from && next.date <= to) result.push(next);
  }
  return result;
}

/** The rolling horizon: from today up to and including the same date `months` later. */
export const horizon = (today: string, months = 12): { from: string; to: string } => ({ from: today, to: addMonths(today, months) });

/**
 * The window the platform schedules for a series: the horizon, plus one interval back, so the most
 * recent meeting before today is there too (e.g. on a first start: its decisions, action points
 * and minutes can still be recorded).
 */
export const schedulingWindow = (today: string, interval: Interval, months = 12): { from: string; to: string } => {
  const window = horizon(today, months);
  const back = interval.unit === 'weeks' ? addDays(today, -7 * interval.every) : addMonths(today, -interval.every);
  return { from: back, to: window.to };
};
