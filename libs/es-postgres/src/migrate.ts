import type { Pool, PoolClient } from 'pg';
import { MIGRATIONS, quoteIdent, type Migration } from './schema';

/**
 * Brings the event store's schema up to date: every migration (schema.ts) not yet recorded in
 * `<schema>.schema_migrations` is applied, in order, each in its own transaction together with its
 * record, so a failed step leaves the store at the previous version and is tried again at the next
 * start. Answers the versions it applied (none when the store was up to date).
 *
 * Processes opening the same store at once wait on one advisory lock, so one of them migrates and
 * the others find nothing left to do. The lock key is the one the last unversioned release took around its
 * `CREATE … IF NOT EXISTS`, so a process of that release starting alongside waits as well.
 *
 * A store that a newer version of the platform migrated is refused: this code does not know its
 * tables and could write rows that the newer code misreads.
 */
export async function migrateEventStore(pool: Pool, schema: string, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  const s = quoteIdent(schema);
  const lockKey = `regie-event-store-schema:${schema}`;
  const client = await pool.connect();
  let failure: Error | undefined;
  try {
    await client.query(`SELECT pg_advisory_lock(hashtextextended($1, 0))`, [lockKey]);
    try {
      await adoptUnversionedStore(client, schema, s);
      const recorded = await client.query<{ version: number }>(`SELECT version FROM ${s}.schema_migrations`);
      const applied = new Set(recorded.rows.map((r) => r.version));
      const unknown = [...applied].filter((v) => !migrations.some((m) => m.version === v));
      if (unknown.length > 0) {
        throw new Error(
          `event store: schema "${schema}" has migrations this version does not know (${unknown.join(', ')}); it was migrated by a newer version of Regie, which must be run instead`,
        );
      }
      const done: number[] = [];
      for (const migration of migrations) {
        if (applied.has(migration.version)) continue;
        await inTransaction(client, async () => {
          await client.query(migration.sql(s));
          await client.query(`INSERT INTO ${s}.schema_migrations (version, name) VALUES ($1, $2)`, [migration.version, migration.name]);
        });
        done.push(migration.version);
      }
      return done;
    } finally {
      await client.query(`SELECT pg_advisory_unlock(hashtextextended($1, 0))`, [lockKey]);
    }
  } catch (error) {
    failure = error as Error;
    throw error;
  } finally {
    // A connection that failed may still hold the session lock: destroy it rather than pool it.
    client.release(failure);
  }
}

/**
 * Creates the versions table. A store whose `events` table exists without it was made by the last
 * unversioned release, which created the baseline's objects at every start: the baseline (version 1) is recorded
 * as applied, not run, once its objects are found. Anything less is not a store this code can
 * upgrade safely, and it says what is missing instead of guessing.
 */
async function adoptUnversionedStore(client: PoolClient, schema: string, s: string): Promise<void> {
  const found = await client.query<{ versions: string | null; events: string | null }>(
    `SELECT to_regclass($1)::text AS versions, to_regclass($2)::text AS events`,
    [`${s}.schema_migrations`, `${s}.events`],
  );
  if (found.rows[0].versions !== null) return;
  await inTransaction(client, async () => {
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${s}`);
    await client.query(`
      CREATE TABLE ${s}.schema_migrations (
        version    integer     PRIMARY KEY,
        name       text        NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`);
    if (found.rows[0].events === null) return;
    const missing = await missingBaselineObjects(client, schema);
    if (missing.length > 0) {
      throw new Error(
        `event store: schema "${schema}" has events but not the schema of the last release before versioned migrations (missing: ${missing.join(', ')}); start it once with that release, or restore a backup`,
      );
    }
    await client.query(`INSERT INTO ${s}.schema_migrations (version, name) VALUES (1, 'baseline')`);
  });
}

const BASELINE_COLUMNS = ['events.hash', 'head.hash', 'streams.revision', 'chain_checkpoints.hash'];

async function missingBaselineObjects(client: PoolClient, schema: string): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT table_name || '.' || column_name AS name FROM information_schema.columns WHERE table_schema = $1
     UNION ALL
     SELECT p.proname || '()' FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = $1`,
    [schema],
  );
  const present = new Set(rows.map((r) => r.name));
  return [...BASELINE_COLUMNS, 'append_batch()'].filter((name) => !present.has(name));
}

async function inTransaction(client: PoolClient, work: () => Promise<void>): Promise<void> {
  await client.query('BEGIN');
  try {
    await work();
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
