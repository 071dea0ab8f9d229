import type { Pool } from 'pg';
import { type Grant } from './principal';
import { createOnce } from './schema';

/**
 * The local accounts as they are now: `auth.accounts`, the projection of the `account-<id>` streams
 * (see the platform's accounts module), joined with `auth.credentials`, the accounts' own passwords.
 * Every process reads them to log in and to verify each request, so a disabled account or a changed
 * grant counts from the next request on. Only the projection writes `auth.accounts`; only a password
 * reset writes `auth.credentials`, which is no projection: a secret is never in an event, so a
 * rebuild of `auth.accounts` leaves the credentials as they are (docs/security.md).
 */
export interface AccountRow {
  id: string;
  username: string;
  person_id: string | null;
  disabled: boolean;
  grants: Grant[];
  /** From `auth.credentials`. Null: the account logs in with the shared password (REGIE_LOCAL_PASSWORD or the generated one). */
  password_salt: Buffer | null;
  password_hash: Buffer | null;
  created_at: Date;
  updated_at: Date;
}

export async function ensureAccountsTable(pool: Pool): Promise<void> {
  await createOnce(pool, 'CREATE SCHEMA IF NOT EXISTS auth');
  await createOnce(
    pool,
    `CREATE TABLE IF NOT EXISTS auth.accounts (
      id uuid PRIMARY KEY,
      username text UNIQUE NOT NULL,
      person_id uuid NULL,
      disabled boolean NOT NULL DEFAULT false,
      grants jsonb NOT NULL DEFAULT '[]',
      created_at timestamptz,
      updated_at timestamptz
    )`,
  );
  await createOnce(
    pool,
    `CREATE TABLE IF NOT EXISTS auth.credentials (
      account_id uuid PRIMARY KEY,
      password_salt bytea NOT NULL,
      password_hash bytea NOT NULL,
      set_at timestamptz NOT NULL DEFAULT now()
    )`,
  );
  await moveCredentialsOutOfAccounts(pool);
}

/**
 * Databases made before `auth.credentials` kept the hashes in `auth.accounts`, projected from the
 * events: move them over (in one transaction, so every process sees them in one place or the other)
 * and drop the columns, so a rebuild of the projection cannot bring them back.
 */
async function moveCredentialsOutOfAccounts(pool: Pool): Promise<void> {
  const { rowCount } = await pool.query(
    `SELECT 1 FROM information_schema.columns WHERE table_schema = 'auth' AND table_name = 'accounts' AND column_name = 'password_hash'`,
  );
  if (!rowCount) return;
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('LOCK TABLE auth.accounts IN EXCLUSIVE MODE');
    const { rowCount: still } = await client.query(
      `SELECT 1 FROM information_schema.columns WHERE table_schema = 'auth' AND table_name = 'accounts' AND column_name = 'password_hash'`,
    );
    if (still) {
      await client.query(
        `INSERT INTO auth.credentials (account_id, password_salt, password_hash, set_at)
         SELECT id, password_salt, password_hash, coalesce(updated_at, now()) FROM auth.accounts
          WHERE password_hash IS NOT NULL AND password_salt IS NOT NULL
         ON CONFLICT (account_id) DO NOTHING`,
      );
      await client.query('ALTER TABLE auth.accounts DROP COLUMN password_salt, DROP COLUMN password_hash');
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** One indexed lookup (the unique index on username, the credentials' primary key). */
export async function accountByUsername(pool: Pool, username: string): Promise<AccountRow | undefined> {
  const { rows } = await pool.query<AccountRow>(
    `SELECT a.id, a.username, a.person_id, a.disabled, a.grants, c.password_salt, c.password_hash, a.created_at, a.updated_at
       FROM auth.accounts a LEFT JOIN auth.credentials c ON c.account_id = a.id WHERE a.username = $1`,
    [username],
  );
  return rows[0];
}

/** Sets an account's own password (scrypt salt and hash): the only writer of `auth.credentials`. */
export async function storeCredential(pool: Pool, accountId: string, credential: { salt: Buffer; hash: Buffer }, at: Date): Promise<void> {
  await pool.query(
    `INSERT INTO auth.credentials (account_id, password_salt, password_hash, set_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (account_id) DO UPDATE SET password_salt = excluded.password_salt, password_hash = excluded.password_hash, set_at = excluded.set_at`,
    [accountId, credential.salt, credential.hash, at],
  );
}
