import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { ACTIONS_TOPIC_V1 } from '@regie/contracts-actions';
import { IntegrationBus } from '@regie/es-core';
import { type ConsumerDefinition, IdempotentConsumer } from '@regie/read-model';
import { MEETINGS_DATA_SOURCE } from '../read-model/tokens';
import { applyActionsEvent } from './actions.consumer';
import { applyCommitmentsEvent, COMMITMENTS_TOPIC_V1 } from './commitments.consumer';

/**
 * Consumes the other contexts' integration events into meetings' own tables. Subscribes at
 * module init, before any relay starts publishing (relays start at application bootstrap).
 */
/** What meetings consumes; the live consumers and the rebuild/time-travel tools use the same list. */
export const MEETINGS_CONSUMERS: ConsumerDefinition[] = [
  { name: 'meetings.actions', topic: ACTIONS_TOPIC_V1, handle: applyActionsEvent },
  { name: 'meetings.commitments', topic: COMMITMENTS_TOPIC_V1, handle: applyCommitmentsEvent },
];

@Injectable()
export class MeetingsConsumers implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('meetings');
  readonly actions: IdempotentConsumer;
  readonly commitments: IdempotentConsumer;

  constructor(bus: IntegrationBus, @Inject(MEETINGS_DATA_SOURCE) ds: DataSource) {
    [this.actions, this.commitments] = MEETINGS_CONSUMERS.map((c) => new IdempotentConsumer({ ...c, bus, dataSource: ds }));
  }

  async onModuleInit(): Promise<void> {
    await this.actions.start();
    await this.commitments.start();
    this.logger.log(`consuming ${ACTIONS_TOPIC_V1}, ${COMMITMENTS_TOPIC_V1}`);
  }

  async onModuleDestroy(): Promise<void> {
    await this.actions.stop();
    await this.commitments.stop();
  }
}
