import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { DATABASE_URL } from '@regie/nest-kit';
import { ActionsController } from './action/action.http';
import { ActionsRelay } from './integration/actions-relay';
import { KnelpuntenController } from './knelpunt/knelpunt.http';
import { MilestonesController } from './milestone/milestone.http';
import { ACTIONS_SCHEMA, actionsReadModel } from './read-model/actions-read-model';
import { ActionsReadAt } from './read-model/actions-time-travel';
import { ActionsQueries } from './read-model/actions.queries';
import { ActionsReadModelSync } from './read-model/read-model-sync';
import { ACTIONS_DATA_SOURCE } from './read-model/tokens';
import { WerkagendaSeeder } from './seed/seed-werkagenda';
import { AGGREGATE_COMMAND_HANDLERS } from './shared/aggregate-command';

/** The actions bounded context: werkagenda, actions, milestones, progress, knelpunten. */
@Module({
  imports: [CqrsModule],
  controllers: [ActionsController, MilestonesController, KnelpuntenController],
  providers: [
    {
      provide: ACTIONS_DATA_SOURCE,
      inject: [DATABASE_URL],
      useFactory: (url: string) => actionsReadModel(url).openDataSource(ACTIONS_SCHEMA),
    },
    ActionsQueries,
    ActionsReadAt,
    ActionsReadModelSync,
    ActionsRelay,
    WerkagendaSeeder,
    ...AGGREGATE_COMMAND_HANDLERS,
  ],
  exports: [WerkagendaSeeder, ActionsReadModelSync],
})
export class ActionsModule {}
