import { newId, type NewEvent } from '@regie/es-core';
import { testDatabase } from '@regie/test-kit';
import { PostgresEventStore } from './postgres-event-store';
import { chainHash } from './hash-chain';
import { toRecorded } from './rows';
import { verifyChain } from './verify-chain';
import { chainStatus } from './chain-status';

const CHAIN_KEY = Buffer.alloc(32, 7);

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
    const report = await verifyChain(store.sqlPool, { key: CHAIN_KEY });
    expect(report).toMatchObject({ ok: true, events: 12, problems: [] });
    expect((await sql(`SELECT position FROM es.chain_checkpoints`)).rows).toEqual([{ position: '12' }]);
  });

  it('reports the first broken link when a row is altered directly in the database', async () => {
    await fresh();
    await sql(`UPDATE es.events SET data = jsonb_set(data, '{title}', '"vervalst"') WHERE position = 5`);
    const report = await verifyChain(store.sqlPool, { key: CHAIN_KEY });
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([expect.objectContaining({ position: 5, kind: 'hash-mismatch' })]);
  });

  it('detects a deleted row and a reordering', async () => {
    await fresh();
    await sql(`DELETE FROM es.events WHERE position = 7`);
    expect((await verifyChain(store.sqlPool, { key: CHAIN_KEY })).problems).toEqual([
      expect.objectContaining({ position: 7, kind: 'gap' }),
    ]);
    await store.close();
    await db.drop();

    await fresh();
    await sql(`UPDATE es.events SET position = -3 WHERE position = 3`);
    await sql(`UPDATE es.events SET position = 3 WHERE position = 4`);
    await sql(`UPDATE es.events SET position = 4 WHERE position = -3`);
    expect((await verifyChain(store.sqlPool, { key: CHAIN_KEY })).problems).toEqual([
      expect.objectContaining({ position: 3, kind: 'hash-mismatch' }),
    ]);
  });

  it('detects a whole chain rewritten consistently after a verified checkpoint', async () => {
    await fresh();
    await verifyChain(store.sqlPool, { key: CHAIN_KEY }); // checkpoint at 12
    await sql(`UPDATE es.events SET data = jsonb_set(data, '{title}', '"herschreven"') WHERE position = 2`);
    await sql(`UPDATE es.events SET hash = NULL`); // an attacker recomputes every hash...
    await store.close();
    store = await PostgresEventStore.open({ connectionString: db.url }); // ...e.g. with the backfill
    // The first altered event is named, not the checkpoint that no longer matches.
    expect((await verifyChain(store.sqlPool, { key: CHAIN_KEY })).problems).toEqual([
      expect.objectContaining({ position: 2, kind: 'seal-mismatch' }),
    ]);
  });

  it('refuses to open a store where some events lost their hash, rather than re-hash altered content', async () => {
    await fresh();
    await sql(`UPDATE es.events SET data = jsonb_set(data, '{title}', '"vervalst"'), hash = NULL WHERE position = 4`);
    await expect(PostgresEventStore.open({ connectionString: db.url })).rejects.toThrow(/no chain hash/);
  });

  it('keeps the chain across later appends, so verification stays green', async () => {
    await fresh();
    await verifyChain(store.sqlPool, { key: CHAIN_KEY });
    await store.append('milestone-0', [event(99)], 2);
    expect(await verifyChain(store.sqlPool, { key: CHAIN_KEY })).toMatchObject({ ok: true, events: 13 });
  });

  it('tells the last signed checkpoint without walking the chain: none yet, signed, its moment moved by a re-check, a forged one not trusted', async () => {
    await fresh();
    expect(await chainStatus(store.sqlPool, { key: CHAIN_KEY })).toEqual({ checkpoint: null, head: 12 });
    await verifyChain(store.sqlPool, { key: CHAIN_KEY, now: new Date('2026-12-05T13:03:00Z') });
    await store.append('milestone-9', [event(99)], 'no_stream');
    expect(await chainStatus(store.sqlPool, { key: CHAIN_KEY })).toEqual({
      checkpoint: { position: 12, hash: expect.stringMatching(/^[0-9a-f]{64}$/), verifiedAt: '2026-12-05T13:03:00.000Z', trusted: true },
      head: 13,
    });
    await verifyChain(store.sqlPool, { key: CHAIN_KEY, now: new Date('2026-12-06T08:00:00Z') });
    await verifyChain(store.sqlPool, { key: CHAIN_KEY, now: new Date('2026-12-06T09:00:00Z') });
    expect((await chainStatus(store.sqlPool, { key: CHAIN_KEY })).checkpoint).toMatchObject({
      position: 13,
      verifiedAt: '2026-12-06T09:00:00.000Z',
      trusted: true,
    });
    await sql(`UPDATE es.chain_checkpoints SET signature = $1 WHERE position = 13`, ['f'.repeat(64)]);
    expect((await chainStatus(store.sqlPool, { key: CHAIN_KEY })).checkpoint).toMatchObject({ position: 13, trusted: false });
    expect((await chainStatus(store.sqlPool, { key: Buffer.alloc(32, 8) })).checkpoint).toMatchObject({ trusted: false });
  });
});

/**
 * Someone who can write the database rewrites the history from position 50 on and recomputes every
 * hash after it, as the append function would have. Without the chain key they cannot make seals
 * or checkpoint signatures that match.
 */
describe('a consistent rewrite of the chain', () => {
  let db: Awaited<ReturnType<typeof testDatabase>>;
  let store: PostgresEventStore;
  const sql = (text: string, params: unknown[] = []) => store.sqlPool.query(text, params);
  const verify = (options: Partial<Parameters<typeof verifyChain>[1]> = {}) => verifyChain(store.sqlPool, { key: CHAIN_KEY, ...options });
  let original: { position: number; hash: string };

  beforeEach(async () => {
    db = await testDatabase('chain_rewrite');
    store = await PostgresEventStore.open({ connectionString: db.url });
    for (let s = 0; s < 40; s++)
      await store.append(
        `milestone-${s}`,
        [0, 1, 2, 3].map((i) => event(s * 4 + i)),
        'no_stream',
      );
    const report = await verify(); // seals 1..160 and signs a checkpoint at 160
    expect(report.ok).toBe(true);
    original = report.head;
    await store.append('milestone-late', [event(1000)], 'no_stream'); // 161: appended after the verification, not sealed yet
  });
  afterEach(async () => {
    await store.close();
    await db.drop();
  });

  /** Alters event 50 and recomputes the chain from there to the head, leaving nothing a hash check could see. */
  const rewriteFrom50 = async () => {
    await sql(`UPDATE es.events SET data = jsonb_set(data, '{title}', '"herschreven"') WHERE position = 50`);
    const rows = (await sql(`SELECT * FROM es.events WHERE position >= 49 ORDER BY position`)).rows;
    let previous = rows[0].hash;
    for (const row of rows.slice(1)) {
      previous = chainHash(previous, toRecorded(row));
      await sql(`UPDATE es.events SET hash = $1 WHERE position = $2`, [previous, row.position]);
    }
    await sql(`UPDATE es.head SET hash = $1`, [previous]);
  };

  it('names the first altered event when the checkpoints are deleted', async () => {
    await rewriteFrom50();
    await sql(`DELETE FROM es.chain_checkpoints`);
    const report = await verify();
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([
      { position: 50, kind: 'seal-mismatch', detail: expect.stringMatching(/gewijzigd nadat het verzegeld werd/) },
    ]);
  });

  it('names the first altered event, not the checkpoint, when the checkpoints are left', async () => {
    await rewriteFrom50();
    expect((await verify()).problems).toEqual([expect.objectContaining({ position: 50, kind: 'seal-mismatch' })]);
  });

  it('names the first altered event when the rewriter also removed its seals, from the signed checkpoint that now disagrees', async () => {
    await rewriteFrom50();
    await sql(`UPDATE es.events SET seal = NULL WHERE position >= 50`);
    expect((await verify()).problems).toEqual([
      {
        position: 50,
        kind: 'checkpoint-mismatch',
        detail: expect.stringMatching(/ijkpunt op positie 160 wijkt af.*vanaf positie 50 herschreven/),
      },
    ]);
  });

  it('refuses checkpoints the rewriter made without the key, and names where the unsealed history begins', async () => {
    await rewriteFrom50();
    await sql(`UPDATE es.events SET seal = NULL WHERE position >= 50`);
    const head = (await sql(`SELECT position, hash FROM es.head`)).rows[0];
    await sql(`DELETE FROM es.chain_checkpoints`);
    await sql(
      `INSERT INTO es.chain_checkpoints (position, hash, verified_at, signature, key_id) SELECT $1, $2, now(), $3, key_id FROM (SELECT 1) x, LATERAL (SELECT split_part(seal, ':', 1) AS key_id FROM es.events WHERE position = 1) k`,
      [head.position, head.hash, 'f'.repeat(64)],
    );
    expect((await verify()).problems).toEqual([
      { position: 50, kind: 'checkpoint-forged', detail: expect.stringMatching(/niet met de ketensleutel ondertekend/) },
    ]);
  });

  it('finds a rewrite that removed every seal and checkpoint only with an anchor kept elsewhere, naming the first altered event', async () => {
    await rewriteFrom50();
    await sql(`UPDATE es.events SET seal = NULL WHERE position >= 50`);
    await sql(`DELETE FROM es.chain_checkpoints`);
    const anchored = await verify({ anchor: original });
    expect(anchored.problems).toEqual([expect.objectContaining({ position: 50, kind: 'anchor-mismatch' })]);
    expect(await verify({ anchor: original })).toMatchObject({ ok: false }); // a failed verification seals nothing
  });

  it('detects events removed from the end by the signed checkpoint or the anchor beyond the head', async () => {
    await sql(`DELETE FROM es.events WHERE position > 150`);
    const last = (await sql(`SELECT hash FROM es.events WHERE position = 150`)).rows[0];
    await sql(`UPDATE es.head SET position = 150, hash = $1`, [last.hash]);
    expect((await verify()).problems).toEqual([expect.objectContaining({ position: 150, kind: 'truncated' })]);
    await sql(`DELETE FROM es.chain_checkpoints`);
    expect((await verify({ anchor: original })).problems).toEqual([expect.objectContaining({ position: 150, kind: 'truncated' })]);
  });

  it('accepts an intact chain against its anchor, and refuses to vouch with another key', async () => {
    expect(await verify({ anchor: original })).toMatchObject({ ok: true, events: 161 });
    const other = await verify({ key: Buffer.alloc(32, 8) });
    expect(other.ok).toBe(false);
    expect(other.problems).toEqual([
      expect.objectContaining({ position: 1, kind: 'seal-mismatch', detail: expect.stringMatching(/andere ketensleutel/) }),
    ]);
  });
});
