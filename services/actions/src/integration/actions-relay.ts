import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { ACTIONS_TOPIC_V1 } from '@regie/contracts-actions';
import { EventStore, IntegrationBus } from '@regie/es-core';
import { ServiceRelay } from '@regie/read-model';
import { ACTIONS_DATA_SOURCE } from '../read-model/tokens';
import { toIntegrationMessage } from './to-contract';

/** Publishes the actions context's integration events (contracts v1) from its store events. */
@Injectable()
export class ActionsRelay extends ServiceRelay {
  constructor(store: EventStore, bus: IntegrationBus, @Inject(ACTIONS_DATA_SOURCE) dataSource: DataSource) {
    super('actions-relay', ACTIONS_TOPIC_V1, store, bus, dataSource, toIntegrationMessage);
  }
}
