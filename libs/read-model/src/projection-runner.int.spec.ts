import { EntitySchema, type EntityManager, type MigrationInterface, type QueryRunner } from 'typeorm';
import { newId, type NewEvent, type RecordedEvent } from '@regie/es-core';
import { PostgresEventStore } from '@regie/es-postgres';
import { testDatabase } from '@regie/test-kit';
import { openReadModelDataSource, schemaOf } from './data-source';
import type { Projection } from './projection';
import { ProjectionRunner } from './projection-runner';
import { checksums, rebuildAllInto, rebuildInto, swapIn } from './rebuild';

interface Tally {
  stream: string;
  n: number;
}
const TallyRow = new EntitySchema<Tally>({ name: 'tally', columns: { stream: { type: 'text', primary: true }, n: { type: 'int' } } });

class CreateTally1700000000000 implements MigrationInterface {
  async up(runner: QueryRunner) {
    await runner.query(`CREATE TABLE ${schemaOf(runner)}.tally (stream text PRIMARY KEY, n int NOT NULL)`);
  }
  async down() {}
}

/** Counts events per stream; counting (not upserting) makes a double application visible. */
class TallyProjection implements Projection {
  readonly name = 'tally';
  failOn?: string;
  async apply(event: RecordedEvent, em: EntityManager) {
    if (event.id === this.failOn) throw new Error('projection bug');
    await em.query(
      `INSERT INTO "${(em.connection.options as { schema?: string }).schema}".tally (stream, n) VALUES ($1, 1) ON CONFLICT (stream) DO UPDATE SET n = tally.n + 1`,
      [event.streamId],
    );
  }
}

const event = (): NewEvent => ({
  id: newId(),
  type: 'Counted',
  data: {},
  schemaVersion: 1,
  occurredAt: new Date(),
  metadata: { actor: { userId: 't', role: 'test' }, correlationId: newId(), causationId: newId() },
});

describe('projection runner', () => {
  let db: Awaited<ReturnType<typeof testDatabase>>;
  let store: PostgresEventStore;
  const open = (schema: string) =>
    openReadModelDataSource({ url: db.url, schema, entities: [TallyRow], migrations: [CreateTally1700000000000] });

  beforeAll(async () => {
    db = await testDatabase('projection_runner');
    store = await PostgresEventStore.open({ connectionString: db.url });
    for (const s of ['a', 'b', 'c']) await store.append(`s-${s}`, Array.from({ length: 10 }, event), 'no_stream');
  });
  afterAll(async () => {
    await store.close();
    await db.drop();
  });

  it('rolls back a failing batch together with its checkpoint, and resumes exactly once after the fix', async () => {
    const ds = await open('crash');
    const projection = new TallyProjection();
    const [, , third] = await store.readAll({ after: 0, limit: 3 });
    projection.failOn = third.id;
    const runner = new ProjectionRunner({ name: 'tally', store, dataSource: ds, projections: [projection], batchSize: 5 });
    await expect(runner.catchUp()).rejects.toThrow('projection bug');
    expect(await ds.query(`SELECT * FROM crash.tally`)).toEqual([]);
    expect(await ds.query(`SELECT position FROM crash.projection_checkpoints`)).toEqual([]);

    projection.failOn = undefined;
    const restarted = new ProjectionRunner({ name: 'tally', store, dataSource: ds, projections: [projection], batchSize: 5 });
    expect(await restarted.catchUp()).toBe(30);
    expect(await ds.query(`SELECT stream, n FROM crash.tally ORDER BY stream`)).toEqual([
      { stream: 's-a', n: 10 },
      { stream: 's-b', n: 10 },
      { stream: 's-c', n: 10 },
    ]);
    await ds.destroy();
  });

  it('never applies an event twice when two runners race on the same checkpoint', async () => {
    const ds = await open('race');
    const runners = [1, 2].map(
      () => new ProjectionRunner({ name: 'tally', store, dataSource: ds, projections: [new TallyProjection()], batchSize: 3 }),
    );
    await Promise.allSettled(runners.map((r) => r.catchUp()));
    await new ProjectionRunner({ name: 'tally', store, dataSource: ds, projections: [new TallyProjection()] }).catchUp();
    const [{ total }] = await ds.query(`SELECT sum(n)::int AS total FROM race.tally`);
    expect(total).toBe(30);
    await ds.destroy();
  });

  it('goes live: a subscribed runner applies new appends and reports when it has caught up', async () => {
    const ds = await open('live');
    const runner = new ProjectionRunner({ name: 'tally', store, dataSource: ds, projections: [new TallyProjection()] });
    await runner.start();
    const { lastPosition } = await store.append('s-live', [event(), event()], 'no_stream');
    expect(await runner.waitFor(lastPosition, 5000)).toBe(true);
    expect(await ds.query(`SELECT n FROM live.tally WHERE stream = 's-live'`)).toEqual([{ n: 2 }]);
    await runner.stop();
    await ds.destroy();
  });

  it('passes over events no projection handles without a transaction, storing the checkpoint shortly after', async () => {
    const ds = await open('skip');
    const tallyOnly = Object.assign(new TallyProjection(), { handles: (e: RecordedEvent) => e.type === 'Counted' });
    const runner = new ProjectionRunner({ name: 'tally', store, dataSource: ds, projections: [tallyOnly], lazyCheckpointMs: 50 });
    await runner.start();
    const checkpoint = async () => Number((await ds.query(`SELECT position FROM skip.projection_checkpoints`))[0]?.position ?? 0);
    await runner.waitFor(await store.headPosition(), 5000);
    const before = await checkpoint();
    const other = { ...event(), type: 'SomethingElse' };
    const { lastPosition } = await store.append(`s-other-${newId()}`, [other], 'no_stream');
    expect(await runner.waitFor(lastPosition, 5000)).toBe(true); // read-your-writes does not wait for the lazy checkpoint
    await new Promise((r) => setTimeout(r, 300));
    expect(await checkpoint()).toBe(lastPosition);
    expect(before).toBeLessThan(lastPosition);
    // A handled event after passed-over ones: applied once, the checkpoint moved in its transaction.
    const { lastPosition: counted } = await store.append('s-after-skip', [event()], 'no_stream');
    const { lastPosition: skipped } = await store.append(`s-other-${newId()}`, [{ ...event(), type: 'SomethingElse' }], 'no_stream');
    await runner.waitFor(skipped, 5000);
    await runner.stop(); // stores the checkpoint of what it passed over
    expect(await checkpoint()).toBe(skipped);
    expect(counted).toBeLessThan(skipped);
    expect(await ds.query(`SELECT n FROM skip.tally WHERE stream = 's-after-skip'`)).toEqual([{ n: 1 }]);
    expect(await ds.query(`SELECT count(*)::int AS n FROM skip.tally WHERE stream LIKE 's-other-%'`)).toEqual([{ n: 0 }]);
    await ds.destroy();
  });

  it('gives a projection only the events it handles, also inside a batch it applies', async () => {
    const ds = await open('mixed');
    const tallyOnly = Object.assign(new TallyProjection(), { handles: (e: RecordedEvent) => e.type === 'Counted' });
    await store.append('s-mixed', [event(), { ...event(), type: 'SomethingElse' }, event()], 'no_stream');
    await new ProjectionRunner({ name: 'tally', store, dataSource: ds, projections: [tallyOnly] }).catchUp();
    expect(await ds.query(`SELECT n FROM mixed.tally WHERE stream = 's-mixed'`)).toEqual([{ n: 2 }]);
    await ds.destroy();
  });

  it('rebuilds from position 0 into fresh tables equal to the live ones, then swaps them in', async () => {
    const live = await open('tallies');
    await new ProjectionRunner({ name: 'tally', store, dataSource: live, projections: [new TallyProjection()] }).catchUp();
    const rebuilt = await rebuildInto(
      store,
      { name: 'tally', schema: 'tallies', projections: [new TallyProjection()], openDataSource: open },
      { fresh: true },
    );
    expect(rebuilt.schema).toBe('tallies__rebuild');
    expect(await checksums(rebuilt.dataSource, rebuilt.schema)).toEqual(await checksums(live, 'tallies'));

    await live.query(`UPDATE tallies.tally SET n = 99 WHERE stream = 's-a'`); // a damaged live read model
    expect(await checksums(rebuilt.dataSource, rebuilt.schema)).not.toEqual(await checksums(live, 'tallies'));
    await live.query(`INSERT INTO tallies.projection_checkpoints (name, position) VALUES ('tally-relay', 30)`);
    await swapIn(live, 'tallies', rebuilt.schema);
    expect(await live.query(`SELECT n FROM tallies.tally WHERE stream = 's-a'`)).toEqual([{ n: 10 }]);
    // other checkpoints in the schema (a relay's) survive the swap
    const checkpoints = await live.query(`SELECT name, position FROM tallies.projection_checkpoints ORDER BY name`);
    expect(checkpoints.map((c: { name: string }) => c.name)).toEqual(['tally', 'tally-relay']);
    expect(checkpoints[1].position).toBe('30');
    await rebuilt.dataSource.destroy();
    await live.destroy();
  });
  it('rebuilds several read models in one pass, each from its own checkpoint', async () => {
    const model = (schema: string) => ({ name: 'tally', schema, projections: [new TallyProjection()], openDataSource: open });
    const first = await rebuildInto(store, model('one_pass_a'), { fresh: true }); // a is already complete
    await first.dataSource.destroy();
    const all = await rebuildAllInto(store, [model('one_pass_a'), model('one_pass_b')]);
    expect(all.position).toBe(await store.headPosition());
    const [a, b] = all.rebuilt;
    const sum = async (r: typeof a) => (await r.dataSource.query(`SELECT sum(n)::int AS n FROM ${r.schema}.tally`))[0].n;
    expect(await sum(a)).toBe(await sum(b)); // a applied nothing twice
    expect(await checksums(a.dataSource, a.schema)).toEqual(await checksums(b.dataSource, b.schema));
    for (const r of all.rebuilt) await r.dataSource.destroy();
  });
});

describe('projection runner with several instances', () => {
  let db: Awaited<ReturnType<typeof testDatabase>>;
  let store: PostgresEventStore;
  beforeAll(async () => {
    db = await testDatabase('projection_leader');
    store = await PostgresEventStore.open({ connectionString: db.url });
  });
  afterAll(async () => {
    await store.close();
    await db.drop();
  });

  it('runs each projection on exactly one instance; a standby follows the checkpoint and takes over when the runner stops', async () => {
    // Two instances starting at once also migrate the same schema at once.
    const [dsA, dsB] = await Promise.all(
      [1, 2].map(() =>
        openReadModelDataSource({ url: db.url, schema: 'shared_rm', entities: [TallyRow], migrations: [CreateTally1700000000000] }),
      ),
    );
    const runner = (ds: typeof dsA) =>
      new ProjectionRunner({ name: 'tally', store, dataSource: ds, projections: [new TallyProjection()], standbyIntervalMs: 100 });
    const first = runner(dsA);
    const second = runner(dsB);
    await first.start();
    await second.start();
    expect([first.isLeader, second.isLeader]).toEqual([true, false]);

    const { lastPosition } = await store.append('s-1', [event(), event()], 'no_stream');
    expect(await second.waitFor(lastPosition, 5000)).toBe(true); // the standby sees the runner's progress

    await first.stop();
    const { lastPosition: later } = await store.append('s-1', [event()], 1);
    expect(await second.waitFor(later, 5000)).toBe(true);
    expect(second.isLeader).toBe(true);
    expect(await dsB.query(`SELECT n FROM shared_rm.tally WHERE stream = 's-1'`)).toEqual([{ n: 3 }]);
    await second.stop();
    await dsA.destroy();
    await dsB.destroy();
  });
});
