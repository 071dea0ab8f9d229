import { Module, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { ReadModel } from '@regie/context';
import { WerkagendaLookups } from '@regie/nest-kit';
import type { CommitmentsQueries } from './read-model/commitments.queries';
import { CqrsModule } from '@nestjs/cqrs';
import { CommitmentsController } from './commitment/commitment.http';
import { TweedeKamerImportController } from './import/tk-import.http';
import { TweedeKamerImporter } from './import/tk-import';
import { CommitmentJobs } from './jobs/commitment-jobs';
import { DEADLINE_JOBS } from './commitments.commands';
import { commitmentsContext } from './commitments.context';
import { CommitmentsSeeder } from './seed/seed-commitments';
import { COMMITMENTS_CONFIG, commitmentsConfigFromEnv } from './shared/config';

/**
 * The commitments bounded context: toezeggingen with deadlines, postponements, fulfilment,
 * overdue detection and look-ahead notifications on the JobScheduler, and the Tweede Kamer import.
 */
@Module({
  imports: [CqrsModule],
  controllers: [CommitmentsController, TweedeKamerImportController],
  providers: [
    ...commitmentsContext.providers,
    { provide: COMMITMENTS_CONFIG, useFactory: () => commitmentsConfigFromEnv() },
    CommitmentJobs,
    { provide: DEADLINE_JOBS, useExisting: CommitmentJobs },
    TweedeKamerImporter,
    CommitmentsSeeder,
  ],
  exports: [CommitmentsSeeder, CommitmentJobs, TweedeKamerImporter],
})
export class CommitmentsModule implements OnModuleInit, OnApplicationBootstrap {
  constructor(
    private readonly jobs: CommitmentJobs,
    private readonly lookups: WerkagendaLookups,
    private readonly readModel: ReadModel<CommitmentsQueries>,
  ) {}

  /** A toezegging's werkagenda decides whose coordinator may change it. */
  onModuleInit(): void {
    this.lookups.register('commitment', async (id) => (await this.readModel.at()).queries.werkagendaOf(id));
  }

  /** Runs after the module's providers started (projection, relay): re-derive the deadline jobs. */
  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.rederive();
  }
}
