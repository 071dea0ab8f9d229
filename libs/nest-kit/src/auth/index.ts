export {
  ROLES,
  ALL_WERKAGENDAS,
  type Role,
  type Grant,
  type Principal,
  TokenVerifier,
  InvalidToken,
  principalFromClaims,
  principalOf,
  type ClaimNames,
  DEFAULT_CLAIMS,
} from './principal';
export { ScopedBy, Unscoped, WerkagendaLookups, type ScopeSource, SCOPE_METADATA, UNSCOPED } from './werkagenda-scope';
export { Allow, Public, actiehouderOf, permits, type AccessRule, ACCESS_METADATA, PUBLIC_ACCESS } from './access';
export { AuthGuard, Caller, requireRole } from './auth.guard';
export {
  LocalAccounts,
  InvalidCredentials,
  type LoginResult,
  type LocalAccountsOptions,
  DEFAULT_TOKEN_LIFETIME_SECONDS,
  hashPassword,
} from './local-accounts';
export { type AccountRow, accountByUsername, ensureAccountsTable, storeCredential } from './accounts-table';
export { SigningKeys } from './signing-keys';
export { RevocationList, RevocableVerifier, REVOCATION_CACHE_MS } from './revocation-list';
export { LoginThrottle, TooManyAttempts, type Lockout, type LoginThrottleOptions } from './login-throttle';
export { OidcVerifier, type OidcOptions } from './oidc-verifier';
