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
  /** Holiday dates confirmed by the coordinator: an occurrence there is held there, not moved. */
  keepDates?: string[];
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
  const date = rhythm.keepDates?.includes(nominal) ? nominal : nextWorkingDay(nominal);
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

/** A series' rhythms in order (each from its first occurrence index) and where it ends, if it does. */
export interface SeriesPlan {
  segments: (SeriesRhythm & { fromIndex: number })[];
  /** The first occurrence index that is no longer held (the series ended). */
  endIndex?: number;
}

/** Occurrence `index` of a series whose rhythm may have changed: by the segment it falls in. */
export function planOccurrence(plan: SeriesPlan, index: number): Occurrence {
  const segment = [...plan.segments].reverse().find((s) => s.fromIndex <= index) ?? plan.segments[0];
  return { ...occurrence({ ...segment, firstDate: segment.firstDate }, index - segment.fromIndex), index };
}

/** The occurrences of a plan held on a date within [from, to], up to its end. */
export function planOccurrencesBetween(plan: SeriesPlan, from: string, to: string): Occurrence[] {
  const result: Occurrence[] = [];
  const limit = plan.endIndex ?? 10_000;
  for (let index = 0; index < limit; index++) {
    const next = planOccurrence(plan, index);
    if (next.nominalDate > to) break;
    if (next.date >= from && next.date <= to) result.push(next);
  }
  return result;
}

/** The first occurrence index whose (held) date is on or after `date`: where a change from that date starts. */
export function firstIndexFrom(plan: SeriesPlan, date: string): number {
  for (let index = 0; index < 100_000; index++) if (planOccurrence(plan, index).date >= date) return index;
  throw new Error(`no occurrence on or after ${date}`);
}
