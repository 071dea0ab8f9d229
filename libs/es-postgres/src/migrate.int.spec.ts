import { newId, type NewEvent } from '@regie/es-core';
import { testDatabase } from '@regie/test-kit';
import { Pool } from 'pg';
import { chainParts } from './hash-chain';
import { migrateEventStore } from './migrate';
import { PostgresEventStore } from './postgres-event-store';
import { MIGRATIONS } from './schema';
import { unversionedReleaseSchemaSql } from './unversioned-schema.fixture';

const CHAIN_KEY = Buffer.alloc(32, 3);

const event = (n: number): NewEvent => ({
  id: newId(),
  type: 'MilestonePlanned',
  data: { n, title: `Mijlpaal ${n}` },
  schemaVersion: 1,
  occurredAt: new Date('2026-03-01T10:00:00Z'),
  metadata: { actor: { userId: 'coordinator', role: 'coordinator' }, correlationId: newId(), causationId: newId() },
});

/** An append as the last unversioned release made it: one call of its append_batch function. */
async function appendAsRelease(pool: Pool, streamId: string, events: NewEvent[]): Promise<void> {
  const parts = events.map((e) => chainParts({ ...e, streamId }));
  const { rows } = await pool.query(`SELECT out_status FROM es.append_batch($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`, [
    [streamId],
    [-1],
    [events.length],
    events.map((e) => e.id),
    events.map((e) => e.type),
    events.map((e) => e.schemaVersion),
    parts.map((p) => p.data),
    parts.map((p) => p.metadata),
    events.map((e) => e.occurredAt),
    parts.map((p) => p.before),
    parts.map((p) => p.after),
  ]);
  expect(rows).toEqual([{ out_status: 'ok' }]);
}

const columns = async (pool: Pool) =>
  (
    await pool.query(
      `SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns
       WHERE table_schema = 'es' AND table_name <> 'schema_migrations' ORDER BY table_name, ordinal_position`,
    )
  ).rows;

const versions = async (pool: Pool) =>
  (await pool.query(`SELECT version, name FROM es.schema_migrations ORDER BY version`)).rows as { version: number; name: string }[];

describe('versioned migrations of the event store schema', () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });
  const database = async (label: string) => {
    const db = await testDatabase(label);
    const pool = new Pool({ connectionString: db.url, max: 2 });
    // An idle connection ended by the database's drop at teardown is no failure of the test (CI saw one, 57P01).
    pool.on('error', () => undefined);
    cleanup.push(db.drop, () => pool.end());
    return { url: db.url, pool };
  };
  const open = async (url: string) => {
    const store = await PostgresEventStore.open({ connectionString: url, chainKey: CHAIN_KEY });
    cleanup.push(() => store.close());
    return store;
  };

  /** A store as the last unversioned release left it: its schema, 9 events and an unsigned checkpoint. */
  const releaseStore = async (label: string) => {
    const db = await database(label);
    await db.pool.query(unversionedReleaseSchemaSql('"es"'));
    for (let s = 0; s < 3; s++) await appendAsRelease(db.pool, `milestone-${s}`, [event(s * 3), event(s * 3 + 1), event(s * 3 + 2)]);
    await db.pool.query(`INSERT INTO es.chain_checkpoints (position, hash, verified_at) SELECT position, hash, now() FROM es.head`);
    return db;
  };

  it('upgrades a store of the last unversioned release: baseline recorded, history intact and verified, appends continue', async () => {
    const old = await releaseStore('migrate_release');
    const before = (await old.pool.query(`SELECT * FROM es.events ORDER BY position`)).rows;

    const store = await open(old.url);

    expect(await versions(old.pool)).toEqual(MIGRATIONS.map(({ version, name }) => ({ version, name })));
    const after = (await old.pool.query(`SELECT * FROM es.events ORDER BY position`)).rows;
    expect(after).toEqual(before.map((row) => ({ ...row, seal: null })));
    expect((await old.pool.query(`SELECT position, signature FROM es.chain_checkpoints`)).rows).toEqual([
      { position: '9', signature: null },
    ]);
    expect(await store.verifyChain()).toMatchObject({ ok: true, events: 9, problems: [] });
    expect(await store.append('milestone-1', [event(10)], 2)).toMatchObject({ nextExpectedRevision: 3, lastPosition: 10 });
    expect(await store.append('milestone-9', [event(11)], 'no_stream')).toMatchObject({ lastPosition: 11 });
    expect(await store.verifyChain()).toMatchObject({ ok: true, events: 11 });
    expect(await migrateEventStore(old.pool, 'es')).toEqual([]);

    // The upgraded store has exactly the schema that migrating a new store gives.
    const fresh = await database('migrate_fresh');
    expect(await migrateEventStore(fresh.pool, 'es')).toEqual(MIGRATIONS.map((m) => m.version));
    expect(await columns(old.pool)).toEqual(await columns(fresh.pool));
  });

  it('upgrades a store made by the development code that already has the chain seal columns', async () => {
    const old = await releaseStore('migrate_dev');
    await old.pool.query(`ALTER TABLE es.events ADD COLUMN seal text`);
    await old.pool.query(`ALTER TABLE es.chain_checkpoints ADD COLUMN signature text, ADD COLUMN key_id text`);

    const store = await open(old.url);

    expect((await versions(old.pool)).map((v) => v.version)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(await store.verifyChain()).toMatchObject({ ok: true, events: 9 });
  });

  it('lets processes open a new store at once: one migrates, the others wait and find nothing to do', async () => {
    const db = await database('migrate_concurrent');

    const stores = await Promise.all([open(db.url), open(db.url), open(db.url)]);

    expect((await versions(db.pool)).map((v) => v.version)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(await migrateEventStore(db.pool, 'es')).toEqual([]);
    await stores[0].append('action-1', [event(1)], 'no_stream');
    expect(await stores[2].readStream('action-1')).toHaveLength(1);
  });

  it('rolls a failing migration back unrecorded, releases the lock, and applies it once fixed', async () => {
    const db = await database('migrate_failing');
    const next = MIGRATIONS.length + 1;
    const broken = { version: next, name: 'broken', sql: (s: string) => `ALTER TABLE ${s}.events ADD COLUMN note text; SELECT 1 / 0;` };

    await expect(migrateEventStore(db.pool, 'es', [...MIGRATIONS, broken])).rejects.toThrow(/division by zero/);

    expect((await versions(db.pool)).map((v) => v.version)).toEqual(MIGRATIONS.map((m) => m.version));
    expect((await columns(db.pool)).some((c) => c.column_name === 'note')).toBe(false);
    const fixed = { ...broken, sql: (s: string) => `ALTER TABLE ${s}.events ADD COLUMN note text;` };
    expect(await migrateEventStore(db.pool, 'es', [...MIGRATIONS, fixed])).toEqual([next]);
  });

  it('refuses a store migrated by a newer version, and an unversioned store that lacks the release schema', async () => {
    const newer = await database('migrate_newer');
    await migrateEventStore(newer.pool, 'es');
    await newer.pool.query(`INSERT INTO es.schema_migrations (version, name) VALUES (99, 'from the future')`);
    await expect(PostgresEventStore.open({ connectionString: newer.url })).rejects.toThrow(/migrations this version does not know \(99\)/);

    const partial = await database('migrate_partial');
    await partial.pool.query(`CREATE SCHEMA es; CREATE TABLE es.events (position bigint PRIMARY KEY)`);
    await expect(migrateEventStore(partial.pool, 'es')).rejects.toThrow(/missing: events\.hash, head\.hash/);
    expect((await partial.pool.query(`SELECT to_regclass('es.schema_migrations') AS t`)).rows).toEqual([{ t: null }]);
  });
});
