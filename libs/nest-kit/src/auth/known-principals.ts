import { Client, type Pool } from 'pg';
import { processChanges } from '@regie/es-core';
import type { Principal } from './principal';

/** The channel the tables behind a principal notify on, in every process of the platform. */
export const PRINCIPALS_CHANGED = 'regie_principals_changed';

/**
 * What a principal of a local account is made of: the account (disabled, grants, person), the
 * person's name in the directory and the vault's key that opens it (gone once forgotten).
 * `directory.people` is made by the people context, possibly after this process started.
 */
const WATCHED_TABLES = ['auth.accounts', 'directory.people', 'privacy.subject_keys'] as const;

/** How many principals a process remembers at most, and for how long at most (a belt to the notifications' braces). */
export const KNOWN_PRINCIPALS_MAX = 10_000;
export const KNOWN_PRINCIPALS_MAX_AGE_MS = 60_000;

/**
 * The principals of local accounts as they are now, remembered per process so a request does not
 * read the account row, the person and the vault's key again (three round trips to PostgreSQL on
 * every authenticated request). Statement triggers on the tables they are made of NOTIFY
 * `regie_principals_changed` at the commit of any change (a disabled account, a changed grant, a
 * linked, renamed or forgotten person, a rebuild's TRUNCATE); every process LISTENs and forgets
 * all it knows when one arrives, so the next request reads the rows again. A process whose
 * listening connection is down remembers nothing (every request reads the rows, as before) until
 * it listens again. Principals are small and changes rare: forgetting all is simpler than
 * working out whose principal a changed row belongs to.
 */
export class KnownPrincipals {
  private readonly entries = new Map<string, { principal: Principal; until: number }>();
  private listener?: Client;
  private listening = false;
  private closing = false;
  private watchedPeople = false;
  private readonly waiting = new Map<string, () => void>();
  /** Changes seen so far, and the count at the last one: a read that began before it is stale. */
  private changes = 0;
  private markers = 0;
  private forgottenAt = 0;
  private constructor(
    private readonly pool: Pool,
    private readonly maxAgeMs: number,
  ) {}

  static async open(pool: Pool, options: { maxAgeMs?: number } = {}): Promise<KnownPrincipals> {
    const known = new KnownPrincipals(pool, options.maxAgeMs ?? KNOWN_PRINCIPALS_MAX_AGE_MS);
    try {
      await known.watch();
      await known.listen();
    } catch (error) {
      await known.close();
      throw error;
    }
    return known;
  }

  get(username: string, now = Date.now()): Principal | undefined {
    const entry = this.entries.get(username);
    if (!entry) return undefined;
    if (entry.until > now && this.listening) return entry.principal;
    this.entries.delete(username);
    return undefined;
  }

  /**
   * Remembers a principal read just now. One linked to a person only once the directory's table
   * is watched (made by the people context, maybe after this process started): otherwise a
   * forgotten person's name could outlive the erasure here.
   */
  async remember(principal: Principal, readSince: number): Promise<void> {
    if (!this.listening || readSince < this.forgottenAt) return; // a change arrived while the rows were read
    if (principal.personId && !this.watchedPeople && !(await this.watch())) return;
    if (readSince < this.forgottenAt) return;
    this.entries.delete(principal.username);
    this.entries.set(principal.username, { principal, until: Date.now() + this.maxAgeMs });
    while (this.entries.size > KNOWN_PRINCIPALS_MAX) this.entries.delete(this.entries.keys().next().value as string);
  }

  /** A change in this process (or a notification from any): the next request of every account reads its rows again. */
  forgetAll(): void {
    this.entries.clear();
    this.forgottenAt = ++this.changes;
    processChanges.changed(); // what this process shows of accounts and grants may be different now
  }

  /** A counter, not a time: `readSince` is taken before the rows are read, and a change since makes the read stale. */
  since(): number {
    return this.changes;
  }

  /**
   * Resolves once this process has heard every change committed before the call: a notification
   * of its own, sent now, arrives after all of those (PostgreSQL delivers them in commit order).
   * A write in this process awaits it before it answers, so its next request is judged by the rows
   * as they are now; other processes hear the same change a moment later (milliseconds).
   */
  async settled(timeoutMs = 5_000): Promise<void> {
    if (!this.listening) return; // nothing is remembered meanwhile
    const marker = `settled:${process.pid}:${++this.markers}`;
    const heard = new Promise<void>((resolve) => {
      this.waiting.set(marker, resolve);
      setTimeout(() => this.heard(marker, true), timeoutMs).unref();
    });
    await this.pool.query('SELECT pg_notify($1, $2)', [PRINCIPALS_CHANGED, marker]);
    await heard;
  }

  get size(): number {
    return this.entries.size;
  }

  async close(): Promise<void> {
    this.closing = true;
    this.forgetAll();
    this.listening = false;
    await this.listener?.end().catch(() => undefined);
  }

  /** A change of a watched table forgets all; a marker of `settled()` only ends its wait (or, unheard, forgets all too). */
  private heard(payload: string, timedOut = false): void {
    const waiter = this.waiting.get(payload);
    if (timedOut && !waiter) return; // heard in time
    if (waiter) this.waiting.delete(payload);
    if (!waiter || timedOut) this.forgetAll();
    waiter?.();
  }

  /** Installs the triggers on the tables that exist (once per database; processes starting together queue on a lock). */
  private async watch(): Promise<boolean> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(`SELECT pg_advisory_xact_lock(hashtextextended('regie principals triggers', 0))`);
      await client.query(
        `CREATE OR REPLACE FUNCTION auth.principals_changed() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN PERFORM pg_notify('${PRINCIPALS_CHANGED}', TG_TABLE_SCHEMA || '.' || TG_TABLE_NAME); RETURN NULL; END $$`,
      );
      const { rows } = await client.query<{ name: string; present: string | null }>(
        'SELECT name, to_regclass(name)::text AS present FROM unnest($1::text[]) AS name',
        [WATCHED_TABLES],
      );
      for (const { name, present } of rows)
        if (present)
          await client.query(
            `CREATE OR REPLACE TRIGGER regie_principals_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${name}
             FOR EACH STATEMENT EXECUTE FUNCTION auth.principals_changed()`,
          );
      await client.query('COMMIT');
      this.watchedPeople = rows.every((r) => r.present);
      return this.watchedPeople;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      if (this.listening) return false; // a later request tries again
      throw error;
    } finally {
      client.release();
    }
  }

  /** A connection of its own (not one of the pool's), replaced when lost; nothing is remembered while it is down. */
  private async listen(): Promise<void> {
    const listener = new Client(this.pool.options);
    this.listener = listener;
    const lost = () => {
      if (this.listener !== listener) return;
      this.listener = undefined;
      this.listening = false;
      this.forgetAll();
      listener.end().catch(() => undefined);
      if (!this.closing) setTimeout(() => this.listen().catch(() => undefined), 1000).unref();
    };
    listener.on('notification', ({ payload }) => this.heard(payload ?? ''));
    listener.on('error', lost);
    listener.on('end', lost);
    try {
      await listener.connect();
      await listener.query(`LISTEN ${PRINCIPALS_CHANGED}`);
    } catch (error) {
      lost();
      throw error;
    }
    this.forgetAll(); // whatever changed while nobody listened
    this.listening = !this.closing;
  }
}
