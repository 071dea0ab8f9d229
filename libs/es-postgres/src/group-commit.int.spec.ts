import { EventIdConflict, newId, type NewEvent, type RecordedEvent, WrongExpectedRevision } from '@regie/es-core';
import { testDatabase } from '@regie/test-kit';
import { PostgresEventStore } from './postgres-event-store';
import { verifyChain } from './verify-chain';

const CHAIN_KEY = Buffer.alloc(32, 7);

const event = (data: unknown = { n: 1 }): NewEvent => ({
  id: newId(),
  type: 'E',
  data,
  schemaVersion: 1,
  occurredAt: new Date('2026-03-01T10:00:00Z'),
  metadata: { actor: { userId: 't', role: 't' }, correlationId: newId(), causationId: newId() },
});

/**
 * Group commit: appends made at the same time in one process share one transaction, yet each is
 * checked and fails on its own, and the store keeps its promises (contiguous positions in commit
 * order, an intact hash chain).
 */
describe('PostgreSQL group commit', () => {
  let db: Awaited<ReturnType<typeof testDatabase>>;
  let store: PostgresEventStore;
  beforeEach(async () => {
    db = await testDatabase('es_group_commit');
    store = await PostgresEventStore.open({ connectionString: db.url });
  });
  afterEach(async () => {
    await store.close();
    await db.drop();
  });

  /** The first append goes alone; the ones made while it commits form the next group. */
  const grouped = async <T>(appends: (() => Promise<T>)[]) => {
    const before = store.groupCommitStats.groups;
    const outcomes = await Promise.allSettled([store.append(`lead-${newId()}`, [event()], 'no_stream'), ...appends.map((a) => a())]);
    return { outcomes: outcomes.slice(1), groups: store.groupCommitStats.groups - before };
  };

  it('commits appends made at once together, with contiguous positions and an intact chain', async () => {
    const { outcomes, groups } = await grouped(
      Array.from({ length: 30 }, (_, i) => () => store.append(`s-${i % 7}`, [event(), event()], 'any')),
    );
    expect(outcomes.every((o) => o.status === 'fulfilled')).toBe(true);
    expect(groups).toBeLessThanOrEqual(2); // the lead alone (unless a group was still finishing), then all the others
    const all = await store.readAll({ after: 0, limit: 1000 });
    expect(all.map((e) => e.position)).toEqual(Array.from({ length: 61 }, (_, i) => i + 1));
    // Within a stream, revisions follow the order in which the appends were made.
    const s0 = await store.readStream('s-0');
    expect(s0.map((e) => e.revision)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(await verifyChain(store.sqlPool, { key: CHAIN_KEY })).toMatchObject({ ok: true, events: 61 });
  });

  it('refuses a conflicting append alone: the others in its group are written', async () => {
    await store.append('taken', [event()], 'no_stream');
    const { outcomes, groups } = await grouped([
      () => store.append('fresh-1', [event()], 'no_stream'),
      () => store.append('taken', [event()], 'no_stream'), // conflict: the stream exists
      () => store.append('taken', [event()], 5), // conflict: revision is 0
      () => store.append('taken', [event()], 0), // fine
      () => store.append('taken', [event()], 0), // conflict: the one before moved it to 1
      () => store.append('fresh-2', [event(), event()], 'no_stream'),
    ]);
    expect(groups).toBeLessThanOrEqual(2); // the lead alone (unless a group was still finishing), then all the others
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled', 'rejected', 'fulfilled']);
    const reasons = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected').map((o) => o.reason);
    expect(reasons.every((r) => r instanceof WrongExpectedRevision)).toBe(true);
    expect(reasons.map((r: WrongExpectedRevision) => r.actual)).toEqual([0, 0, 1]);
    expect((outcomes[3] as PromiseFulfilledResult<unknown>).value).toMatchObject({ nextExpectedRevision: 1 });
    expect((await store.readStream('taken')).length).toBe(2);
    expect((await store.readStream('fresh-2')).length).toBe(2);
    expect(await verifyChain(store.sqlPool, { key: CHAIN_KEY })).toMatchObject({ ok: true });
  });

  it('fails an append PostgreSQL refuses on its own, and writes the rest of its group', async () => {
    const { outcomes } = await grouped([
      () => store.append('ok-1', [event()], 'no_stream'),
      () => store.append('bad', [event({ text: 'nul \u0000 byte' })], 'no_stream'), // jsonb refuses \u0000
      () => store.append('ok-2', [event()], 'no_stream'),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(await store.readStream('bad')).toEqual([]);
    const all = await store.readAll({ after: 0, limit: 100 });
    expect(all.map((e) => e.position)).toEqual([1, 2, 3]);
    expect(await verifyChain(store.sqlPool, { key: CHAIN_KEY })).toMatchObject({ ok: true, events: 3 });
  });

  it('answers a twin append made at the same moment with the first result, writing once', async () => {
    const batch = [event(), event()];
    const other = event();
    const { outcomes } = await grouped([
      () => store.append('twin', batch, 'no_stream'),
      () => store.append('twin', batch, 'no_stream'),
      () => store.append('elsewhere', [batch[0]], 'any'),
      () => store.append('twin', [batch[1], other], 'any'),
    ]);
    const [first, second] = outcomes as PromiseFulfilledResult<unknown>[];
    expect(second.value).toEqual(first.value);
    expect(outcomes[2]).toMatchObject({ status: 'rejected', reason: expect.any(EventIdConflict) });
    expect(outcomes[3]).toMatchObject({ status: 'rejected', reason: expect.any(EventIdConflict) });
    expect((await store.readStream('twin')).length).toBe(2);
  });

  it('keeps positions contiguous and the chain intact when two processes append to the same streams', async () => {
    const other = await PostgresEventStore.open({ connectionString: db.url });
    try {
      const writes = [store, other].flatMap((s, k) =>
        Array.from({ length: 40 }, (_, i) => s.append(`shared-${(i + k) % 5}`, [event(), event()], 'any')),
      );
      await Promise.all(writes);
      const all = await store.readAll({ after: 0, limit: 1000 });
      expect(all.map((e) => e.position)).toEqual(Array.from({ length: 160 }, (_, i) => i + 1));
      for (let k = 0; k < 5; k++) {
        const revisions = (await store.readStream(`shared-${k}`)).map((e) => e.revision);
        expect(revisions).toEqual(revisions.map((_, i) => i));
      }
      expect(await verifyChain(store.sqlPool, { key: CHAIN_KEY })).toMatchObject({ ok: true, events: 160 });
    } finally {
      await other.close();
    }
  });

  it("feeds its own subscriptions its recent appends from memory exactly as the table holds them, never skipping another process's", async () => {
    const other = await PostgresEventStore.open({ connectionString: db.url });
    try {
      const rich = { title: 'Mijlpaal – één', n: 1.5, nested: { b: [1, null, 'x'], a: true } };
      const seen: RecordedEvent[] = [];
      let reached!: () => void;
      const all = new Promise<void>((resolve) => (reached = resolve));
      const subscription = store.subscribeAll({ after: 0, batchSize: 100 }, async (batch) => {
        seen.push(...batch);
        if (seen.length >= 4) reached();
      });
      await store.append('mine', [event(rich), event()], 'no_stream'); // 1, 2: in this process's memory
      await other.append('theirs', [event()], 'no_stream'); // 3: not
      await store.append('mine', [event({ later: true })], 1); // 4
      await all;
      await subscription.stop();
      expect(seen.map((e) => e.position)).toEqual([1, 2, 3, 4]);
      expect(seen).toEqual(await other.readAll({ after: 0, limit: 100 })); // as the table holds them
      // readAll itself always reads the table: nothing another process committed is left out.
      expect((await store.readAll({ after: 0, limit: 100 })).map((e) => e.position)).toEqual([1, 2, 3, 4]);
    } finally {
      await other.close();
    }
  });

  it("reads none of its own appends from the table for its live subscriptions, though their NOTIFY may come before the append's answer", async () => {
    const tableReads = jest.spyOn(store, 'readAll');
    const seen = [0, 0, 0];
    const subscriptions = seen.map((_, i) =>
      store.subscribeAll({ after: 0 }, async (batch) => {
        await new Promise((r) => setTimeout(r, 1)); // a projection's work
        seen[i] += batch.length;
      }),
    );
    await new Promise((r) => setTimeout(r, 50)); // each has read the empty table once
    const before = tableReads.mock.calls.length;
    for (let i = 0; i < 60; i++) {
      await store.append(`s-${i % 5}`, [event()], 'any');
      await new Promise((r) => setTimeout(r, 3)); // as HTTP writes come: the NOTIFY arrives in between
    }
    await new Promise((r) => setTimeout(r, 100));
    await Promise.all(subscriptions.map((s) => s.stop()));
    expect(seen).toEqual([60, 60, 60]);
    expect(tableReads.mock.calls.length - before).toBe(0);
  });
});
