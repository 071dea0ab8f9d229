import { appendFunctionSql } from './append-function';

/** Channel of the NOTIFY that every append sends with its last position (wakes live subscriptions). */
export const NOTIFY_CHANNEL = 'regie_events_appended';

/**
 * One step of the event store's schema, applied once per store (migrate.ts). `sql` gets the quoted
 * schema name. A released migration never changes: a new table, column or function body is a new
 * migration at the end of the list, so every store, old or new, reaches the same schema.
 */
export interface Migration {
  version: number;
  name: string;
  sql: (s: string) => string;
}

/**
 * Tables of the PostgreSQL event store.
 * - `events`: one row per event; `position` is the global order, `revision` the stream order;
 *   `hash` its link in the hash chain (hash-chain.ts).
 * - `streams`: the last revision per stream; its row lock serialises appends to one stream.
 * - `head`: one row holding the last global position and chain hash; see PostgresEventStore.append
 *   for why every append takes its row lock last and holds it until commit.
 * - `chain_checkpoints`: chain heads that a verification found intact (see verify-chain.ts).
 * - `append_batch(...)`: the append itself, one statement for a group of appends (append-function.ts).
 * This is the schema of the last unversioned release, which created it with `IF NOT EXISTS` at every
 * start; a store made by that release is recognised by migrate.ts and this step recorded, not run.
 */
const baseline = (s: string): string => `
  CREATE TABLE ${s}.events (
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
    hash           text,
    UNIQUE (stream_id, revision)
  );
  CREATE TABLE ${s}.streams (
    stream_id text   PRIMARY KEY,
    revision  bigint NOT NULL
  );
  CREATE TABLE ${s}.head (
    id       boolean PRIMARY KEY DEFAULT true CHECK (id),
    position bigint  NOT NULL,
    hash     text    NOT NULL DEFAULT ''
  );
  INSERT INTO ${s}.head (id, position) VALUES (true, 0);
  CREATE TABLE ${s}.chain_checkpoints (
    position    bigint      PRIMARY KEY,
    hash        text        NOT NULL,
    verified_at timestamptz NOT NULL
  );
  ${appendFunctionSql(s, NOTIFY_CHANNEL)}
`;

/**
 * `events.seal` is each event's mark that a verification found it intact, and a checkpoint's
 * `signature` and `key_id` its signature with the chain key (verify-chain.ts). `IF NOT EXISTS`
 * because stores made by the development code between that release and versioned migrations
 * have these columns without a record of this step.
 */
const chainSeals = (s: string): string => `
  ALTER TABLE ${s}.events ADD COLUMN IF NOT EXISTS seal text;
  ALTER TABLE ${s}.chain_checkpoints ADD COLUMN IF NOT EXISTS signature text, ADD COLUMN IF NOT EXISTS key_id text;
`;

/**
 * Decider-state snapshots (handleCommand's `snapshot` option): per stream and decider the state
 * folded up to `revision`, by decider `version`. A cache beside the history, which it never
 * changes: dropping every row only makes commands fold whole streams again.
 */
const snapshots = (s: string): string => `
  CREATE TABLE ${s}.snapshots (
    stream_id  text        NOT NULL,
    decider    text        NOT NULL,
    version    integer     NOT NULL,
    revision   bigint      NOT NULL,
    state      jsonb       NOT NULL,
    taken_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (stream_id, decider)
  );
`;

/**
 * Time travel (`?asOf`) asks which events had occurred by a moment: how many, and the last
 * position among them (PostgresEventStore.occurredBy). Without this index that is a scan of the
 * whole table per look.
 */
const eventsByOccurrence = (s: string): string => `
  CREATE INDEX IF NOT EXISTS events_occurred_at ON ${s}.events (occurred_at, position);
`;

/** The event store's schema, in the order applied. Append only. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'baseline', sql: baseline },
  { version: 2, name: 'chain seals and signed checkpoints', sql: chainSeals },
  { version: 3, name: 'decider state snapshots', sql: snapshots },
  { version: 4, name: 'events by occurrence', sql: eventsByOccurrence },
];

export const quoteIdent = (name: string): string => {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a safe SQL identifier: ${name}`);
  return `"${name}"`;
};
