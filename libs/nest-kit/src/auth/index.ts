export { ROLES, type Role, type Principal, TokenVerifier, InvalidToken, principalFromClaims, type ClaimNames } from './principal';
export { Allow, Public, actiehouderOf, permits, type AccessRule } from './access';
export { AuthGuard, Caller, requireRole } from './auth.guard';
export {
  LocalAccounts,
  InvalidCredentials,
  type LoginResult,
  type LocalAccountsOptions,
  DEFAULT_TOKEN_LIFETIME_SECONDS,
} from './local-accounts';
export { SigningKeys } from './signing-keys';
export { RevocationList, RevocableVerifier, REVOCATION_CACHE_MS } from './revocation-list';
export { LoginThrottle, TooManyAttempts, type Lockout, type LoginThrottleOptions } from './login-throttle';
export { OidcVerifier, type OidcOptions } from './oidc-verifier';
