import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ActionsController } from './action/action.http';
import { actionsContext } from './actions.context';
import { KnelpuntenController } from './knelpunt/knelpunt.http';
import { MilestonesController } from './milestone/milestone.http';
import { WerkagendaSeeder } from './seed/seed-werkagenda';
import { WerkagendasController } from './werkagenda/werkagenda.http';

/** The actions bounded context: werkagenda, actions, milestones, progress, knelpunten. */
@Module({
  imports: [CqrsModule],
  controllers: [ActionsController, WerkagendasController, MilestonesController, KnelpuntenController],
  providers: [...actionsContext.providers, WerkagendaSeeder],
  exports: [WerkagendaSeeder],
})
export class ActionsModule {}
