import { openReadModelDataSource, type ReadModelDefinition } from '@regie/read-model';
import { MEETINGS_ENTITIES } from './entities';
import { MeetingsProjection } from './meetings.projection';
import { MEETINGS_MIGRATIONS } from './migrations';

export const MEETINGS_SCHEMA = 'meetings';

/**
 * The meetings read model as replay/rebuild tools see it. Its inbound_* tables are fed by the
 * consumers of other contexts' integration events, not by this projection.
 */
export const meetingsReadModel = (url: string): ReadModelDefinition => ({
  name: 'meetings',
  schema: MEETINGS_SCHEMA,
  projections: [new MeetingsProjection()],
  openDataSource: (schema) => openReadModelDataSource({ url, schema, entities: MEETINGS_ENTITIES, migrations: MEETINGS_MIGRATIONS }),
});
