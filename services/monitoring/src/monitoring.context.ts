import { defineContext } from '@regie/context';
import { ACTIONS_TOPIC_V1 } from '@regie/contracts-actions';
import { COMMITMENTS_TOPIC_V1 } from '@regie/contracts-commitments';
import { MONITORING_TOPIC_V1 } from '@regie/contracts-monitoring';
import type { ConsumerDefinition } from '@regie/read-model';
import { applyAllToCommitments, applyToCommitments } from './commitments/commitments.consumer';
import { applyAllToBoard, applyToBoard, boardApplies } from './milestone-board/board.consumer';
import { toIntegrationMessage } from './integration/to-contract';
import { BOARD_ENTITIES } from './milestone-board/entities';
import { MONITORING_AGGREGATES } from './monitoring.commands';
import { MONITORING_READ_MODEL_ENTITIES } from './read-model/entities';
import { MONITORING_MIGRATIONS } from './read-model/migrations';
import { MonitoringProjection } from './read-model/monitoring.projection';
import { MonitoringQueries } from './read-model/monitoring.queries';

/** What monitoring consumes; the live consumers and the rebuild/time-travel tools use the same list. */
export const MONITORING_CONSUMERS: ConsumerDefinition[] = [
  { name: 'monitoring.actions', topic: ACTIONS_TOPIC_V1, handle: applyToBoard, handleBatch: applyAllToBoard, handles: boardApplies },
  { name: 'monitoring.commitments', topic: COMMITMENTS_TOPIC_V1, handle: applyToCommitments, handleBatch: applyAllToCommitments },
];

/**
 * The monitoring context: one read model (schema `monitoring`) with the mijlpalen board and the
 * toezeggingen fed by the actions' and commitments' integration events, and its own indicators
 * and published projections; it announces each published projection version (regie.monitoring.v1).
 */
export const monitoringContext = defineContext({
  name: 'monitoring',
  readModel: {
    entities: [...BOARD_ENTITIES, ...MONITORING_READ_MODEL_ENTITIES],
    migrations: MONITORING_MIGRATIONS,
    projections: () => [new MonitoringProjection()],
    consumers: MONITORING_CONSUMERS,
    queries: MonitoringQueries,
  },
  publishes: { topic: MONITORING_TOPIC_V1, toMessage: toIntegrationMessage },
  aggregates: MONITORING_AGGREGATES,
});
