import { Inject, Injectable, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import type { DataSource } from 'typeorm';
import { IntegrationBus } from '@regie/es-core';
import { DATABASE_URL } from '@regie/nest-kit';
import { ServiceConsumers } from '@regie/read-model';
import { IndicatorsController } from './indicator/indicator.http';
import { MilestoneBoardController } from './milestone-board/board.http';
import { BoardReadAt } from './milestone-board/board-read-at';
import { MONITORING_CONSUMERS, MONITORING_SCHEMA, monitoringReadModel } from './read-model/monitoring-read-model';
import { MilestoneBoardQueries } from './milestone-board/board.queries';
import { ProjectionsController } from './projection/projection.http';
import { ProjectionService } from './projection/projection.service';
import { FactsQueries } from './read-model/facts.queries';
import { MonitoringReadModelSync } from './read-model/read-model-sync';
import { MonitoringSeeder } from './seed/seed-monitoring';
import { MONITORING_COMMAND_HANDLERS } from './shared/monitoring-command';
import { MONITORING_DATA_SOURCE } from './tokens';

/** Consumes the other contexts' integration events into monitoring's own read models. */
@Injectable()
export class MonitoringConsumers extends ServiceConsumers {
  constructor(bus: IntegrationBus, @Inject(MONITORING_DATA_SOURCE) dataSource: DataSource) {
    super('monitoring', bus, dataSource, MONITORING_CONSUMERS);
  }
}

/**
 * The monitoring context: mijlpalen board and toezeggingen (from integration events), indicators and
 * published quarterly projections (its own event streams), the live quarterly projection, exports.
 */
@Module({
  imports: [CqrsModule],
  controllers: [MilestoneBoardController, IndicatorsController, ProjectionsController],
  providers: [
    {
      provide: MONITORING_DATA_SOURCE,
      inject: [DATABASE_URL],
      useFactory: (url: string) => monitoringReadModel(url).openDataSource(MONITORING_SCHEMA),
    },
    MilestoneBoardQueries,
    BoardReadAt,
    FactsQueries,
    ProjectionService,
    MonitoringReadModelSync,
    MonitoringConsumers,
    MonitoringSeeder,
    ...MONITORING_COMMAND_HANDLERS,
  ],
  exports: [MonitoringSeeder, MonitoringReadModelSync],
})
export class MonitoringModule {}

export { MONITORING_SCHEMA, monitoringReadModel } from './read-model/monitoring-read-model';
