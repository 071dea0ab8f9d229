import type { Pool } from 'pg';
import { RateLimiterPostgres, type RateLimiterRes } from 'rate-limiter-flexible';
import { InvalidCredentials } from './local-accounts';
import { createOnce } from './schema';

export interface LoginThrottleOptions {
  /** Wrong passwords for one account within `windowSeconds` before it is locked out. */
  maxFailures: number;
  /** The first lockout; each next one within a day lasts twice as long, at most a day. */
  lockoutSeconds: number;
  windowSeconds?: number;
  /** Wrong passwords from one client address per hour before that address waits `lockoutSeconds`. */
  maxFailuresPerAddress?: number;
  /** Told once per lockout of an account, to record it. */
  onLockout?: (lockout: Lockout) => Promise<void>;
}

/** A temporary lockout of an account: no password, no address, nothing about the person. */
export interface Lockout {
  account: string;
  until: Date;
  attempts: number;
}

/** Refused before the password is checked; `retryAfterSeconds` goes into `Retry-After`. */
export class TooManyAttempts extends Error {
  readonly retryAfterSeconds: number;

  constructor(retryAfterSeconds: number) {
    const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
    super(`Te veel pogingen; probeer het over ${minutes} ${minutes === 1 ? 'minuut' : 'minuten'} opnieuw.`);
    this.retryAfterSeconds = Math.max(1, Math.ceil(retryAfterSeconds));
  }
}

const DAY = 86_400;

/**
 * Limits login attempts per account and per client address, with the counters in PostgreSQL
 * (`auth.login_limits`, via rate-limiter-flexible) so every process of the platform counts the
 * same attempts. Only wrong passwords count; a correct one clears the account's count. A locked
 * account or address is refused before its password is checked, so a lockout also stops the
 * guessing from costing a password hash per attempt.
 */
export class LoginThrottle {
  private constructor(
    private readonly byAccount: RateLimiterPostgres,
    private readonly byAddress: RateLimiterPostgres,
    private readonly lockouts: RateLimiterPostgres,
    private readonly options: Required<Omit<LoginThrottleOptions, 'onLockout'>> & Pick<LoginThrottleOptions, 'onLockout'>,
  ) {}

  static async open(pool: Pool, options: LoginThrottleOptions): Promise<LoginThrottle> {
    await createOnce(pool, 'CREATE SCHEMA IF NOT EXISTS auth');
    // The library's own table layout, made here once so several limiters can share it.
    await createOnce(
      pool,
      'CREATE TABLE IF NOT EXISTS auth.login_limits (key varchar(255) PRIMARY KEY, points integer NOT NULL DEFAULT 0, expire bigint)',
    );
    const full = {
      windowSeconds: 15 * 60,
      maxFailuresPerAddress: options.maxFailures * 10,
      ...options,
    };
    const limiter = (keyPrefix: string, points: number, duration: number, blockDuration = 0) =>
      new RateLimiterPostgres({
        storeClient: pool,
        storeType: 'pool',
        schemaName: 'auth',
        tableName: 'login_limits',
        tableCreated: true,
        clearExpiredByTimeout: true, // rows (client addresses among them) go an hour after they expire
        keyPrefix,
        points,
        duration,
        blockDuration,
      });
    return new LoginThrottle(
      limiter('account', full.maxFailures, full.windowSeconds),
      limiter('address', full.maxFailuresPerAddress, 3600, full.lockoutSeconds),
      limiter('lockouts', 1_000_000, DAY),
      full,
    );
  }

  /**
   * Runs `login` unless the account or the address is locked out; an InvalidCredentials from it
   * counts as a wrong password. Throws TooManyAttempts when locked out, also on the attempt that
   * locks the account.
   */
  async attempt<T>(account: string, address: string, login: () => Promise<T>): Promise<T> {
    const accountKey = account.trim().toLowerCase();
    const [accountState, addressState] = await Promise.all([this.byAccount.get(accountKey), this.byAddress.get(address)]);
    const wait = Math.max(blockedFor(accountState, this.options.maxFailures), blockedFor(addressState, this.options.maxFailuresPerAddress));
    if (wait > 0) throw new TooManyAttempts(wait);
    try {
      const result = await login();
      await this.byAccount.delete(accountKey);
      return result;
    } catch (error) {
      if (error instanceof InvalidCredentials) await this.failed(accountKey, address);
      throw error;
    }
  }

  private async failed(account: string, address: string): Promise<void> {
    await this.byAddress.consume(address).catch((refusal: unknown) => {
      if (!isLimiterAnswer(refusal)) throw refusal; // a refusal only means the address is blocked now
    });
    const counted = await this.byAccount.penalty(account, 1);
    if (counted.consumedPoints < this.options.maxFailures) return;
    if (counted.consumedPoints > this.options.maxFailures) throw new TooManyAttempts(counted.msBeforeNext / 1000);
    // Exactly one attempt reaches the limit (the counter is one atomic upsert): it locks the account.
    const earlier = await this.lockouts.penalty(account, 1);
    const seconds = Math.min(this.options.lockoutSeconds * 2 ** (earlier.consumedPoints - 1), DAY);
    await this.byAccount.block(account, seconds);
    await this.options.onLockout?.({ account, until: new Date(Date.now() + seconds * 1000), attempts: counted.consumedPoints });
    throw new TooManyAttempts(seconds);
  }
}

const blockedFor = (state: RateLimiterRes | null, points: number): number =>
  state && state.consumedPoints > points ? Math.ceil(state.msBeforeNext / 1000) : 0;

const isLimiterAnswer = (value: unknown): value is RateLimiterRes =>
  typeof value === 'object' && value !== null && 'msBeforeNext' in value && 'consumedPoints' in value;
