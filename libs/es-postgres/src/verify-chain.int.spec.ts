import { newId, type NewEvent } from '@regie/es-core';
import { testDatabase } from '@regie/test-kit';
import { PostgresEventStore } from './postgres-event-store';
import { verifyChain } from './verify-chain';

const event = (n: number): NewEvent => ({
  id: newId(),
  type: 'MilestonePlanned',
  data: { n, title: `Mijlpaal ${n}` },
  schemaVersion: 1,
  occurredAt: new Date('2026-03-01T10:00:00Z'),
  metadata: { actor: { userId: 'coordinator', role: 'coordinator' }, correlationId: newId(), causationId: newId() },
});

describe('hash chain verification on PostgreSQL', () => {
  let db: Awaited<ReturnType<typeof testDatabase>>;
  let store: PostgresEventStore;
  const fresh = async () => {
    db = await testDatabase('verify_chain');
    store = await PostgresEventStore.open({ connectionString: db.url });
    for (let s = 0; s < 4; s++) await store.append(`milestone-${s}`, [event(s * 3), event(s * 3 + 1), event(s * 3 + 2)], 'no_stream');
  };
  afterEach(async () => {
    await store.close();
    await db.drop();
  });
  const sql = (text: string, params: unknown[] = []) => store.sqlPool.query(text, params);

  it('verifies an intact history and records its head as a checkpoint', async () => {
    await fresh();
    const report = await verifyChain(store.sqlPool);
    expect(report).toMatchObject({ ok: true, events: 12, problems: [] });
    expect((await sql(`SELECT position FROM es.chain_checkpoints`)).rows).toEqual([{ position: '12' }]);
  });

  it('reports the first broken link when a row is altered directly in the database', async () => {
    await fresh();
    await sql(`UPDATE es.events SET data = jsonb_set(data, '{title}', '"vervalst"') WHERE position = 5`);
    const report = await verifyChain(store.sqlPool);
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([expect.objectContaining({ position: 5, kind: 'hash-mismatch' })]);
  });

  it('detects a deleted row and a reordering', async () => {
    await fresh();
    await sql(`DELETE FROM es.events WHERE position = 7`);
    expect((await verifyChain(store.sqlPool)).problems).toEqual([expect.objectContaining({ position: 7, kind: 'gap' })]);
    await store.close();
    await db.drop();

    await fresh();
    await sql(`UPDATE es.events SET position = -3 WHERE position = 3`);
    await sql(`UPDATE es.events SET position = 3 WHERE position = 4`);
    await sql(`UPDATE es.events SET position = 4 WHERE position = -3`);
    expect((await verifyChain(store.sqlPool)).problems).toEqual([expect.objectContaining({ position: 3, kind: 'hash-mismatch' })]);
  });

  it('detects a whole chain rewritten consistently after a verified checkpoint', async () => {
    await fresh();
    await verifyChain(store.sqlPool); // checkpoint at 12
    await sql(`UPDATE es.events SET data = jsonb_set(data, '{title}', '"herschreven"') WHERE position = 2`);
    await sql(`UPDATE es.events SET hash = NULL`); // an attacker recomputes every hash...
    await store.close();
    store = await PostgresEventStore.open({ connectionString: db.url }); // ...e.g. with the backfill
    expect((await verifyChain(store.sqlPool)).problems).toEqual([expect.objectContaining({ position: 12, kind: 'checkpoint-mismatch' })]);
  });

  it('refuses to open a store where some events lost their hash, rather than re-hash altered content', async () => {
    await fresh();
    await sql(`UPDATE es.events SET data = jsonb_set(data, '{title}', '"vervalst"'), hash = NULL WHERE position = 4`);
    await expect(PostgresEventStore.open({ connectionString: db.url })).rejects.toThrow(/no chain hash/);
  });

  it('keeps the chain across later appends, so verification stays green', async () => {
    await fresh();
    await verifyChain(store.sqlPool);
    await store.append('milestone-0', [event(99)], 2);
    expect(await verifyChain(store.sqlPool)).toMatchObject({ ok: true, events: 13 });
  });
});
