import { openReadModelDataSource, type ReadModelDefinition } from '@regie/read-model';
import { ActionsProjection } from './actions.projection';
import { ACTIONS_ENTITIES } from './entities';
import { ACTIONS_MIGRATIONS } from './migrations';

export const ACTIONS_SCHEMA = 'actions';

/** The actions read model as replay/rebuild tools see it. */
export const actionsReadModel = (url: string): ReadModelDefinition => ({
  name: 'actions',
  schema: ACTIONS_SCHEMA,
  projections: [new ActionsProjection()],
  openDataSource: (schema) => openReadModelDataSource({ url, schema, entities: ACTIONS_ENTITIES, migrations: ACTIONS_MIGRATIONS }),
});
