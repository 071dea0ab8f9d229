import { BeforeApplicationShutdown, Inject, Module, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { WerkagendaLookups } from '@regie/nest-kit';
import { MeetingsQueries } from './read-model/meetings.queries';
import { SeriesController } from './series/series.http';
import { CqrsModule } from '@nestjs/cqrs';
import { AgendaController } from './agenda/agenda.http';
import { CalendarTokensController } from './calendar/calendar-token.http';
import { LocationController } from './location/location.http';
import { MeetingRecordController } from './meeting/meeting-record.http';
import { MeetingScheduleController } from './meeting/meeting-schedule.http';
import { MeetingsReadController } from './meeting/meetings-read.http';
import { meetingsContext } from './meetings.context';
import { MinutesController } from './minutes/minutes.http';
import { MeetingsHorizon } from './scheduling/horizon-job';
import { MeetingSeriesSeeder } from './seed/seed-series';
import { MEETINGS_CONFIG, type MeetingsConfig, meetingsConfigFromEnv } from './shared/config';

/** How long a start waits for the horizon to be filled before the platform answers. */
const START_WAIT_MS = 10_000;

/**
 * The meetings bounded context: the overlegstructuur of the werkagenda — series, occurrences on
 * a rolling horizon, self-composing agendas, decisions and action points, a calendar feed.
 */
@Module({
  imports: [CqrsModule],
  // The read controller first: its meetings/calendar.ics must be routed before meetings/:id.
  controllers: [
    MeetingsReadController,
    SeriesController,
    MeetingScheduleController,
    AgendaController,
    MeetingRecordController,
    MinutesController,
    CalendarTokensController,
    LocationController,
  ],
  providers: [
    ...meetingsContext.providers,
    { provide: MEETINGS_CONFIG, useFactory: () => meetingsConfigFromEnv() },
    MeetingSeriesSeeder,
    MeetingsHorizon,
  ],
  exports: [MeetingSeriesSeeder, MeetingsHorizon],
})
export class MeetingsModule implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    private readonly seeder: MeetingSeriesSeeder,
    private readonly horizon: MeetingsHorizon,
    @Inject(MEETINGS_CONFIG) private readonly config: MeetingsConfig,
    private readonly lookups: WerkagendaLookups,
    private readonly queries: MeetingsQueries,
  ) {}

  /** The werkagenda of a series, meeting, decision or action point, for the routes scoped by one (from the read model). */
  onModuleInit(): void {
    for (const kind of ['series', 'meeting', 'decision', 'action-point'] as const)
      this.lookups.register(kind, (id) => this.queries.werkagendaOf(kind, id));
  }

  /**
   * After the module's providers started (projection, relay): seed the series, fill the horizon
   * (waiting for it a few seconds at most: what is left goes on while the platform answers), plan
   * the daily job.
   */
  async onApplicationBootstrap(): Promise<void> {
    if (this.config.seed) await this.seeder.seed();
    await this.horizon.extendAtStart(START_WAIT_MS); // logs what it scheduled itself
    await this.horizon.scheduleNext();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.horizon.stop();
  }
}
