import type { Actor } from '@regie/es-core';
import {
  MEETING_KINDS,
  type MeetingKind,
  meetingIdOf,
  meetingSeriesDecider,
  meetingSeriesStream,
  SERIES_SEED,
  type SeriesDefinition,
} from '@regie/meetings';
import type { Draw } from './draw';
import { amsterdam, DAY, date, dayOf, type Emit, iso, MINUTE, officeHours, Stream } from './recorder';

/**
 * How much of its lifecycle a past meeting gets, per overlegvorm: chances, and [min, max] counts.
 * The brede overleggen nearly always have a published agenda, are marked held, take besluiten and
 * get their minutes approved; of the kerngroep, every three weeks, the coordinator records a part.
 * Tuned so that meetings and commitments are about a third of all events.
 */
export const LIFECYCLE: Record<
  MeetingKind,
  {
    cancel: number;
    reschedule: number;
    publish: number;
    items: [number, number];
    held: number;
    decisions: [number, number];
    minutes: number;
  }
> = {
  kerngroep: { cancel: 0.06, reschedule: 0.04, publish: 0.08, items: [0, 1], held: 0.3, decisions: [0, 1], minutes: 0.4 },
  regiegroep: { cancel: 0.03, reschedule: 0.08, publish: 0.9, items: [0, 1], held: 0.95, decisions: [1, 2], minutes: 0.85 },
  evaluatie: { cancel: 0.02, reschedule: 0.06, publish: 0.85, items: [0, 1], held: 0.95, decisions: [0, 1], minutes: 0.8 },
  jaaroverleg: { cancel: 0, reschedule: 0.05, publish: 0.9, items: [0, 1], held: 1, decisions: [0, 1], minutes: 0.85 },
};
/** The first meeting of each series after the werkagenda starts, and its weekday (as SERIES_SEED's examples after 11 March 2025). */
const FIRST: Record<MeetingKind, { days: number; weekday: number }> = {
  kerngroep: { days: 28, weekday: 2 },
  regiegroep: { days: 100, weekday: 4 },
  evaluatie: { days: 203, weekday: 2 },
  jaaroverleg: { days: 315, weekday: 2 },
};

export interface Occurrence {
  kind: MeetingKind;
  seriesId: string;
  meetingId: string;
  index: number;
  nominal: number;
  day: number;
  startsAt: number;
  /** `startsAt` as the read model holds it (ISO), and where a move takes it. */
  startsAtIso: string;
  /** When the horizon job schedules it: at its 03:00 run 12 months ahead of the date. */
  scheduledAt: number;
  /** When the coordinator moves it, and where to; or cancels it (never both). */
  moved: { at: number; to: number; toIso: string } | null;
  cancelledAt: number | null;
}
/** Where it stands, and whether it counts (scheduled and not cancelled), as the read model has it at `at`. */
export const startAsOf = (o: Occurrence, at: number): number => (o.moved && o.moved.at <= at ? o.moved.to : o.startsAt);
export const startIsoAsOf = (o: Occurrence, at: number): string => (o.moved && o.moved.at <= at ? o.moved.toIso : o.startsAtIso);
export const liveAsOf = (o: Occurrence, at: number): boolean => o.scheduledAt <= at && !(o.cancelledAt !== null && o.cancelledAt <= at);

export interface PlannedSeries {
  definition: SeriesDefinition;
  occurrences: Occurrence[];
}

/** The meetings seed defines the series: there is no endpoint for it. */
const SEEDER: Actor = { userId: 'seed', role: 'system' };

/**
 * Defines the four series of a werkagenda (as the seed does) and plans every occurrence over its period with the moments it is
 * scheduled, moved or cancelled, which the agendas of the other meetings need (the previous
 * meeting, the regiegroep a kerngroep prepares). Kerngroep every 3 weeks, regiegroep every 3
 * months, evaluatie every 6, jaaroverleg yearly; a weekend date moves to the Monday (no holidays).
 */
export function defineSeries(werkagendaId: string, start: number, end: number, rnd: Draw, emit: Emit): PlannedSeries[] {
  const defined = start + 2 * 3_600_000;
  const firstRun = defined + 5 * MINUTE; // the horizon job runs at bootstrap, right after the seed
  const series: PlannedSeries[] = [];
  for (const kind of MEETING_KINDS) {
    const { exampleFirst, ...seed } = SERIES_SEED[kind];
    const seriesId = rnd.uuid(defined);
    let first = dayOf(start) + (FIRST[kind].days + rnd.int(0, 6)) * DAY;
    first += ((FIRST[kind].weekday - new Date(first).getUTCDay() + 7) % 7) * DAY;
    while (new Date(first).getUTCDate() > 28) first += 7 * DAY; // a step of months then never runs past a month's end
    const definition: SeriesDefinition = {
      seriesId,
      werkagendaId,
      ...seed,
      firstDate: date(first),
      localTime: exampleFirst.time,
      example: false,
    };
    new Stream(meetingSeriesDecider, meetingSeriesStream(seriesId), emit).run(defined, SEEDER, {
      type: 'DefineMeetingSeries',
      data: definition,
    });
    const [hours, minutes] = exampleFirst.time.split(':').map(Number);
    const time = hours * 60 + minutes;
    const { unit, every } = seed.interval;
    const life = LIFECYCLE[kind];
    const occurrences: Occurrence[] = [];
    for (let index = 0; ; index++) {
      const nominal = unit === 'weeks' ? first + index * 7 * every * DAY : addMonths(first, index * every);
      const day = toWeekday(nominal);
      if (day >= end) break;
      const scheduledAt = Math.max(firstRun, amsterdam(addMonths(day, -12), 3 * 60) + rnd.int(1, 120) * 1000);
      // Half a minute past the minute: never at the very instant of another meeting's office-hours event.
      const coordinatorAt = (daysBefore: number) => Math.max(scheduledAt + MINUTE, officeHours(day - daysBefore * DAY, rnd) + 30_000);
      const r = rnd.next();
      const cancelledAt = r < life.cancel ? coordinatorAt(rnd.int(1, 14)) : null;
      const movedAt = cancelledAt === null && r < life.cancel + life.reschedule ? coordinatorAt(rnd.int(8, 28)) : null;
      const movedTo = movedAt === null ? 0 : amsterdam(toWeekday(day + rnd.int(1, 6) * DAY), time);
      const startsAt = amsterdam(day, time);
      occurrences.push({
        kind,
        seriesId,
        meetingId: meetingIdOf(seriesId, index),
        index,
        nominal,
        day,
        startsAt,
        startsAtIso: iso(startsAt),
        scheduledAt,
        moved: movedAt === null ? null : { at: movedAt, to: movedTo, toIso: iso(movedTo) },
        cancelledAt,
      });
    }
    series.push({ definition, occurrences });
  }
  return series;
}

/** A Saturday or Sunday moves to the Monday (the platform also skips public holidays; this history does not). */
function toWeekday(day: number): number {
  const weekday = new Date(day).getUTCDay();
  return weekday === 6 ? day + 2 * DAY : weekday === 0 ? day + DAY : day;
}

/** Months later (or earlier) on the same day of the month, or the month's last day (as luxon, which the platform uses). */
export function addMonths(day: number, months: number): number {
  const d = new Date(day);
  const year = d.getUTCFullYear();
  const month = d.getUTCMonth() + months;
  return Date.UTC(year, month, Math.min(d.getUTCDate(), new Date(Date.UTC(year, month + 1, 0)).getUTCDate()));
}
