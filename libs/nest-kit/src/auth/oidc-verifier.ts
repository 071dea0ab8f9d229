import { createRemoteJWKSet, jwtVerify } from 'jose';
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

  constructor(private readonly options: OidcOptions) {
    super();
    this.keys = createRemoteJWKSet(new URL(options.jwksUrl), {
      cacheMaxAge: options.jwksCache?.maxAgeMs,
      cooldownDuration: options.jwksCache?.cooldownMs,
    });
  }

  async verify(token: string): Promise<Principal> {
    try {
      const { payload } = await jwtVerify(token, this.keys, { issuer: this.options.issuer, audience: this.options.audience });
      return principalFromClaims(payload, { ...DEFAULT_CLAIMS, ...this.options.claims });
    } catch (error) {
      if (error instanceof InvalidToken) throw error;
      throw new InvalidToken((error as Error).message);
    }
  }
}
