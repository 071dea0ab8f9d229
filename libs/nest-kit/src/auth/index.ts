export { ROLES, type Role, type Principal, TokenVerifier, InvalidToken, principalFromClaims, type ClaimNames } from './principal';
export { Allow, Public, actiehouderOf, permits, type AccessRule } from './access';
export { AuthGuard, Caller, requireRole } from './auth.guard';
export { LocalAccounts, InvalidCredentials, type LoginResult, type LocalAccountsOptions } from './local-accounts';
export { OidcVerifier, type OidcOptions } from './oidc-verifier';
