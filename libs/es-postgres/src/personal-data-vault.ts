import { createHmac, hkdfSync, randomUUID, timingSafeEqual } from 'node:crypto';
import { Client, Pool } from 'pg';
import { type ForgetOutcome, newKey, PersonalDataVault, unwrapKey, type VaultStatistics, wrapKey } from '@regie/es-core';
import { KeptKeys, subjectKeysTriggerSql } from './kept-keys';
import { quoteIdent } from './schema';

export interface PostgresVaultOptions {
  connectionString: string;
  /** 32 bytes that wrap every subject key. Without it, one is made and kept in the database (see README). */
  masterKey?: Buffer;
  schema?: string;
  poolSize?: number;
  log?: (line: string) => void;
}

const checkOf = (master: Buffer) => createHmac('sha256', master).update('regie personal-data vault').digest('hex');

/**
 * The subject keys in PostgreSQL, shared by every service process on the database, so a person
 * is one subject across services and one erasure reaches them all. Tables (schema `privacy`):
 * - `vault`: one row — the lookup key (wrapped), a check value of the master key, and the master
 *   key itself only when none is configured;
 * - `subject_keys`: subject id, lookup hash (HMAC of the normalised name), wrapped AES key;
 * - `erasures`: lookup hashes of forgotten names with the moment, no subject id (so "already
 *   forgotten" can be answered without keeping a link from the name to the history).
 * Keys read to open names are kept in the process (`KeptKeys`) until the key table changes: the
 * process that erases lets them go before the erasure answers, every other one when the
 * notification of the change reaches it (milliseconds).
 */
export class PostgresPersonalDataVault extends PersonalDataVault {
  readonly kind = 'postgres';

  private constructor(
    private readonly pool: Pool,
    private readonly s: string,
    private readonly master: Buffer,
    private readonly lookup: Buffer,
    private readonly kept: KeptKeys,
  ) {
    super();
  }

  static async open(options: PostgresVaultOptions): Promise<PostgresPersonalDataVault> {
    const s = quoteIdent(options.schema ?? 'privacy');
    const { master, lookup } = await setUp(options, s);
    const pool = new Pool({ connectionString: options.connectionString, max: options.poolSize ?? 3 });
    pool.on('error', (error) => options.log?.(`vault connection lost: ${error.message}`));
    const kept = new KeptKeys({ connectionString: options.connectionString }, options.log);
    kept.start();
    return new PostgresPersonalDataVault(pool, s, master, lookup, kept);
  }

  protected async lookupKey(): Promise<Buffer> {
    return this.lookup;
  }

  /**
   * A key for another secret of the platform (e.g. sealing the token signing keys), derived from
   * the master key so it is as safe as the personal data's keys, and different per purpose.
   */
  derivedKey(purpose: string): Buffer {
    return Buffer.from(hkdfSync('sha256', this.master, Buffer.alloc(0), `regie ${purpose}`, 32));
  }

  protected async subjectFor(lookup: string): Promise<{ subject: string; key: Buffer }> {
    const key = newKey();
    const inserted = await this.pool.query(
      `INSERT INTO ${this.s}.subject_keys (subject, lookup, wrapped_key) VALUES ($1, $2, $3) ON CONFLICT (lookup) DO NOTHING RETURNING subject`,
      [randomUUID(), lookup, wrapKey(this.master, key)],
    );
    if (inserted.rows.length > 0) {
      await this.pool.query(`DELETE FROM ${this.s}.erasures WHERE lookup = $1`, [lookup]); // the name is in use again
      return { subject: inserted.rows[0].subject, key };
    }
    // Known already (or made by a concurrent first use, now committed): a new statement sees it.
    const { rows } = await this.pool.query(`SELECT subject, wrapped_key FROM ${this.s}.subject_keys WHERE lookup = $1`, [lookup]);
    if (rows.length === 0) return this.subjectFor(lookup); // erased in between: make a new one
    return { subject: rows[0].subject, key: unwrapKey(this.master, rows[0].wrapped_key) };
  }

  protected async keysOf(subjects: string[]): Promise<Map<string, Buffer>> {
    const keys = new Map<string, Buffer>();
    const unknown: string[] = [];
    for (const subject of subjects) {
      const key = this.kept.get(subject);
      if (key) keys.set(subject, key);
      else unknown.push(subject);
    }
    if (unknown.length === 0) return keys;
    const since = this.kept.since();
    const { rows } = await this.pool.query(`SELECT subject, wrapped_key FROM ${this.s}.subject_keys WHERE subject = ANY($1::uuid[])`, [
      unknown,
    ]);
    for (const { subject, wrapped_key } of rows) {
      const key = unwrapKey(this.master, wrapped_key);
      keys.set(subject, key);
      this.kept.keep(subject, key, since);
    }
    return keys;
  }

  protected async findSubject(lookup: string): Promise<string | undefined> {
    const { rows } = await this.pool.query(`SELECT subject FROM ${this.s}.subject_keys WHERE lookup = $1`, [lookup]);
    return rows[0]?.subject;
  }

  protected async erase(lookup: string, at: Date): Promise<ForgetOutcome> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const deleted = await client.query(`DELETE FROM ${this.s}.subject_keys WHERE lookup = $1 RETURNING subject`, [lookup]);
      if (deleted.rows.length > 0) {
        await client.query(
          `INSERT INTO ${this.s}.erasures (lookup, erased_at) VALUES ($1, $2) ON CONFLICT (lookup) DO UPDATE SET erased_at = $2`,
          [lookup, at],
        );
        await client.query('COMMIT');
        this.kept.forgetAll(); // here at once; other processes when the trigger's notification reaches them
        // The deleted row would linger in the table's pages until they are reused: rewrite the (small) table now.
        await client.query(`VACUUM (FULL) ${this.s}.subject_keys`).catch(() => undefined);
        return { status: 'forgotten', subject: deleted.rows[0].subject, erasedAt: at };
      }
      await client.query('COMMIT');
      const { rows } = await client.query(`SELECT erased_at FROM ${this.s}.erasures WHERE lookup = $1`, [lookup]);
      return rows.length > 0 ? { status: 'already-forgotten', erasedAt: rows[0].erased_at } : { status: 'unknown' };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async statistics(): Promise<VaultStatistics> {
    const { rows } = await this.pool.query<VaultStatistics>(
      `SELECT (SELECT count(*)::int FROM ${this.s}.subject_keys) AS subjects, (SELECT count(*)::int FROM ${this.s}.erasures) AS erased`,
    );
    return rows[0];
  }

  override async close(): Promise<void> {
    await this.kept.close();
    await this.pool.end();
  }
}

/** Creates the tables once (processes starting together queue on an advisory lock) and finds the keys. */
async function setUp(options: PostgresVaultOptions, s: string): Promise<{ master: Buffer; lookup: Buffer }> {
  const client = new Client({ connectionString: options.connectionString });
  await client.connect();
  try {
    await client.query(`SELECT pg_advisory_lock(hashtextextended($1, 0))`, [`vault:${s}`]);
    await client.query(`
      CREATE SCHEMA IF NOT EXISTS ${s};
      CREATE TABLE IF NOT EXISTS ${s}.vault (
        id boolean PRIMARY KEY DEFAULT true CHECK (id), master_key bytea, master_check text NOT NULL, lookup_key bytea NOT NULL);
      CREATE TABLE IF NOT EXISTS ${s}.subject_keys (
        subject uuid PRIMARY KEY, lookup text NOT NULL UNIQUE, wrapped_key bytea NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
      CREATE TABLE IF NOT EXISTS ${s}.erasures (lookup text PRIMARY KEY, erased_at timestamptz NOT NULL);
      ${subjectKeysTriggerSql(s, `${s}.subject_keys`)}`);
    const [row] = (await client.query(`SELECT master_key, master_check, lookup_key FROM ${s}.vault`)).rows;
    const configured = options.masterKey;
    if (configured && configured.length !== 32) throw new Error('the master key must be 32 bytes');
    if (!row) {
      const master = configured ?? newKey();
      const lookup = newKey();
      await client.query(`INSERT INTO ${s}.vault (master_key, master_check, lookup_key) VALUES ($1, $2, $3)`, [
        configured ? null : master,
        checkOf(master),
        wrapKey(master, lookup),
      ]);
      if (!configured)
        options.log?.(
          'persoonsgegevens: sleutels versleuteld met een hoofdsleutel in de database; zet REGIE_MASTER_KEY om die erbuiten te bewaren',
        );
      return { master, lookup };
    }
    if (!configured) {
      if (!row.master_key)
        throw new Error(
          'REGIE_MASTER_KEY ontbreekt: de sleutels van persoonsgegevens in deze database zijn met een geconfigureerde hoofdsleutel versleuteld',
        );
      return { master: row.master_key, lookup: unwrapKey(row.master_key, row.lookup_key) };
    }
    if (row.master_key) return { master: configured, lookup: await rewrap(client, s, row.master_key, configured, row.lookup_key) };
    const check = Buffer.from(checkOf(configured));
    if (!timingSafeEqual(check, Buffer.from(row.master_check))) {
      throw new Error(
        'REGIE_MASTER_KEY past niet bij deze database: de sleutels van persoonsgegevens zijn met een andere hoofdsleutel versleuteld',
      );
    }
    return { master: configured, lookup: unwrapKey(configured, row.lookup_key) };
  } finally {
    await client.end(); // ends the session, which releases the lock
  }
}

/** A master key is configured where the database kept its own: wrap everything under the configured one and drop the stored one. */
async function rewrap(client: Client, s: string, from: Buffer, to: Buffer, wrappedLookup: Buffer): Promise<Buffer> {
  const lookup = unwrapKey(from, wrappedLookup);
  await client.query('BEGIN');
  try {
    const { rows } = await client.query(`SELECT subject, wrapped_key FROM ${s}.subject_keys FOR UPDATE`);
    for (const r of rows) {
      await client.query(`UPDATE ${s}.subject_keys SET wrapped_key = $2 WHERE subject = $1`, [
        r.subject,
        wrapKey(to, unwrapKey(from, r.wrapped_key)),
      ]);
    }
    await client.query(`UPDATE ${s}.vault SET master_key = NULL, master_check = $1, lookup_key = $2`, [checkOf(to), wrapKey(to, lookup)]);
    await client.query('COMMIT');
    return lookup;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
