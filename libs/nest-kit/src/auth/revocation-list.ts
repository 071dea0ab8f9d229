import { createHash } from 'node:crypto';
import { decodeJwt } from 'jose';
import type { Pool } from 'pg';
import { processChanges } from '@regie/es-core';
import { InvalidToken, type Principal, TokenVerifier } from './principal';
import { createOnce } from './schema';

export interface RevocationListOptions {
  /** How long a process trusts its copy of the list: a token revoked elsewhere is refused here within this time. */
  cacheMs?: number;
}

/** The bound every process keeps to: a logout reaches all of them within 5 seconds. */
export const REVOCATION_CACHE_MS = 5_000;

/**
 * Tokens revoked before they expire (logout), in `auth.revoked_tokens`, shared by every process
 * of the platform on the database. Each process keeps the whole list (only tokens not yet
 * expired, so it stays small) and reads it again when its copy is older than `cacheMs`; a
 * revocation made in this process counts here at once.
 */
export class RevocationList {
  private revoked = new Set<string>();
  private loadedAt = 0;
  private loading?: Promise<void>;

  private constructor(
    private readonly pool: Pool,
    private readonly cacheMs: number,
  ) {}

  static async open(pool: Pool, options: RevocationListOptions = {}): Promise<RevocationList> {
    await createOnce(pool, 'CREATE SCHEMA IF NOT EXISTS auth');
    await createOnce(
      pool,
      `CREATE TABLE IF NOT EXISTS auth.revoked_tokens (
        token_id text PRIMARY KEY,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz NOT NULL DEFAULT now()
      )`,
    );
    return new RevocationList(pool, options.cacheMs ?? REVOCATION_CACHE_MS);
  }

  /** Revokes a token until it expires. The token is not stored, only its `jti` (or a hash of a token without one). */
  async revoke(token: string): Promise<void> {
    const id = tokenIdOf(token);
    const exp = decodeJwt(token).exp;
    // A token without `exp` is refused anyway; keep its revocation a day in case a verifier accepts it.
    const expiresAt = new Date(typeof exp === 'number' ? exp * 1000 : Date.now() + 86_400_000);
    await this.pool.query('INSERT INTO auth.revoked_tokens (token_id, expires_at) VALUES ($1, $2) ON CONFLICT (token_id) DO NOTHING', [
      id,
      expiresAt,
    ]);
    this.revoked.add(id);
    processChanges.changed();
  }

  async isRevoked(token: string): Promise<boolean> {
    if (Date.now() - this.loadedAt > this.cacheMs) await this.reload();
    return this.revoked.has(tokenIdOf(token));
  }

  private reload(): Promise<void> {
    this.loading ??= (async () => {
      try {
        await this.pool.query(`DELETE FROM auth.revoked_tokens WHERE expires_at < now() - interval '1 hour'`);
        const { rows } = await this.pool.query<{ token_id: string }>('SELECT token_id FROM auth.revoked_tokens');
        const revoked = new Set(rows.map((r) => r.token_id));
        if (revoked.size !== this.revoked.size || rows.some((r) => !this.revoked.has(r.token_id))) processChanges.changed(); // a logout elsewhere
        this.revoked = revoked;
        this.loadedAt = Date.now();
      } finally {
        this.loading = undefined;
      }
    })();
    return this.loading;
  }
}

/** A token's `jti`; for a provider's token without one, a hash of the whole token. */
export function tokenIdOf(token: string): string {
  try {
    const { jti } = decodeJwt(token);
    if (typeof jti === 'string' && jti.length > 0) return `jti:${jti}`;
  } catch {
    // not a JWT: the hash below still identifies it
  }
  return `sha256:${createHash('sha256').update(token).digest('hex')}`;
}

/** Any verifier, plus the revocation list: a logged-out token is refused by every process. */
export class RevocableVerifier extends TokenVerifier {
  constructor(
    private readonly inner: TokenVerifier,
    readonly revocations: RevocationList,
  ) {
    super();
  }

  async verify(token: string): Promise<Principal> {
    const principal = await this.inner.verify(token);
    if (await this.revocations.isRevoked(token)) throw new InvalidToken('het token is ingetrokken (uitgelogd)');
    return principal;
  }
}
