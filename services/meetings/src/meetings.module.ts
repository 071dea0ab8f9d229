import { Inject, Logger, Module, OnApplicationBootstrap } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { DATABASE_URL } from '@regie/nest-kit';
import { AgendaController } from './agenda/agenda.http';
import { MeetingsConsumers } from './inbound/meetings-consumers';
import { MeetingsRelay } from './integration/meetings-relay';
import { MeetingRecordController } from './meeting/meeting-record.http';
import { MeetingScheduleController } from './meeting/meeting-schedule.http';
import { MeetingsReadController } from './meeting/meetings-read.http';
import { MEETINGS_SCHEMA, meetingsReadModel } from './read-model/meetings-read-model';
import { MeetingsQueries } from './read-model/meetings.queries';
import { MeetingsReadModelSync } from './read-model/read-model-sync';
import { MeetingsReadAt } from './read-model/meetings-read-at';
import { MEETINGS_DATA_SOURCE } from './read-model/tokens';
import { MeetingsHorizon } from './scheduling/horizon-job';
import { MeetingSeriesSeeder } from './seed/seed-series';
import { AGGREGATE_COMMAND_HANDLERS } from './shared/aggregate-command';
import { MEETINGS_CONFIG, type MeetingsConfig, meetingsConfigFromEnv } from './shared/config';
import { MeetingCommands } from './shared/meeting-commands';

/**
 * The meetings bounded context: the overlegstructuur of the werkagenda — series, occurrences on
 * a rolling horizon, self-composing agendas, decisions and action points, a calendar feed.
 */
@Module({
  imports: [CqrsModule],
  // The read controller first: its meetings/calendar.ics must be routed before meetings/:id.
  controllers: [MeetingsReadController, MeetingScheduleController, AgendaController, MeetingRecordController],
  providers: [
    {
      provide: MEETINGS_DATA_SOURCE,
      inject: [DATABASE_URL],
      useFactory: (url: string) => meetingsReadModel(url).openDataSource(MEETINGS_SCHEMA),
    },
    { provide: MEETINGS_CONFIG, useFactory: () => meetingsConfigFromEnv() },
    MeetingsQueries,
    MeetingsReadAt,
    MeetingsReadModelSync,
    MeetingsRelay,
    MeetingsConsumers,
    MeetingCommands,
    MeetingSeriesSeeder,
    MeetingsHorizon,
    ...AGGREGATE_COMMAND_HANDLERS,
  ],
  exports: [MeetingSeriesSeeder, MeetingsHorizon, MeetingsReadModelSync],
})
export class MeetingsModule implements OnApplicationBootstrap {
  private readonly logger = new Logger('meetings');

  constructor(
    private readonly seeder: MeetingSeriesSeeder,
    private readonly horizon: MeetingsHorizon,
    @Inject(MEETINGS_CONFIG) private readonly config: MeetingsConfig,
  ) {}

  /** After the module's providers started (projection, relay): seed the series, fill the horizon, plan the daily job. */
  async onApplicationBootstrap(): Promise<void> {
    if (this.config.seed) await this.seeder.seed();
    const scheduled = await this.horizon.extend();
    await this.horizon.scheduleNext();
    if (scheduled > 0) this.logger.log(`horizon: ${scheduled} overleggen ingepland`);
  }
}
