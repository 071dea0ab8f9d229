/** The TypeORM DataSource of the meetings read model (schema `meetings`). */
export const MEETINGS_DATA_SOURCE = Symbol('MEETINGS_DATA_SOURCE');
