import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { EventStore, IntegrationBus, type RecordedEvent } from '@regie/es-core';
import { type Projection, ProjectionRunner } from '@regie/read-model';
import { ACTIONS_DATA_SOURCE } from '../read-model/tokens';
import { toIntegrationMessage } from './to-contract';

/**
 * Relay: store subscription → IntegrationBus. Publishes before its checkpoint commits, so each
 * event goes out at least once; consumers deduplicate by event id.
 */
@Injectable()
export class ActionsRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('actions-relay');
  private readonly runner: ProjectionRunner;

  constructor(store: EventStore, bus: IntegrationBus, @Inject(ACTIONS_DATA_SOURCE) ds: DataSource) {
    const publisher: Projection = {
      name: 'actions-relay',
      apply: async (event: RecordedEvent, _em: EntityManager) => {
        const message = toIntegrationMessage(event);
        if (message) await bus.publish([message]);
      },
    };
    this.runner = new ProjectionRunner({
      name: 'actions-relay',
      store,
      dataSource: ds,
      projections: [publisher],
      onError: (error) => this.logger.error(`relay stopped: ${String(error)}`),
    });
  }

  onApplicationBootstrap(): Promise<void> {
    return this.runner.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.runner.stop();
  }
}
