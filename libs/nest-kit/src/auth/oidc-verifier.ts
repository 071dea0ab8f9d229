import { createRemoteJWKSet, jwtVerify } from 'jose';
import { validUntilMs, VerifiedTokens } from './verified-tokens';
import { type ClaimNames, DEFAULT_CLAIMS, InvalidToken, type Principal, principalFromClaims, TokenVerifier } from './principal';

export interface OidcOptions {
  issuer: string;
  jwksUrl: string;
  /** Expected `aud`; unchecked when absent. */
  audience?: string;
  claims?: Partial<ClaimNames>;
  /**
   * How long the fetched JWKS is trusted (jose's default: 10 minutes): a key the provider removed
   * still verifies until then. And how long after a fetch an unknown key id waits for the next one
   * (jose's default: 30 seconds), so a flood of made-up key ids cannot hammer the provider.
   */
  jwksCache?: { maxAgeMs?: number; cooldownMs?: number };
}

/**
 * Production: tokens from the ministry's OIDC provider, checked against its JWKS (fetched and
 * cached by jose, refreshed on an unknown key id), its issuer and optionally the audience.
 */
export class OidcVerifier extends TokenVerifier {
  private readonly keys: ReturnType<typeof createRemoteJWKSet>;
  /**
   * Each verified token's principal, until its `exp` but no longer than the JWKS is trusted: a key
   * the provider withdrew refuses its tokens here as soon as it would have without this memory.
   */
  private readonly verified = new VerifiedTokens<Principal>();
  private readonly keysTrustedMs: number;

  constructor(private readonly options: OidcOptions) {
    super();
    this.keys = createRemoteJWKSet(new URL(options.jwksUrl), {
      cacheMaxAge: options.jwksCache?.maxAgeMs,
      cooldownDuration: options.jwksCache?.cooldownMs,
    });
    this.keysTrustedMs = options.jwksCache?.maxAgeMs ?? JOSE_JWKS_MAX_AGE_MS;
  }

  async verify(token: string): Promise<Principal> {
    const remembered = this.verified.get(token);
    if (remembered) return remembered;
    try {
      const { payload } = await jwtVerify(token, this.keys, { issuer: this.options.issuer, audience: this.options.audience });
      const principal = principalFromClaims(payload, { ...DEFAULT_CLAIMS, ...this.options.claims });
      this.verified.set(token, principal, Math.min(validUntilMs(payload), Date.now() + this.keysTrustedMs));
      return principal;
    } catch (error) {
      if (error instanceof InvalidToken) throw error;
      throw new InvalidToken((error as Error).message);
    }
  }
}

/** jose's `cacheMaxAge` of a remote JWKS when none is given. */
const JOSE_JWKS_MAX_AGE_MS = 600_000;
