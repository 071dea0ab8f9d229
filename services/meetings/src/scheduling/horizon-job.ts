import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ReadModel } from '@regie/context';
import { Clock, type CommandContext, EventStore, JobScheduler, newId, stableId, stateOf, WrongExpectedRevision } from '@regie/es-core';
import { addDays, amsterdamInstant } from '@regie/calendar';
import { seriesIdOf } from '../seed/seed-series';
import { MEETING_KINDS, meetingSeriesStream } from '../series/meeting-series';
import { meetingSeriesDecider, planOf } from '../series/meeting-series.decide';
import type { MeetingsQueries } from '../read-model/meetings.queries';
import { Meeting } from '../meetings.commands';
import { MEETINGS_CONFIG, type MeetingsConfig } from '../shared/config';
import { horizon, planOccurrencesBetween, schedulingWindow } from './occurrences';

export const HORIZON_JOB = 'meetings-horizon';

/** How many series the horizon job schedules at the same time. */
const SERIES_AT_ONCE = 8;
/** How long the job waits for the read model to catch up with the store before it looks. */
const CATCH_UP_MS = 60_000;

/** The stable id of occurrence `index` of a series: the horizon job finds what it made before. */
export const meetingIdOf = (seriesId: string, index: number): string => stableId(`meeting:${seriesId}:${index}`);

/** The job runs daily at 03:00 in Amsterdam. */
export const nextRun = (today: string): Date => new Date(amsterdamInstant(addDays(today, 1), '03:00'));

/**
 * Keeps every series scheduled for a rolling horizon (default 12 months), and its most recent
 * past meeting (so a first start can still record it). Run at bootstrap and
 * daily by the JobScheduler (`meetings-horizon`, rescheduled after each run). Each occurrence is
 * an idempotent ScheduleMeeting on its own stream, so a run twice, or two instances at once,
 * record each meeting once; a rescheduled or cancelled occurrence is left as it is.
 */
@Injectable()
export class MeetingsHorizon implements OnModuleInit {
  private readonly logger = new Logger('meetings-horizon');
  /** A run the start stopped waiting for, going on in the background. */
  private inBackground?: Promise<void>;
  private stopping = false;

  constructor(
    private readonly scheduler: JobScheduler,
    private readonly commands: CommandBus,
    private readonly store: EventStore,
    private readonly clock: Clock,
    private readonly readModel: ReadModel<MeetingsQueries>,
    @Inject(MEETINGS_CONFIG) private readonly config: MeetingsConfig,
  ) {}

  onModuleInit(): void {
    this.scheduler.register(HORIZON_JOB, async () => {
      await this.extend();
      await this.scheduleNext();
    });
  }

  async scheduleNext(): Promise<void> {
    await this.scheduler.schedule({ name: HORIZON_JOB, key: 'daily', runAt: nextRun(this.clock.today()), payload: {} });
  }

  /**
   * At start: extends the horizon, waiting at most `waitMs` for it. After a long history is loaded
   * (thousands of series with a year to fill: tens of thousands of meetings, a command each) the
   * platform answers meanwhile and the run goes on in the background, as the daily job's does.
   * Resolves to how many meetings were scheduled, or undefined while the run goes on.
   */
  async extendAtStart(waitMs: number): Promise<number | undefined> {
    let waiting = true;
    const run = this.extend();
    this.inBackground = run.then(
      () => undefined,
      (error: unknown) => {
        if (!waiting) this.logger.error(`horizon niet aangevuld: ${error instanceof Error ? error.message : String(error)}`);
      },
    );
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), waitMs)));
    try {
      const scheduled = await Promise.race([run, late]);
      if (scheduled === undefined) this.logger.log('de overleggen van de horizon worden op de achtergrond verder ingepland');
      return scheduled;
    } finally {
      waiting = false;
      clearTimeout(timer);
    }
  }

  /** Resolves when the run the start stopped waiting for has ended (at once when there is none). */
  async settled(): Promise<void> {
    await this.inBackground;
  }

  /** At shutdown: a run in the background stops after the series it is at (the next start goes on). */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.settled();
  }

  /** Schedules every occurrence within the horizon that is not scheduled yet; returns how many. */
  async extend(): Promise<number> {
    let scheduled = 0;
    let position = 0;
    // The read model says which meetings exist: after a restore or a swapped-in rebuild it may be
    // behind the store, so it catches up first. Should it not in time, the decider still leaves
    // an existing meeting as it is; proposing it again only costs a command.
    await this.readModel.caughtUpTo(await this.store.headPosition(), CATCH_UP_MS);
    const ids = [...new Set([...MEETING_KINDS.map(seriesIdOf), ...(await this.readModel.queries.seriesIds())])];
    // Series are independent streams: a few at a time, so that thousands of them (one per kind and
    // werkagenda) do not wait on each other's round trips to the store one by one.
    for (let i = 0; i < ids.length && !this.stopping; i += SERIES_AT_ONCE) {
      for (const result of await Promise.all(ids.slice(i, i + SERIES_AT_ONCE).map((id) => this.scheduleSeries(id, this.context())))) {
        scheduled += result.scheduled;
        position = Math.max(position, result.position);
      }
    }
    if (scheduled > 0)
      this.logger.log(`${scheduled} overleggen ingepland tot en met ${horizon(this.clock.today(), this.config.horizonMonths).to}`);
    await this.readModel.caughtUpTo(position);
    return scheduled;
  }

  /**
   * Schedules the occurrences of one series within its window (by the rhythm each falls under,
   * up to its end): at the horizon job's run, and at once when a coordinator defines or changes
   * a series (then with the coordinator's context, so the events name who caused them).
   */
  async scheduleSeries(seriesId: string, context: CommandContext): Promise<{ scheduled: number; position: number }> {
    const state = stateOf(meetingSeriesDecider, await this.store.readStream(meetingSeriesStream(seriesId)));
    const series = state.definition;
    if (!series) return { scheduled: 0, position: 0 };
    let scheduled = 0;
    let position = 0;
    const plan = planOf(state);
    const last = state.segments[state.segments.length - 1];
    const window = schedulingWindow(this.clock.today(), last.interval, this.config.horizonMonths);
    const occurrences = planOccurrencesBetween(plan, window.from, window.to).map((o) => ({
      ...o,
      meetingId: meetingIdOf(series.seriesId, o.index),
    }));
    // A meeting the read model has is scheduled: proposing it again would change nothing (the
    // decider leaves an existing meeting as it is), but costs a command each, every day and at
    // every start. One the read model does not show yet is proposed; the decider decides.
    const existing = await this.readModel.queries.existingMeetings(occurrences.map((o) => o.meetingId));
    for (const o of occurrences) {
      const meetingId = o.meetingId;
      if (existing.has(meetingId)) continue;
      const data = {
        meetingId,
        seriesId: series.seriesId,
        kind: series.kind,
        index: o.index,
        nominalDate: o.nominalDate,
        movedBecause: o.movedBecause ?? null,
        startsAt: o.startsAt,
        endsAt: o.endsAt,
      };
      try {
        const result = await this.commands.execute(new Meeting.Command(meetingId, { type: 'ScheduleMeeting', data }, context));
        scheduled += result.events.length;
        position = Math.max(position, result.position);
      } catch (error) {
        if (!(error instanceof WrongExpectedRevision)) throw error; // another instance scheduled it just now
      }
    }
    return { scheduled, position };
  }

  context(): CommandContext {
    return {
      actor: { userId: 'scheduler', role: 'system' },
      correlationId: stableId(`job:${HORIZON_JOB}:${this.clock.today()}`),
      causationId: newId(),
      now: this.clock.now(),
    };
  }
}
