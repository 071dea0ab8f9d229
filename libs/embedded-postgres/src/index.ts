export { startEmbeddedPostgres, takeOverShutdownSignals, type RunningPostgres, type EmbeddedPostgresOptions } from './embedded-postgres';
