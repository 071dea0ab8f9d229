import { appendFunctionSql } from './append-function';
import { NOTIFY_CHANNEL } from './schema';

/**
 * The event store's schema exactly as the last unversioned release (commit ec79f32) created it at
 * every start, for the upgrade test. Its append function is the one of append-function.ts, whose
 * body has not changed since that release.
 */
export const unversionedReleaseSchemaSql = (s: string): string => `
    SELECT pg_advisory_xact_lock(hashtextextended('regie-event-store-schema:es', 0));
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
    ${appendFunctionSql(s, NOTIFY_CHANNEL)}
`;
