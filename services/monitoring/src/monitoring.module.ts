import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { IndicatorsController } from './indicator/indicator.http';
import { MilestoneBoardController } from './milestone-board/board.http';
import { monitoringContext } from './monitoring.context';
import { MonitoringLookups } from './monitoring.lookups';
import { ProjectionsController } from './projection/projection.http';
import { ProjectionService } from './projection/projection.service';
import { MonitoringSeeder } from './seed/seed-monitoring';

/**
 * The monitoring context: mijlpalen board and toezeggingen (from integration events), indicators and
 * published quarterly projections (its own event streams), the live quarterly projection, exports.
 */
@Module({
  imports: [CqrsModule],
  controllers: [MilestoneBoardController, IndicatorsController, ProjectionsController],
  providers: [...monitoringContext.providers, ProjectionService, MonitoringSeeder, MonitoringLookups],
  exports: [MonitoringSeeder],
})
export class MonitoringModule {}
