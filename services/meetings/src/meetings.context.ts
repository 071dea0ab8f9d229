import { defineContext } from '@regie/context';
import { MEETINGS_TOPIC_V1 } from '@regie/contracts-meetings';
import { MEETINGS_CONSUMERS } from './inbound/meetings-consumers';
import { toIntegrationMessage } from './integration/to-contract';
import { MEETINGS_AGGREGATES } from './meetings.commands';
import { MEETINGS_ENTITIES } from './read-model/entities';
import { LocationProjection } from './read-model/location.projection';
import { MeetingsProjection } from './read-model/meetings.projection';
import { MeetingsQueries } from './read-model/meetings.queries';
import { MEETINGS_MIGRATIONS } from './read-model/migrations';
import { MEETINGS_CONFIG } from './shared/config';

/**
 * The meetings context: its read model (schema `meetings`: its own projection, and the inbound_*
 * tables fed by the consumers of other contexts' integration events), its integration events and
 * its aggregates.
 */
export const meetingsContext = defineContext({
  name: 'meetings',
  readModel: {
    entities: MEETINGS_ENTITIES,
    migrations: MEETINGS_MIGRATIONS,
    projections: () => [new MeetingsProjection(), new LocationProjection()],
    consumers: MEETINGS_CONSUMERS,
    queries: MeetingsQueries,
    queriesInject: [MEETINGS_CONFIG],
  },
  publishes: { topic: MEETINGS_TOPIC_V1, toMessage: toIntegrationMessage },
  aggregates: MEETINGS_AGGREGATES,
});
