import { type Actor, amsterdamDate, type Decider, type DomainEvent } from '@regie/es-core';
import type { DueCommitment, DueMilestone, OpenKnelpunt } from '@regie/meetings';
import { DUTCH_MONTHS, dutchDate } from '@regie/calendar';
import type { Draw } from './draw';

/** Records one command's events (same time, same actor and request) in the current cohort. */
export type Emit = (streamId: string, at: number, actor: Actor, events: readonly DomainEvent[]) => void;

/**
 * One stream and its state, as a command handler keeps it: the generator chooses the command,
 * the context's own decider decides the events (or refuses), and its evolve folds them in.
 */
export class Stream<Command, Event extends DomainEvent, State> {
  private current: State;
  constructor(
    private readonly decider: Decider<Command, Event, State>,
    readonly id: string,
    private readonly emit: Emit,
    /** Sees every event written, at its time: how another context's read model learns of it. */
    private readonly observe?: (at: number, event: Event) => void,
  ) {
    this.current = decider.initialState();
  }
  get state(): State {
    return this.current;
  }
  /** Decides `command` at `at` by `actor`, records what the decider decided, and returns it. */
  run(at: number, actor: Actor, command: Command): Event[] {
    const { decider, observe } = this;
    const events = decider.decide(command, this.current);
    if (events.length === 0) return events; // an idempotent no-op: nothing is written
    let state = this.current;
    for (let i = 0; i < events.length; i++) state = decider.evolve(state, events[i]);
    this.current = state;
    this.emit(this.id, at, actor, events);
    if (observe) for (let i = 0; i < events.length; i++) observe(at, events[i]);
    return events;
  }
}

/** A read-model row in time: `row` from `at` on (null: not on any agenda). */
interface Step<T> {
  at: number;
  row: T | null;
}
export interface Timeline<T> {
  id: string;
  steps: Step<T>[];
}
/**
 * A new timeline of the row `rowOf` keeps for one stream (null: no row, or none on an agenda), as
 * a Stream's observer: a stream's events come in time order.
 */
export function follow<T, Event>(
  timelines: Timeline<T>[],
  id: string,
  rowOf: (row: T | null, event: Event) => T | null,
): (at: number, event: Event) => void {
  const steps: Step<T>[] = [];
  timelines.push({ id, steps });
  let row: T | null = null;
  return (at, event) => void steps.push({ at, row: (row = rowOf(row, event)) });
}
/**
 * What the meetings context knows of a werkagenda's other contexts (its inbound tables, fed by
 * their integration events), as timelines: an agenda is composed from it as it was at publication.
 */
export interface Inbound {
  milestones: Timeline<DueMilestone>[];
  knelpunten: Timeline<OpenKnelpunt>[];
  commitments: Timeline<DueCommitment>[];
}
/** The rows at `at`, in the order of the timelines; an event at the same instant counts as known (it comes first in the history). */
export function asOf<T>(timelines: Timeline<T>[], at: number): T[] {
  const rows: T[] = [];
  for (const { steps } of timelines) {
    let row: T | null = null;
    for (const step of steps) {
      if (step.at > at) break;
      row = step.row;
    }
    if (row) rows.push(row);
  }
  return rows;
}

/** The platform's jobs (meetings horizon, commitments' deadline and look-ahead jobs) act as this system actor. */
export const SCHEDULER: Actor = { userId: 'scheduler', role: 'system' };
/** REGIE_COMMITMENT_LOOKAHEAD_DAYS and REGIE_MEETINGS_LOOKAHEAD_DAYS, both at their default. */
export const LOOKAHEAD_DAYS = 42;

export interface Context {
  rnd: Draw;
  emit: Emit;
  inbound: Inbound;
  coordinator: Actor;
}

// Time: instants in ms; dates as the platform writes them.
export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;
/** The UTC date (YYYY-MM-DD), remembered per day: commands and events name dates many times per event. */
export const date = (ms: number): string => {
  const day = Math.floor(ms / DAY);
  let text = DATES.get(day);
  if (text === undefined) DATES.set(day, (text = new Date(day * DAY).toISOString().slice(0, 10)));
  return text;
};
const DATES = new Map<number, string>();
export const iso = (ms: number): string => new Date(ms).toISOString();
export const dayOf = (ms: number): number => ms - (ms % DAY);
/** Office hours, 07:00–15:00 UTC: the UTC date is the Amsterdam date. */
export const officeHours = (day: number, rnd: Draw): number => day + rnd.int(7 * 60, 15 * 60) * MINUTE;
export const MONTHS = DUTCH_MONTHS;
/** The words a due date came from, as a coordinator would write them. */
export const inWords = (ms: number): string => `eind ${MONTHS[new Date(ms).getUTCMonth()]} ${new Date(ms).getUTCFullYear()}`;
export const dutch = (ms: number): string => dutchDate(new Date(ms).toISOString());

/**
 * The instant of a wall-clock time (minutes after midnight) in Europe/Amsterdam on the local date
 * that starts at `day` (a UTC midnight): CEST from the last Sunday of March to the last Sunday of
 * October (01:00 UTC), else CET — the EU rule, which luxon's zone data follows for these years
 * (the spec holds it to the platform's amsterdamInstant). Plain arithmetic: luxon per meeting
 * would make the generator several times slower.
 */
export function amsterdam(day: number, minutes: number): number {
  const year = new Date(day).getUTCFullYear();
  const lastSunday = (month: number) => {
    const last = Date.UTC(year, month + 1, 0);
    return last - new Date(last).getUTCDay() * DAY;
  };
  const local = day + minutes * MINUTE;
  const summer = local - 2 * HOUR;
  return summer >= lastSunday(2) + HOUR && summer < lastSunday(9) + HOUR ? summer : local - HOUR;
}

/**
 * "Today" for a command at `ms`, as the platform's clock says it (es-core's amsterdamDate). The
 * offset is whole hours, so the date is the same through a UTC hour: remembered per hour, as Intl
 * per command would cost the generator a tenth of its speed.
 */
export const today = (ms: number): string => {
  const hour = Math.floor(ms / HOUR);
  let day = TODAY.get(hour);
  if (day === undefined) TODAY.set(hour, (day = amsterdamDate(new Date(hour * HOUR))));
  return day;
};
const TODAY = new Map<number, string>();
