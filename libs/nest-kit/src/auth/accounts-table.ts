import type { Pool } from 'pg';
import { type Grant } from './principal';
import { createOnce } from './schema';

/**
 * The local accounts as they are now: the projection of the `account-<id>` streams (see the
 * platform's accounts module). Every process reads it to log in and to verify each request, so a
 * disabled account or a changed grant counts from the next request on. Only the projection writes it.
 */
export interface AccountRow {
  id: string;
  username: string;
  person_id: string | null;
  disabled: boolean;
  grants: Grant[];
  /** Null: the account logs in with the shared password (REGIE_LOCAL_PASSWORD or the generated one). */
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
      password_salt bytea,
      password_hash bytea,
      created_at timestamptz,
      updated_at timestamptz
    )`,
  );
}

/** One indexed lookup (the unique index on username). */
export async function accountByUsername(pool: Pool, username: string): Promise<AccountRow | undefined> {
  const { rows } = await pool.query<AccountRow>(
    'SELECT id, username, person_id, disabled, grants, password_salt, password_hash, created_at, updated_at FROM auth.accounts WHERE username = $1',
    [username],
  );
  return rows[0];
}
