import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { COMMITMENTS_TOPIC_V1 } from '@regie/contracts-commitments';
import { EventStore, IntegrationBus } from '@regie/es-core';
import { ServiceRelay } from '@regie/read-model';
import { COMMITMENTS_DATA_SOURCE } from '../read-model/tokens';
import { toIntegrationMessage } from './to-contract';

/** Publishes the commitments context's integration events (contracts v1) from its store events. */
@Injectable()
export class CommitmentsRelay extends ServiceRelay {
  constructor(store: EventStore, bus: IntegrationBus, @Inject(COMMITMENTS_DATA_SOURCE) dataSource: DataSource) {
    super('commitments-relay', COMMITMENTS_TOPIC_V1, store, bus, dataSource, toIntegrationMessage);
  }
}
