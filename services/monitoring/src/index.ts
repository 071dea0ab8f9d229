export { MonitoringModule, MONITORING_SCHEMA, monitoringReadModel } from './monitoring.module';
export { MonitoringSeeder } from './seed/seed-monitoring';
export { MonitoringReadModelSync } from './read-model/read-model-sync';
