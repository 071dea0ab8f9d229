import { Inject, Injectable, Logger, Module, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { ACTIONS_TOPIC_V1 } from '@regie/contracts-actions';
import { IntegrationBus } from '@regie/es-core';
import { DATABASE_URL } from '@regie/nest-kit';
import { IdempotentConsumer, openReadModelDataSource } from '@regie/read-model';
import { applyToBoard } from './milestone-board/board.consumer';
import { MilestoneBoardController } from './milestone-board/board.http';
import { MilestoneBoardQueries } from './milestone-board/board.queries';
import { BOARD_ENTITIES } from './milestone-board/entities';
import { MONITORING_MIGRATIONS } from './milestone-board/migrations';
import { MONITORING_DATA_SOURCE } from './tokens';

export const MONITORING_SCHEMA = 'monitoring';

/**
 * Consumes the other contexts' integration events into monitoring's own read models.
 * Consumers subscribe at module init, before any relay starts publishing (relays start at
 * application bootstrap), so the in-process bus never publishes to nobody.
 */
@Injectable()
export class MonitoringConsumers implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('monitoring');
  readonly actions: IdempotentConsumer;

  constructor(bus: IntegrationBus, @Inject(MONITORING_DATA_SOURCE) private readonly ds: DataSource) {
    this.actions = new IdempotentConsumer({ name: 'monitoring.actions', topic: ACTIONS_TOPIC_V1, bus, dataSource: ds, handle: applyToBoard });
  }

  async onModuleInit(): Promise<void> {
    await this.actions.start();
    this.logger.log(`consuming ${ACTIONS_TOPIC_V1}`);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.actions.stop();
    await this.ds.destroy();
  }
}

/** The monitoring context: mijlpalen board (indicators and projections follow). */
@Module({
  controllers: [MilestoneBoardController],
  providers: [
    {
      provide: MONITORING_DATA_SOURCE,
      inject: [DATABASE_URL],
      useFactory: (url: string) => openReadModelDataSource({ url, schema: MONITORING_SCHEMA, entities: BOARD_ENTITIES, migrations: MONITORING_MIGRATIONS }),
    },
    MilestoneBoardQueries,
    MonitoringConsumers,
  ],
})
export class MonitoringModule {}
