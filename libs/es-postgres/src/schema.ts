import type { Pool } from 'pg';
import { appendFunctionSql } from './append-function';

/** Channel of the NOTIFY that every append sends with its last position (wakes live subscriptions). */
export const NOTIFY_CHANNEL = 'regie_events_appended';

/**
 * Tables of the PostgreSQL event store.
 * - `events`: one row per event; `position` is the global order, `revision` the stream order.
 * - `streams`: the last revision per stream; its row lock serialises appends to one stream.
 * - `head`: one row holding the last global position and chain hash; see PostgresEventStore.append
 *   for why every append takes its row lock last and holds it until commit.
 * - `chain_checkpoints`: chain heads that a verification found intact, signed with the chain key;
 *   `events.seal` is each event's mark of the same (see verify-chain.ts).
 * - `append_batch(...)`: the append itself, one statement for a group of appends (append-function.ts).
 * One transaction under an advisory lock, so processes opening the same store at once do not race
 * on the DDL (CREATE OR REPLACE FUNCTION in two sessions at once fails).
 */
export async function ensureEventStoreSchema(pool: Pool, schema: string): Promise<void> {
  const s = quoteIdent(schema); // validates the name, so it may appear in the lock key below
  await pool.query(`
    SELECT pg_advisory_xact_lock(hashtextextended('regie-event-store-schema:${schema}', 0));
    CREATE SCHEMA IF NOT EXISTS ${s};
    CREATE TABLE IF NOT EXISTS ${s}.events (
      position       bigint      PRIMARY KEY,
      event_id       uuid        NOT NULL UNIQUE,
      stream_id      text        NOT NULL,
      revision       bigint      NOT NULL,
      type           text        NOT NULL,
      schema_version integer     NOT NULL,
      data           jsonb       NOT NULL,
      metadata       jsonb       NOT NULL,
      occurred_at    timestamptz NOT NULL,
      recorded_at    timestamptz NOT NULL,
      UNIQUE (stream_id, revision)
    );
    CREATE TABLE IF NOT EXISTS ${s}.streams (
      stream_id text   PRIMARY KEY,
      revision  bigint NOT NULL
    );
    CREATE TABLE IF NOT EXISTS ${s}.head (
      id       boolean PRIMARY KEY DEFAULT true CHECK (id),
      position bigint  NOT NULL
    );
    INSERT INTO ${s}.head (id, position) VALUES (true, 0) ON CONFLICT DO NOTHING;
    -- tamper evidence (hash-chain.ts): each event's chain hash, the head's, and verified checkpoints
    ALTER TABLE ${s}.events ADD COLUMN IF NOT EXISTS hash text;
    ALTER TABLE ${s}.head ADD COLUMN IF NOT EXISTS hash text NOT NULL DEFAULT '';
    CREATE TABLE IF NOT EXISTS ${s}.chain_checkpoints (
      position    bigint      PRIMARY KEY,
      hash        text        NOT NULL,
      verified_at timestamptz NOT NULL
    );
    ALTER TABLE ${s}.events ADD COLUMN IF NOT EXISTS seal text;
    ALTER TABLE ${s}.chain_checkpoints ADD COLUMN IF NOT EXISTS signature text, ADD COLUMN IF NOT EXISTS key_id text;
    ${appendFunctionSql(s, NOTIFY_CHANNEL)}
  `);
}

export const quoteIdent = (name: string): string => {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a safe SQL identifier: ${name}`);
  return `"${name}"`;
};
