export { PostgresEventStore, type PostgresEventStoreOptions } from './postgres-event-store';
export { quoteIdent } from './schema';
export { verifyChain, type ChainReport, type ChainProblem } from './verify-chain';
export { chainHash, canonicalJson } from './hash-chain';
export { queryAuditLog, type AuditQuery, type AuditedEvent } from './audit-log';
export { PostgresPersonalDataVault, type PostgresVaultOptions } from './personal-data-vault';
