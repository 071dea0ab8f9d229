import { defineContext } from '@regie/context';
import { ACTIONS_TOPIC_V1 } from '@regie/contracts-actions';
import { ACTIONS_AGGREGATES } from './actions.commands';
import { toIntegrationMessage } from './integration/to-contract';
import { ActionsProjection } from './read-model/actions.projection';
import { ActionsQueries } from './read-model/actions.queries';
import { ACTIONS_ENTITIES } from './read-model/entities';
import { ACTIONS_MIGRATIONS } from './read-model/migrations';

/** The actions context: its read model (schema `actions`), its integration events and its aggregates. */
export const actionsContext = defineContext({
  name: 'actions',
  readModel: {
    entities: ACTIONS_ENTITIES,
    migrations: ACTIONS_MIGRATIONS,
    projections: () => [new ActionsProjection()],
    queries: ActionsQueries,
  },
  publishes: { topic: ACTIONS_TOPIC_V1, toMessage: toIntegrationMessage },
  aggregates: ACTIONS_AGGREGATES,
});
