import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { MEETINGS_TOPIC_V1 } from '@regie/contracts-meetings';
import { EventStore, IntegrationBus } from '@regie/es-core';
import { ServiceRelay } from '@regie/read-model';
import { MEETINGS_DATA_SOURCE } from '../read-model/tokens';
import { toIntegrationMessage } from './to-contract';

/** Publishes the meetings context's integration events (contracts v1) from its store events. */
@Injectable()
export class MeetingsRelay extends ServiceRelay {
  constructor(store: EventStore, bus: IntegrationBus, @Inject(MEETINGS_DATA_SOURCE) dataSource: DataSource) {
    super('meetings-relay', MEETINGS_TOPIC_V1, store, bus, dataSource, toIntegrationMessage);
  }
}
