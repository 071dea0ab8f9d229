import { Module, OnApplicationBootstrap } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { DATABASE_URL } from '@regie/nest-kit';
import { CommitmentsController } from './commitment/commitment.http';
import { TweedeKamerImportController } from './import/tk-import.http';
import { TweedeKamerImporter } from './import/tk-import';
import { CommitmentsRelay } from './integration/commitments-relay';
import { CommitmentJobs } from './jobs/commitment-jobs';
import { COMMITMENTS_SCHEMA, commitmentsReadModel } from './read-model/commitments-read-model';
import { CommitmentsReadAt } from './read-model/commitments-read-at';
import { CommitmentsQueries } from './read-model/commitments.queries';
import { CommitmentsReadModelSync } from './read-model/read-model-sync';
import { COMMITMENTS_DATA_SOURCE } from './read-model/tokens';
import { CommitmentsSeeder } from './seed/seed-commitments';
import { CommitmentCommandHandler } from './shared/commitment-command.handler';
import { COMMITMENTS_CONFIG, commitmentsConfigFromEnv } from './shared/config';

/**
 * The commitments bounded context: toezeggingen with deadlines, postponements, fulfilment,
 * overdue detection and look-ahead notifications on the JobScheduler, and the Tweede Kamer import.
 */
@Module({
  imports: [CqrsModule],
  controllers: [CommitmentsController, TweedeKamerImportController],
  providers: [
    {
      provide: COMMITMENTS_DATA_SOURCE,
      inject: [DATABASE_URL],
      useFactory: (url: string) => commitmentsReadModel(url).openDataSource(COMMITMENTS_SCHEMA),
    },
    { provide: COMMITMENTS_CONFIG, useFactory: () => commitmentsConfigFromEnv() },
    CommitmentsQueries,
    CommitmentsReadAt,
    CommitmentsReadModelSync,
    CommitmentsRelay,
    CommitmentJobs,
    CommitmentCommandHandler,
    TweedeKamerImporter,
    CommitmentsSeeder,
  ],
  exports: [CommitmentsSeeder, CommitmentsReadModelSync, CommitmentJobs, TweedeKamerImporter],
})
export class CommitmentsModule implements OnApplicationBootstrap {
  constructor(private readonly jobs: CommitmentJobs) {}

  /** Runs after the module's providers started (projection, relay): re-derive the deadline jobs. */
  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.rederive();
  }
}
