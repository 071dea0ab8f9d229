import { Inject, Injectable, Logger, Module, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import type { DataSource } from 'typeorm';
import { ACTIONS_TOPIC_V1 } from '@regie/contracts-actions';
import { COMMITMENTS_TOPIC_V1 } from '@regie/contracts-commitments';
import { IntegrationBus } from '@regie/es-core';
import { DATABASE_URL } from '@regie/nest-kit';
import { IdempotentConsumer } from '@regie/read-model';
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


/**
 * Consumes the other contexts' integration events into monitoring's own read models.
 * Consumers subscribe at module init, before any relay starts publishing (relays start at
 * application bootstrap), so the in-process bus never publishes to nobody.
 */
@Injectable()
export class MonitoringConsumers implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('monitoring');
  readonly actions: IdempotentConsumer;
  readonly commitments: IdempotentConsumer;

  constructor(bus: IntegrationBus, @Inject(MONITORING_DATA_SOURCE) ds: DataSource) {
    [this.actions, this.commitments] = MONITORING_CONSUMERS.map((c) => new IdempotentConsumer({ ...c, bus, dataSource: ds }));
  }

  async onModuleInit(): Promise<void> {
    await this.actions.start();
    await this.commitments.start();
    this.logger.log(`consuming ${ACTIONS_TOPIC_V1}, ${COMMITMENTS_TOPIC_V1}`);
  }

  /** Before shutdown: MonitoringReadModelSync closes the DataSource after these stopped. */
  async onModuleDestroy(): Promise<void> {
    await this.actions.stop();
    await this.commitments.stop();
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
