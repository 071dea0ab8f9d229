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

  /** Schedules every occurrence within the horizon that is not scheduled yet; returns how many. */
  async extend(): Promise<number> {
    let scheduled = 0;
    let position = 0;
    const ids = [...new Set([...MEETING_KINDS.map(seriesIdOf), ...(await this.readModel.queries.seriesIds())])];
    // Series are independent streams: a few at a time, so that thousands of them (one per kind and
    // werkagenda) do not wait on each other's round trips to the store one by one.
    for (let i = 0; i < ids.length; i += SERIES_AT_ONCE) {
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
