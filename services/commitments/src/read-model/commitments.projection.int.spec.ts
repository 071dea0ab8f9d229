import type { DataSource } from 'typeorm';
import type { RecordedEvent } from '@regie/es-core';
import { checksums } from '@regie/read-model';
import { testDatabase } from '@regie/test-kit';
import type { CommitmentEvent } from '../commitment/commitment';
import { commitmentsContext } from '../commitments.context';
import { CommitmentsProjection } from './commitments.projection';

const id = (n: number) => `0196a4a2-7c1e-7000-8000-0000000001${String(n).padStart(2, '0')}`;
const sealed = {
  subject: '0b6f3f52-6c1e-4c8e-9a57-2f3ad1b0c0de',
  alg: 'A256GCM',
  iv: 'AAAAAAAAAAAAAAAA',
  ciphertext: 'q83v',
  tag: 'AAAAAAAAAAAAAAAAAAAAAA',
};
const tk = (nummer: string, changedAt: string | null) => ({ system: 'tweede-kamer' as const, id: `tk-${nummer}`, nummer, changedAt });

/**
 * A realistic history of five toezeggingen, interleaved as the store holds them: every event type,
 * updates at the source that lift an overdue state or not, rows with and without a Tweede Kamer
 * reference or due date, an event for a commitment that was never registered (changes nothing) and
 * an event of another context sharing the store (passed over).
 */
function history(): RecordedEvent[] {
  const revisions = new Map<string, number>();
  let position = 0;
  const event = (commitment: number, e: CommitmentEvent | { type: string; data: object }, actor = 'coordinator'): RecordedEvent => {
    const streamId = `commitment-${id(commitment)}`;
    const revision = revisions.get(streamId) ?? 0;
    revisions.set(streamId, revision + 1);
    position += 1;
    const at = new Date(Date.UTC(2026, 0, 5, 9, 0, 0, 0) + position * 3_600_123);
    return {
      ...e,
      id: `0196a4a2-7c1e-7000-9000-${String(position).padStart(12, '0')}`,
      schemaVersion: 1,
      occurredAt: at,
      recordedAt: at,
      metadata: { actor: { userId: actor } as never, correlationId: 'c', causationId: 'c' },
      streamId,
      revision,
      position,
    } as RecordedEvent;
  };
  const registered = (
    n: number,
    due: { text: string; date: string | null },
    externalRef: ReturnType<typeof tk> | null,
    madeBy = { text: 'Minister voor LZS', persons: [] as object[] },
  ) =>
    event(n, {
      type: 'CommitmentRegistered',
      data: {
        commitmentId: id(n),
        text: `Voorbeeld: toezegging ${n}`,
        madeBy: madeBy as never,
        madeAt: { date: '2025-11-20', source: `Kamerstuk 25 424, nr. ${700 + n}` },
        due,
        actionCodes: n % 2 ? ['2.1'] : ['1.1', '3.2'],
        externalRef,
      },
    });
  const due = (text: string, date: string | null) => ({ text, date });
  return [
    registered(1, due('voor de zomer 2026', '2026-06-30'), tk('TZ-1', '2025-11-21T10:00:00Z'), {
      text: 'Minister ({0})',
      persons: [sealed],
    }),
    registered(2, due('onbekend', null), null),
    event(
      1,
      {
        type: 'CommitmentDueSoon',
        data: { commitmentId: id(1), dueDate: '2026-06-30', lookaheadDays: 14, text: 'Voorbeeld: toezegging 1', actionCodes: ['2.1'] },
      },
      'system',
    ),
    registered(3, due('Q1 2026', '2026-03-31'), tk('TZ-3', null)),
    event(2, {
      type: 'CommitmentUpdated',
      data: {
        commitmentId: id(2),
        text: 'Voorbeeld: toezegging 2, herzien',
        previousDue: due('onbekend', null),
        due: due('eind 2026', '2026-12-31'),
        sourceChangedAt: null,
      },
    }),
    event(1, { type: 'CommitmentBecameOverdue', data: { commitmentId: id(1), dueDate: '2026-06-30' } }, 'system'),
    event(9, {
      type: 'CommitmentPostponed',
      data: {
        commitmentId: id(9),
        previousDue: due('Q1 2026', '2026-03-31'),
        due: due('Q2 2026', '2026-06-30'),
        reason: 'nooit geregistreerd',
        source: null,
      },
    }),
    { ...event(99, { type: 'ActionDefined', data: { code: '9.9' } }), streamId: 'action-9.9' },
    registered(4, due('najaar 2026', '2026-11-30'), null),
    event(3, { type: 'CommitmentBecameOverdue', data: { commitmentId: id(3), dueDate: '2026-03-31' } }, 'system'),
    event(1, {
      type: 'CommitmentUpdated',
      data: {
        commitmentId: id(1),
        text: 'Voorbeeld: toezegging 1',
        previousDue: due('voor de zomer 2026', '2026-06-30'),
        due: due('najaar 2026', '2026-11-30'),
        sourceChangedAt: '2026-07-02T08:00:00Z',
      },
    }),
    event(3, {
      type: 'CommitmentUpdated',
      data: {
        commitmentId: id(3),
        text: 'Voorbeeld: toezegging 3, andere tekst',
        previousDue: due('Q1 2026', '2026-03-31'),
        due: due('eerste kwartaal 2026', '2026-03-31'),
        sourceChangedAt: null,
      },
    }),
    event(4, {
      type: 'CommitmentPostponed',
      data: {
        commitmentId: id(4),
        previousDue: due('najaar 2026', '2026-11-30'),
        due: due('eind 2026', '2026-12-31'),
        reason: 'wetgeving loopt uit',
        source: 'Kamerbrief',
      },
    }),
    registered(5, due('2026-04-15', '2026-04-15'), tk('TZ-5', '2025-12-01T00:00:00Z')),
    event(3, {
      type: 'CommitmentPostponed',
      data: {
        commitmentId: id(3),
        previousDue: due('eerste kwartaal 2026', '2026-03-31'),
        due: due('Q3 2026', '2026-09-30'),
        reason: 'later',
        source: null,
      },
    }),
    event(1, {
      type: 'CommitmentFulfilled',
      data: { commitmentId: id(1), document: { kenmerk: '2026-0000123', title: 'Kamerbrief over de pilots', date: '2026-10-01' } },
    }),
    event(4, {
      type: 'CommitmentPostponed',
      data: {
        commitmentId: id(4),
        previousDue: due('eind 2026', '2026-12-31'),
        due: due('Q1 2027', '2027-03-31'),
        reason: 'nog eens',
        source: null,
      },
    }),
    event(
      3,
      {
        type: 'CommitmentDueSoon',
        data: {
          commitmentId: id(3),
          dueDate: '2026-09-30',
          lookaheadDays: 14,
          text: 'Voorbeeld: toezegging 3, andere tekst',
          actionCodes: ['2.1'],
        },
      },
      'system',
    ),
    event(5, { type: 'CommitmentBecameOverdue', data: { commitmentId: id(5), dueDate: '2026-04-15' } }, 'system'),
    event(2, { type: 'CommitmentWithdrawn', data: { commitmentId: id(2), reason: 'vervallen', source: null } }),
    event(5, {
      type: 'CommitmentUpdated',
      data: {
        commitmentId: id(5),
        text: 'Voorbeeld: toezegging 5',
        previousDue: due('2026-04-15', '2026-04-15'),
        due: due('2026-04-15', '2026-04-15'),
        sourceChangedAt: null,
      },
    }),
    event(3, {
      type: 'CommitmentFulfilled',
      data: { commitmentId: id(3), document: { kenmerk: null, title: 'Antwoord op Kamervragen', date: null } },
    }),
    event(4, { type: 'CommitmentWithdrawn', data: { commitmentId: id(4), reason: 'ingehaald', source: 'debat' } }),
  ];
}

/**
 * The batch path (RowSet: one read, multi-row writes) writes exactly the rows the one-event-at-a-
 * time path writes: all of the history as one batch (rows created and changed in memory), and in
 * small batches (rows of earlier batches read back, changed and written with one UPDATE).
 */
describe('CommitmentsProjection: a batch writes what one event at a time writes', () => {
  let db: Awaited<ReturnType<typeof testDatabase>>;
  const sources: DataSource[] = [];
  const projection = new CommitmentsProjection();
  const open = async (schema: string) => {
    const ds = await commitmentsContext.definition(db.url).openDataSource(schema);
    sources.push(ds);
    return ds;
  };

  beforeAll(async () => {
    db = await testDatabase('commitments_projection');
  });
  afterAll(async () => {
    await Promise.all(sources.map((ds) => ds.destroy()));
    await db.drop();
  });

  it('gives the same tables one by one, as one batch and in batches of three', async () => {
    const events = history();
    const single = await open('one_by_one');
    for (const event of events) if (projection.handles(event)) await single.transaction((em) => projection.apply(event, em));
    const whole = await open('one_batch');
    await whole.transaction((em) => projection.applyBatch(events, em));
    const chunked = await open('batches_of_three');
    for (let i = 0; i < events.length; i += 3) await chunked.transaction((em) => projection.applyBatch(events.slice(i, i + 3), em));

    const expected = await checksums(single, 'one_by_one');
    expect(expected).toEqual([
      expect.objectContaining({ table: 'commitment', rows: 5 }),
      expect.objectContaining({ table: 'commitment_history', rows: 22 }), // every own event, the unregistered one's too
    ]);
    expect(await checksums(whole, 'one_batch')).toEqual(expected);
    expect(await checksums(chunked, 'batches_of_three')).toEqual(expected);

    // What the history comes to (so that the comparison is one of rows worth having).
    const rows = await single.query(
      `SELECT id, status, due_date::text, due_soon_for::text, external_ref, fulfilled_by, revision FROM one_by_one.commitment ORDER BY id`,
    );
    expect(rows).toEqual([
      {
        id: id(1),
        status: 'fulfilled',
        due_date: '2026-11-30',
        due_soon_for: '2026-06-30',
        external_ref: tk('TZ-1', '2026-07-02T08:00:00Z'),
        fulfilled_by: expect.objectContaining({ kenmerk: '2026-0000123' }),
        revision: 4,
      },
      { id: id(2), status: 'withdrawn', due_date: '2026-12-31', due_soon_for: null, external_ref: null, fulfilled_by: null, revision: 2 },
      {
        id: id(3),
        status: 'fulfilled',
        due_date: '2026-09-30',
        due_soon_for: '2026-09-30',
        external_ref: tk('TZ-3', null),
        fulfilled_by: expect.objectContaining({ kenmerk: null }),
        revision: 5,
      },
      { id: id(4), status: 'withdrawn', due_date: '2027-03-31', due_soon_for: null, external_ref: null, fulfilled_by: null, revision: 3 },
      {
        id: id(5),
        status: 'overdue',
        due_date: '2026-04-15',
        due_soon_for: null,
        external_ref: tk('TZ-5', '2025-12-01T00:00:00Z'),
        fulfilled_by: null,
        revision: 2,
      },
    ]);
  });

  it('fails, as before, on an update at the source of a commitment it does not have, and on an event applied twice', async () => {
    const events = history();
    const ds = await open('failures');
    const updated = events.find((e) => e.type === 'CommitmentUpdated')!;
    await expect(ds.transaction((em) => projection.apply(updated, em))).rejects.toThrow(/niet in de read model/);
    await expect(ds.transaction((em) => projection.applyBatch([events[0], events[0]], em))).rejects.toThrow(/duplicate key/);
    await ds.transaction((em) => projection.applyBatch(events.slice(0, 2), em));
    await expect(ds.transaction((em) => projection.applyBatch(events.slice(1, 3), em))).rejects.toThrow(/duplicate key/);
    expect(await checksums(ds, 'failures')).toEqual([
      expect.objectContaining({ table: 'commitment', rows: 2 }),
      expect.objectContaining({ table: 'commitment_history', rows: 2 }),
    ]);
  });
});
