import { newId, type NewEvent } from '@regie/es-core';
import { testDatabase } from '@regie/test-kit';
import { PostgresEventStore } from './postgres-event-store';

const DAY = 86_400_000;
const START = Date.UTC(2020, 0, 1);

const event = (occurredAt: number): NewEvent => ({
  id: newId(),
  type: 'E',
  data: {},
  schemaVersion: 1,
  occurredAt: new Date(occurredAt),
  metadata: { actor: { userId: 't', role: 't' }, correlationId: newId(), causationId: newId() },
});

/** Appends events occurring at the given times, 500 to an append. */
async function record(store: PostgresEventStore, times: number[]): Promise<void> {
  for (let i = 0; i < times.length; i += 500) await store.append(`s-${i}`, times.slice(i, i + 500).map(event), 'any');
}

/**
 * Time travel keys every look by which events had occurred by its moment. The store answers from
 * summaries of runs of 10,000 positions; the answer must be the plain count's at every moment,
 * whatever the order events were recorded in.
 */
describe('PostgreSQL occurredBy', () => {
  let db: Awaited<ReturnType<typeof testDatabase>>;
  let store: PostgresEventStore;

  beforeEach(async () => {
    db = await testDatabase('es_occurred_by');
    store = await PostgresEventStore.open({ connectionString: db.url });
  });
  afterEach(async () => {
    await store.close();
    await db.drop();
  });

  const counted = async (moment: Date) => {
    const { rows } = await store.sqlPool.query(
      `SELECT count(*)::int AS events, coalesce(max(position), 0)::int AS last FROM es.events WHERE occurred_at <= $1`,
      [moment],
    );
    return { events: rows[0].events, lastPosition: rows[0].last };
  };

  /** Every event's own moment, a millisecond before and after it, and moments before and after all of them. */
  const momentsOf = (times: number[]) => [
    new Date(START - DAY),
    new Date(START + 10_000 * DAY),
    ...times.filter((_, i) => i % 997 === 0).flatMap((t) => [new Date(t - 1), new Date(t), new Date(t + 1)]),
  ];

  it('answers as a plain count on a history recorded in time order, with events recorded late', async () => {
    // An event an hour apart, except that every 250th was recorded four days after it occurred.
    const times = Array.from({ length: 24_321 }, (_, i) => START + i * 3_600_000 - (i % 250 === 0 ? 4 * DAY : 0));
    await record(store, times);
    for (const moment of momentsOf(times)) expect(await store.occurredBy(moment)).toEqual(await counted(moment));
  }, 120_000);

  it('answers as a plain count on a history imported out of time order, and after more is recorded', async () => {
    const times = Array.from({ length: 21_000 }, (_, i) => START + ((i * 7919) % 21_000) * 3_600_000);
    await record(store, times);
    for (const moment of momentsOf(times)) expect(await store.occurredBy(moment)).toEqual(await counted(moment));
    const later = Array.from({ length: 9_500 }, (_, i) => START + (21_000 + i) * 3_600_000);
    await record(store, later);
    for (const moment of momentsOf([...times, ...later])) expect(await store.occurredBy(moment)).toEqual(await counted(moment));
  }, 120_000);

  it('notices a store emptied and recorded anew under it', async () => {
    const times = Array.from({ length: 10_500 }, (_, i) => START + i * 3_600_000);
    await record(store, times);
    const moment = new Date(START + 10_200 * 3_600_000);
    expect(await store.occurredBy(moment)).toEqual({ events: 10_201, lastPosition: 10_201 });
    await store.sqlPool.query(`TRUNCATE es.events, es.streams; UPDATE es.head SET position = 0, hash = ''`);
    await record(
      store,
      times.map((t) => t + 365 * DAY),
    );
    expect(await store.occurredBy(moment)).toEqual(await counted(moment));
    expect(await store.occurredBy(moment)).toEqual({ events: 10_200 - 365 * 24 + 1, lastPosition: 10_200 - 365 * 24 + 1 });
  }, 120_000);
});
