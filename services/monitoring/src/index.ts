export { MonitoringModule, MONITORING_SCHEMA } from './monitoring.module';
