import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { EventStore, IntegrationBus } from '@regie/es-core';
import { MEETINGS_TOPIC_V1 } from '@regie/contracts-meetings';
import { Relay } from '@regie/read-model';
import { MEETINGS_DATA_SOURCE } from '../read-model/tokens';
import { toIntegrationMessage } from './to-contract';

/** Publishes the meetings context's integration events (contracts v1) from its store events. */
@Injectable()
export class MeetingsRelay implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('meetings-relay');
  private readonly relay: Relay;

  constructor(store: EventStore, bus: IntegrationBus, @Inject(MEETINGS_DATA_SOURCE) dataSource: DataSource) {
    this.relay = new Relay({
      name: 'meetings-relay',
      topic: MEETINGS_TOPIC_V1,
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

  onModuleDestroy(): Promise<void> {
    return this.relay.stop();
  }
}
