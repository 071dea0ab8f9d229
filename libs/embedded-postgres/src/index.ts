export { startEmbeddedPostgres, type RunningPostgres, type EmbeddedPostgresOptions } from './embedded-postgres';
