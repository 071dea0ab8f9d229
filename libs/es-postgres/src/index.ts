export { PostgresEventStore, type PostgresEventStoreOptions } from './postgres-event-store';
export { quoteIdent } from './schema';
