/** The TypeORM DataSource of the actions read model (schema `actions`). */
export const ACTIONS_DATA_SOURCE = Symbol('ACTIONS_DATA_SOURCE');
