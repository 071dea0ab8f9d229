import { createHash } from 'node:crypto';

/** How many verified tokens a process remembers at most (a few hundred bytes each). */
export const VERIFIED_TOKENS_MAX = 10_000;

/**
 * Tokens whose signature and claims were checked, remembered until they stop being valid, so the
 * signature (ES256 through WebCrypto: a tenth of a one-action read) is checked once per token and
 * process instead of on every request. Only the signature check is spared: callers still look up
 * the account and the revocation list on every request, so a disabled account or a logged-out
 * token is refused at once.
 *
 * Bounded, least recently used first out; keyed by a SHA-256 of the token, so the tokens
 * themselves are not kept. An entry counts only until the time it was stored with, which a caller
 * sets no later than the token's `exp`.
 */
export class VerifiedTokens<T> {
  private readonly entries = new Map<string, { value: T; validUntilMs: number }>();

  constructor(private readonly max = VERIFIED_TOKENS_MAX) {}

  get(token: string, now = Date.now()): T | undefined {
    const key = keyOf(token);
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.validUntilMs <= now) return undefined;
    this.entries.set(key, entry); // most recently used last
    return entry.value;
  }

  set(token: string, value: T, validUntilMs: number, now = Date.now()): void {
    if (!(validUntilMs > now)) return;
    const key = keyOf(token);
    this.entries.delete(key);
    this.entries.set(key, { value, validUntilMs });
    while (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value as string);
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
  }
}

const keyOf = (token: string): string => createHash('sha256').update(token).digest('base64url');

/** The end of a verified JWT's validity in ms: its `exp`, and no later than `iat + maxAgeSeconds` when given. */
export function validUntilMs(payload: { exp?: number; iat?: number }, maxAgeSeconds?: number): number {
  if (typeof payload.exp !== 'number') return 0; // no expiry: never remembered
  let until = payload.exp * 1000;
  if (maxAgeSeconds !== undefined && typeof payload.iat === 'number') until = Math.min(until, (payload.iat + maxAgeSeconds) * 1000);
  return until;
}
