import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { ACTIONS_TOPIC_V1 } from '@regie/contracts-actions';
import { IntegrationBus } from '@regie/es-core';
import { type ConsumerDefinition, ServiceConsumers } from '@regie/read-model';
import { MEETINGS_DATA_SOURCE } from '../read-model/tokens';
import { applyActionsEvent, applyActionsEvents, appliesActionsEvent } from './actions.consumer';
import { applyCommitmentsEvent, appliesCommitmentsEvent, COMMITMENTS_TOPIC_V1 } from './commitments.consumer';

/** What meetings consumes; the live consumers and the rebuild/time-travel tools use the same list. */
export const MEETINGS_CONSUMERS: ConsumerDefinition[] = [
  {
    name: 'meetings.actions',
    topic: ACTIONS_TOPIC_V1,
    handle: applyActionsEvent,
    handleBatch: applyActionsEvents,
    handles: appliesActionsEvent,
  },
  { name: 'meetings.commitments', topic: COMMITMENTS_TOPIC_V1, handle: applyCommitmentsEvent, handles: appliesCommitmentsEvent },
];

/** Consumes the other contexts' integration events into meetings' own tables. */
@Injectable()
export class MeetingsConsumers extends ServiceConsumers {
  constructor(bus: IntegrationBus, @Inject(MEETINGS_DATA_SOURCE) dataSource: DataSource) {
    super('meetings', bus, dataSource, MEETINGS_CONSUMERS);
  }
}
