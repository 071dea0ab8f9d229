import { monitoringContext } from './monitoring.context';
export { MonitoringModule } from './monitoring.module';
export { monitoringContext } from './monitoring.context';
export { toIntegrationMessage as monitoringMessages } from './integration/to-contract';
export { MonitoringSeeder } from './seed/seed-monitoring';
export const monitoringReadModel = monitoringContext.definition;
export const MONITORING_SCHEMA = monitoringContext.name;
/** The HTTP answers' schemas, for tests that hold the OpenAPI document to what the routes send. */
export * as monitoringAnswers from './read-model/monitoring.responses';

/** Every event type the context records: the portal's event labels must name each (type-only; the portal never loads this code). */
export type { MonitoringDomainEvent } from './monitoring.commands';
