/** The TypeORM DataSource of the monitoring read models (schema `monitoring`). */
export const MONITORING_DATA_SOURCE = Symbol('MONITORING_DATA_SOURCE');
