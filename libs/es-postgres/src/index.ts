export { PostgresEventStore, type PostgresEventStoreOptions } from './postgres-event-store';
export { quoteIdent } from './schema';
export { verifyChain, type ChainAnchor, type ChainReport, type ChainProblem, type VerifyChainOptions } from './verify-chain';
export { chainStatus, type ChainStatus } from './chain-status';
export { chainHash, canonicalJson, CHAIN_KEY_BYTES, deriveChainKey } from './hash-chain';
export { queryAuditLog, type AuditQuery, type AuditedEvent } from './audit-log';
export { PostgresPersonalDataVault, type PostgresVaultOptions } from './personal-data-vault';
