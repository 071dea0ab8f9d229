import { openReadModelDataSource, type ReadModelDefinition } from '@regie/read-model';
import { CommitmentsProjection } from './commitments.projection';
import { COMMITMENTS_ENTITIES } from './entities';
import { COMMITMENTS_MIGRATIONS } from './migrations';

export const COMMITMENTS_SCHEMA = 'commitments';

/** The commitments read model as replay/rebuild tools see it. */
export const commitmentsReadModel = (url: string): ReadModelDefinition => ({
  name: 'commitments',
  schema: COMMITMENTS_SCHEMA,
  projections: [new CommitmentsProjection()],
  openDataSource: (schema) => openReadModelDataSource({ url, schema, entities: COMMITMENTS_ENTITIES, migrations: COMMITMENTS_MIGRATIONS }),
});
