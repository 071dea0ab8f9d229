import type { DataSource } from 'typeorm';
import type { IntegrationBus, IntegrationMessage } from '@regie/es-core';
import { checksums, IdempotentConsumer } from '@regie/read-model';
import { testDatabase } from '@regie/test-kit';
import { MONITORING_CONSUMERS, monitoringContext } from '../monitoring.context';
import { applyAllToCommitments, applyToCommitments } from './commitments.consumer';

const id = (n: number) => `0196a4a2-7c1e-7000-8000-0000000002${String(n).padStart(2, '0')}`;
const sealed = {
  subject: '0b6f3f52-6c1e-4c8e-9a57-2f3ad1b0c0de',
  alg: 'A256GCM',
  iv: 'AAAAAAAAAAAAAAAA',
  ciphertext: 'q83v',
  tag: 'AAAAAAAAAAAAAAAAAAAAAA',
};
const due = (text: string, date: string | null) => ({ text, date });

let position = 0;
const message = (payload: { type: string; commitmentId: string } & Record<string, unknown>): IntegrationMessage => {
  position += 1;
  return {
    topic: 'regie.commitments.v1',
    key: `commitment-${payload.commitmentId}`,
    eventId: `0196a4a2-7c1e-7000-9000-${String(position).padStart(12, '0')}`,
    type: payload.type,
    payload,
    position,
    occurredAt: new Date(Date.UTC(2026, 0, 5) + position * 3_600_000).toISOString(),
  };
};
const registered = (n: number, d: ReturnType<typeof due>, v1 = false) =>
  message({
    type: v1 ? 'CommitmentRegisteredV1' : 'CommitmentRegisteredV2',
    commitmentId: id(n),
    text: `Voorbeeld: toezegging ${n}`,
    madeBy: v1 ? 'Minister voor LZS' : { text: 'Minister ({0})', persons: [sealed] },
    madeAt: { date: '2025-11-20', source: 'Kamerstuk 25 424' },
    due: d,
    actionCodes: n % 2 ? ['2.1'] : ['1.1', '3.2'],
    externalRef: n === 1 ? { system: 'tweede-kamer', id: 'tk-1', nummer: 'TZ-1' } : null,
  });

/**
 * Toezeggingen as the commitments topic carries them: registrations V1 (plain madeBy) and V2
 * (sealed), every event type, updates at the source that lift an overdue state or keep it, and a
 * registration delivered again (another event id) after its commitment changed: it starts over.
 */
function messages(): IntegrationMessage[] {
  position = 0;
  return [
    registered(1, due('voor de zomer 2026', '2026-06-30'), true),
    registered(2, due('Q1 2026', '2026-03-31')),
    message({
      type: 'CommitmentDueSoonV1',
      commitmentId: id(1),
      dueDate: '2026-06-30',
      text: 'Voorbeeld: toezegging 1',
      actionCodes: ['2.1'],
    }),
    registered(3, due('onbekend', null)),
    message({ type: 'CommitmentBecameOverdueV1', commitmentId: id(1), dueDate: '2026-06-30' }),
    message({ type: 'CommitmentBecameOverdueV1', commitmentId: id(2), dueDate: '2026-03-31' }),
    registered(4, due('najaar 2026', '2026-11-30')),
    message({
      type: 'CommitmentUpdatedV1',
      commitmentId: id(1),
      text: 'Voorbeeld: toezegging 1, herzien',
      previousDue: due('voor de zomer 2026', '2026-06-30'),
      due: due('najaar 2026', '2026-11-30'),
    }),
    message({
      type: 'CommitmentUpdatedV1',
      commitmentId: id(2),
      text: 'Voorbeeld: toezegging 2, herzien',
      previousDue: due('Q1 2026', '2026-03-31'),
      due: due('eerste kwartaal 2026', '2026-03-31'),
    }),
    message({
      type: 'CommitmentPostponedV1',
      commitmentId: id(3),
      previousDue: due('onbekend', null),
      due: due('Q3 2026', '2026-09-30'),
      reason: 'later',
    }),
    message({
      type: 'CommitmentPostponedV1',
      commitmentId: id(4),
      previousDue: due('najaar 2026', '2026-11-30'),
      due: due('eind 2026', '2026-12-31'),
      reason: 'wetgeving',
    }),
    message({
      type: 'CommitmentPostponedV1',
      commitmentId: id(1),
      previousDue: due('najaar 2026', '2026-11-30'),
      due: due('eind 2026', '2026-12-31'),
      reason: 'nog eens',
    }),
    message({
      type: 'CommitmentPostponedV1',
      commitmentId: id(3),
      previousDue: due('Q3 2026', '2026-09-30'),
      due: due('Q4 2026', '2026-12-31'),
      reason: 'weer later',
    }),
    registered(4, due('najaar 2026', '2026-11-30')),
    message({
      type: 'CommitmentFulfilledV1',
      commitmentId: id(1),
      document: { kenmerk: '2026-0000123', title: 'Kamerbrief', date: '2026-10-01' },
    }),
    message({ type: 'CommitmentWithdrawnV1', commitmentId: id(2), reason: 'vervallen' }),
    message({ type: 'CommitmentBecameOverdueV1', commitmentId: id(3), dueDate: '2026-12-31' }),
    message({
      type: 'CommitmentDueSoonV1',
      commitmentId: id(4),
      dueDate: '2026-11-30',
      text: 'Voorbeeld: toezegging 4',
      actionCodes: ['1.1', '3.2'],
    }),
  ];
}

/**
 * The batch path (RowSet: one read, one multi-row write each of inserts and updates) gives the
 * toezeggingen table the one-message-at-a-time path gives: the whole topic as one batch, and in
 * small batches (rows of earlier batches read back, changed and written in one UPDATE).
 */
describe('monitoring.commitments: a batch of messages writes what one message at a time writes', () => {
  let db: Awaited<ReturnType<typeof testDatabase>>;
  const sources: DataSource[] = [];
  const open = async (schema: string) => {
    const ds = await monitoringContext.definition(db.url).openDataSource(schema);
    sources.push(ds);
    return ds;
  };

  beforeAll(async () => {
    db = await testDatabase('monitoring_commitments');
  });
  afterAll(async () => {
    await Promise.all(sources.map((ds) => ds.destroy()));
    await db.drop();
  });

  it('gives the same table one by one, as one batch and in batches of three', async () => {
    const all = messages();
    const single = await open('one_by_one');
    for (const m of all) await single.transaction((em) => applyToCommitments(m, em));
    const whole = await open('one_batch');
    await whole.transaction((em) => applyAllToCommitments(all, em));
    const chunked = await open('batches_of_three');
    for (let i = 0; i < all.length; i += 3) await chunked.transaction((em) => applyAllToCommitments(all.slice(i, i + 3), em));

    const expected = await checksums(single, 'one_by_one');
    expect(expected).toContainEqual(expect.objectContaining({ table: 'commitment', rows: 4 }));
    expect(await checksums(whole, 'one_batch')).toEqual(expected);
    expect(await checksums(chunked, 'batches_of_three')).toEqual(expected);

    // What the topic comes to (so that the comparison is one of rows worth having).
    const rows = await single.query(
      `SELECT id, text, made_by->>'text' AS made_by, status, due_date::text, postponements, overdue_since::text, sources FROM one_by_one.commitment ORDER BY id`,
    );
    expect(rows).toEqual([
      {
        id: id(1),
        text: 'Voorbeeld: toezegging 1, herzien',
        made_by: 'Minister voor LZS',
        status: 'fulfilled',
        due_date: '2026-12-31',
        postponements: 1,
        overdue_since: null,
        sources: [1, 3, 5, 8, 12, 15],
      },
      {
        id: id(2),
        text: 'Voorbeeld: toezegging 2, herzien',
        made_by: 'Minister ({0})',
        status: 'withdrawn',
        due_date: '2026-03-31',
        postponements: 0,
        overdue_since: null,
        sources: [2, 6, 9, 16],
      },
      {
        id: id(3),
        text: 'Voorbeeld: toezegging 3',
        made_by: 'Minister ({0})',
        status: 'overdue',
        due_date: '2026-12-31',
        postponements: 2,
        overdue_since: '2026-12-31',
        sources: [4, 10, 13, 17],
      },
      {
        id: id(4),
        text: 'Voorbeeld: toezegging 4',
        made_by: 'Minister ({0})',
        status: 'open',
        due_date: '2026-11-30',
        postponements: 0,
        overdue_since: null,
        sources: [14, 18],
      },
    ]);
  });

  it('refuses an event for a toezegging never registered, alone and in a batch; the consumer then applies the batch message by message', async () => {
    const ds = await open('unregistered');
    const [first, second] = messages();
    const orphan = message({ type: 'CommitmentWithdrawnV1', commitmentId: id(9), reason: 'onbekend' });
    await expect(ds.transaction((em) => applyToCommitments(orphan, em))).rejects.toThrow(
      `toezegging ${id(9)}: CommitmentWithdrawnV1 vóór CommitmentRegisteredV1`,
    );
    await expect(ds.transaction((em) => applyAllToCommitments([first, orphan, second], em))).rejects.toThrow(/vóór CommitmentRegisteredV1/);
    expect(await ds.query(`SELECT count(*)::int AS n FROM unregistered.commitment`)).toEqual([{ n: 0 }]);

    const definition = MONITORING_CONSUMERS.find((c) => c.name === 'monitoring.commitments')!;
    expect(definition.handleBatch).toBe(applyAllToCommitments);
    const consumer = new IdempotentConsumer({ ...definition, bus: {} as IntegrationBus, dataSource: ds });
    await expect(consumer.applyAll([first, orphan, second])).rejects.toThrow(/vóór CommitmentRegisteredV1/);
    // The batch failed as a whole; one by one, the message before the orphan is applied and kept.
    expect(await ds.query(`SELECT id FROM unregistered.commitment`)).toEqual([{ id: id(1) }]);
  });
});
