import { ACTIONS_TOPIC_V1 } from '@regie/contracts-actions';
import { COMMITMENTS_TOPIC_V1 } from '@regie/contracts-commitments';
import { type ConsumerDefinition, openReadModelDataSource, type ReadModelDefinition } from '@regie/read-model';
import { applyAllToCommitments, applyToCommitments } from '../commitments/commitments.consumer';
import { applyAllToBoard, applyToBoard, boardApplies } from '../milestone-board/board.consumer';
import { BOARD_ENTITIES } from '../milestone-board/entities';
import { MONITORING_READ_MODEL_ENTITIES } from './entities';
import { MONITORING_MIGRATIONS } from './migrations';
import { MonitoringProjection } from './monitoring.projection';

export const MONITORING_SCHEMA = 'monitoring';

/** What monitoring consumes; the live consumers and the rebuild/time-travel tools use the same list. */
export const MONITORING_CONSUMERS: ConsumerDefinition[] = [
  { name: 'monitoring.actions', topic: ACTIONS_TOPIC_V1, handle: applyToBoard, handleBatch: applyAllToBoard, handles: boardApplies },
  { name: 'monitoring.commitments', topic: COMMITMENTS_TOPIC_V1, handle: applyToCommitments, handleBatch: applyAllToCommitments },
];

/** The monitoring read model as replay/rebuild tools see it. */
export const monitoringReadModel = (url: string): ReadModelDefinition => ({
  name: 'monitoring',
  schema: MONITORING_SCHEMA,
  projections: [new MonitoringProjection()],
  consumers: MONITORING_CONSUMERS,
  openDataSource: (schema) =>
    openReadModelDataSource({
      url,
      schema,
      entities: [...BOARD_ENTITIES, ...MONITORING_READ_MODEL_ENTITIES],
      migrations: MONITORING_MIGRATIONS,
    }),
});
