import { defineContext } from '@regie/context';
import { COMMITMENTS_TOPIC_V1 } from '@regie/contracts-commitments';
import { COMMITMENTS_AGGREGATES } from './commitments.commands';
import { toIntegrationMessage } from './integration/to-contract';
import { CommitmentsProjection } from './read-model/commitments.projection';
import { CommitmentsQueries } from './read-model/commitments.queries';
import { COMMITMENTS_ENTITIES } from './read-model/entities';
import { COMMITMENTS_MIGRATIONS } from './read-model/migrations';

/** The commitments context: its read model (schema `commitments`), its integration events and its aggregate. */
export const commitmentsContext = defineContext({
  name: 'commitments',
  readModel: {
    entities: COMMITMENTS_ENTITIES,
    migrations: COMMITMENTS_MIGRATIONS,
    projections: () => [new CommitmentsProjection()],
    queries: CommitmentsQueries,
  },
  publishes: { topic: COMMITMENTS_TOPIC_V1, toMessage: toIntegrationMessage },
  aggregates: COMMITMENTS_AGGREGATES,
});
