import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { COMMITMENTS_TOPIC_V1 } from '@regie/contracts-commitments';
import { EventStore, IntegrationBus } from '@regie/es-core';
import { Relay } from '@regie/read-model';
import { COMMITMENTS_DATA_SOURCE } from '../read-model/tokens';
import { toIntegrationMessage } from './to-contract';

/** Publishes the commitments context's integration events (contracts v1) from its store events. */
@Injectable()
export class CommitmentsRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('commitments-relay');
  private readonly relay: Relay;

  constructor(store: EventStore, bus: IntegrationBus, @Inject(COMMITMENTS_DATA_SOURCE) dataSource: DataSource) {
    this.relay = new Relay({
      name: 'commitments-relay',
      topic: COMMITMENTS_TOPIC_V1,
      store,
      bus,
      dataSource,
      toMessage: toIntegrationMessage,
      onError: (error) => this.logger.error(`relay interrupted, retrying: ${String(error)}`),
    });
  }

  onApplicationBootstrap(): Promise<void> {
    return this.relay.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.relay.stop();
  }
}
