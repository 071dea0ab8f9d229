import { openReadModelDataSource, type ReadModelDefinition } from '@regie/read-model';
import { MEETINGS_CONSUMERS } from '../inbound/meetings-consumers';
import { MEETINGS_ENTITIES } from './entities';
import { MeetingsProjection } from './meetings.projection';
import { MEETINGS_MIGRATIONS } from './migrations';

export const MEETINGS_SCHEMA = 'meetings';

/**
 * The meetings read model as replay/rebuild tools see it: its own projection, and its inbound_*
 * tables fed by the consumers of other contexts' integration events.
 */
export const meetingsReadModel = (url: string): ReadModelDefinition => ({
  name: 'meetings',
  schema: MEETINGS_SCHEMA,
  projections: [new MeetingsProjection()],
  consumers: MEETINGS_CONSUMERS,
  openDataSource: (schema) => openReadModelDataSource({ url, schema, entities: MEETINGS_ENTITIES, migrations: MEETINGS_MIGRATIONS }),
});
