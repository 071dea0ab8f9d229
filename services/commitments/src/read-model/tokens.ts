/** The TypeORM DataSource of the commitments read model (schema `commitments`). */
export const COMMITMENTS_DATA_SOURCE = Symbol('COMMITMENTS_DATA_SOURCE');
