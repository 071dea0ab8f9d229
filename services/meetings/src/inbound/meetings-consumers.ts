import { ACTIONS_TOPIC_V1 } from '@regie/contracts-actions';
import type { ConsumerDefinition } from '@regie/read-model';
import { applyActionsEvent, applyActionsEvents, appliesActionsEvent } from './actions.consumer';
import { applyCommitmentsEvent, applyCommitmentsEvents, appliesCommitmentsEvent, COMMITMENTS_TOPIC_V1 } from './commitments.consumer';
import { applyMonitoringEvent, appliesMonitoringEvent, MONITORING_TOPIC_V1 } from './monitoring.consumer';

/** What meetings consumes; the live consumers and the rebuild/time-travel tools use the same list. */
export const MEETINGS_CONSUMERS: ConsumerDefinition[] = [
  {
    name: 'meetings.actions',
    topic: ACTIONS_TOPIC_V1,
    handle: applyActionsEvent,
    handleBatch: applyActionsEvents,
    handles: appliesActionsEvent,
  },
  {
    name: 'meetings.commitments',
    topic: COMMITMENTS_TOPIC_V1,
    handle: applyCommitmentsEvent,
    handleBatch: applyCommitmentsEvents,
    handles: appliesCommitmentsEvent,
  },
  { name: 'meetings.monitoring', topic: MONITORING_TOPIC_V1, handle: applyMonitoringEvent, handles: appliesMonitoringEvent },
];
