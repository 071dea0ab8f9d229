import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { calculateJwkThumbprint, exportJWK } from 'jose';
import type { Pool } from 'pg';
import { unwrapKey, wrapKey } from '@regie/es-core';
import { createOnce } from './schema';

export interface SigningKey {
  /** The key id (`kid`): the RFC 7638 thumbprint of the public key. */
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
  createdAt: Date;
}

export interface SigningKeysOptions {
  /** 32 bytes that seal every private key (AES-256-GCM); derived from the master key. */
  sealingKey: Buffer;
  /** A key older than this is replaced by a new one; the old one keeps verifying its tokens. */
  rotateAfterSeconds: number;
  /** The longest a token lives: a replaced key is kept this long, then deleted. */
  tokenLifetimeSeconds: number;
}

/** How often a process looks for keys another process made (rotation), at most. */
const RELOAD_MS = 60_000;

/**
 * The ES256 key pairs that sign the local accounts' tokens, in `auth.signing_keys`, shared by every
 * process on the database. Only the private key is stored, sealed under a key derived from the
 * master key; the public key and the `kid` are derived from it after unsealing. So reading the
 * database gives no key to sign with, and a row written without the master key cannot be unsealed
 * and is ignored: it can neither sign nor verify.
 */
export class SigningKeys {
  private keys = new Map<string, SigningKey>();
  private loadedAt = 0;
  private loading?: Promise<void>;

  private constructor(
    private readonly pool: Pool,
    private readonly options: SigningKeysOptions,
  ) {}

  static async open(pool: Pool, options: SigningKeysOptions): Promise<SigningKeys> {
    if (options.sealingKey.length !== 32) throw new Error('the sealing key of the signing keys must be 32 bytes');
    await createOnce(pool, 'CREATE SCHEMA IF NOT EXISTS auth');
    await createOnce(
      pool,
      `CREATE TABLE IF NOT EXISTS auth.signing_keys (
        kid text PRIMARY KEY,
        sealed_private_key bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`,
    );
    const keys = new SigningKeys(pool, options);
    await keys.reload();
    return keys;
  }

  /** The newest key, for signing; makes a new one first when the newest is due for rotation. */
  async current(): Promise<SigningKey> {
    if (Date.now() - this.loadedAt > RELOAD_MS) await this.reload();
    const newest = this.newest();
    if (newest && Date.now() - newest.createdAt.getTime() < this.options.rotateAfterSeconds * 1000) return newest;
    await this.rotate();
    return this.newest() as SigningKey;
  }

  /** The public key of `kid`, or undefined: a key this process has not seen yet (made by another process) is looked up. */
  async publicKey(kid: string | undefined): Promise<KeyObject | undefined> {
    if (!kid) return undefined;
    const known = this.keys.get(kid);
    if (known) return known.publicKey;
    // One primary-key lookup, the same cost as any request's; a made-up kid finds nothing.
    const { rows } = await this.pool.query<Row>('SELECT kid, sealed_private_key, created_at FROM auth.signing_keys WHERE kid = $1', [kid]);
    const found = rows[0] && (await this.unseal(rows[0]));
    if (found) this.keys.set(found.kid, found);
    return found ? found.publicKey : undefined;
  }

  /**
   * A new key for signing from now on. Processes rotating at once queue on a lock and the later
   * ones find the fresh key, so one rotation makes one key.
   */
  async rotate(options: { force?: boolean } = {}): Promise<SigningKey> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(`SELECT pg_advisory_xact_lock(hashtextextended('auth.signing_keys', 0))`);
      const { rows } = await client.query<{ age: number }>(
        'SELECT extract(epoch FROM now() - max(created_at))::float8 AS age FROM auth.signing_keys',
      );
      const age = rows[0]?.age;
      const fresh = age !== null && age !== undefined && age < this.options.rotateAfterSeconds;
      if (options.force || !fresh || !(await this.usableNewest(client))) {
        const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
        const kid = await kidOf(createPublicKey(privateKey));
        const der = privateKey.export({ format: 'der', type: 'pkcs8' });
        await client.query('INSERT INTO auth.signing_keys (kid, sealed_private_key) VALUES ($1, $2)', [
          kid,
          wrapKey(this.options.sealingKey, der),
        ]);
      }
      // A key replaced longer ago than a token lives verifies nothing any more.
      await client.query(
        `DELETE FROM auth.signing_keys k WHERE EXISTS (
           SELECT 1 FROM auth.signing_keys n WHERE n.created_at > k.created_at AND n.created_at < now() - make_interval(secs => $1))`,
        [this.options.tokenLifetimeSeconds],
      );
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
    await this.reload(true);
    return this.newest() as SigningKey;
  }

  private newest(): SigningKey | undefined {
    return [...this.keys.values()].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0];
  }

  /** Whether this process can unseal the newest stored key (not so after the master key changed). */
  private async usableNewest(client: { query: Pool['query'] }): Promise<boolean> {
    const { rows } = await client.query<Row>(
      'SELECT kid, sealed_private_key, created_at FROM auth.signing_keys ORDER BY created_at DESC LIMIT 1',
    );
    return rows[0] !== undefined && (await this.unseal(rows[0])) !== undefined;
  }

  private reload(force = false): Promise<void> {
    if (this.loading && !force) return this.loading;
    const loading = (async () => {
      const { rows } = await this.pool.query<Row>('SELECT kid, sealed_private_key, created_at FROM auth.signing_keys');
      const keys = new Map<string, SigningKey>();
      for (const row of rows) {
        const key = await this.unseal(row);
        if (key) keys.set(key.kid, key);
      }
      this.keys = keys;
      this.loadedAt = Date.now();
    })();
    const settled = loading.finally(() => {
      if (this.loading === settled) this.loading = undefined;
    });
    this.loading = settled;
    return settled;
  }

  private async unseal(row: Row): Promise<SigningKey | undefined> {
    try {
      const privateKey = createPrivateKey({
        key: unwrapKey(this.options.sealingKey, row.sealed_private_key),
        format: 'der',
        type: 'pkcs8',
      });
      const publicKey = createPublicKey(privateKey);
      const kid = await kidOf(publicKey);
      // The kid column is only an index: the key itself says which kid it is.
      return kid === row.kid ? { kid, privateKey, publicKey, createdAt: row.created_at } : undefined;
    } catch {
      return undefined; // sealed under another master key, or not sealed by Regie at all
    }
  }
}

interface Row {
  kid: string;
  sealed_private_key: Buffer;
  created_at: Date;
}

const kidOf = async (publicKey: KeyObject) => calculateJwkThumbprint(await exportJWK(publicKey), 'sha256');
