import { EntitySchema, type MigrationInterface, type QueryRunner } from 'typeorm';
import { type EventStore, InProcessBus, type IntegrationMessage, newId, type NewEvent, type RecordedEvent } from '@regie/es-core';
import { PostgresEventStore } from '@regie/es-postgres';
import { testDatabase } from '@regie/test-kit';
import { openReadModelDataSource, schemaOf } from './data-source';
import { IdempotentConsumer, recordReadPosition } from './idempotent-consumer';

const SeenRow = new EntitySchema<{ key: string; n: number }>({
  name: 'seen',
  columns: { key: { type: 'text', primary: true }, n: { type: 'int' } },
});
class CreateSeen1700000000000 implements MigrationInterface {
  async up(runner: QueryRunner) {
    await runner.query(`CREATE TABLE ${schemaOf(runner)}.seen (key text PRIMARY KEY, n int NOT NULL)`);
  }
  async down() {}
}

/** A message of the test topic, as a producer's mapping makes it (store positions start at 1). */
const message = (key: string, position = 1, type = 'T'): IntegrationMessage => ({
  topic: 'regie.test.v1',
  key,
  eventId: newId(),
  type,
  payload: {},
  position,
  occurredAt: new Date().toISOString(),
});

describe('idempotent consumer', () => {
  it('applies a message delivered twice only once, in the same transaction as its record', async () => {
    const db = await testDatabase('idempotent_consumer');
    const ds = await openReadModelDataSource({
      url: db.url,
      schema: 'consumer_rm',
      entities: [SeenRow],
      migrations: [CreateSeen1700000000000],
    });
    const bus = new InProcessBus();
    let failNext = false;
    const consumer = new IdempotentConsumer({
      name: 'test.consumer',
      topic: 'regie.test.v1',
      bus,
      dataSource: ds,
      handle: async (m, em) => {
        await em.query(`INSERT INTO consumer_rm.seen (key, n) VALUES ($1, 1) ON CONFLICT (key) DO UPDATE SET n = seen.n + 1`, [m.key]);
        if (failNext) throw new Error('handler failed after writing');
      },
    });
    await consumer.start();
    const once = message('a');
    await bus.publish([once, once, message('b')]);
    await bus.publish([once]); // a redelivery later
    failNext = true;
    const failing = message('c');
    await expect(bus.publish([failing])).rejects.toThrow('handler failed');
    failNext = false;
    await bus.publish([failing]); // the retry after a failure is applied, once
    expect(await ds.query(`SELECT key, n FROM consumer_rm.seen ORDER BY key`)).toEqual([
      { key: 'a', n: 1 },
      { key: 'b', n: 1 },
      { key: 'c', n: 1 },
    ]);
    await consumer.stop();
    await ds.destroy();
    await db.drop();
  });

  it('applies a batch in one transaction, each message once, and isolates a failing message', async () => {
    const db = await testDatabase('idempotent_consumer_batch');
    const ds = await openReadModelDataSource({
      url: db.url,
      schema: 'consumer_rm',
      entities: [SeenRow],
      migrations: [CreateSeen1700000000000],
    });
    let failOn: string | undefined;
    const consumer = new IdempotentConsumer({
      name: 'test.batch',
      topic: 'regie.test.v1',
      bus: new InProcessBus(),
      dataSource: ds,
      handle: async (m, em) => {
        await em.query(`INSERT INTO consumer_rm.seen (key, n) VALUES ($1, 1) ON CONFLICT (key) DO UPDATE SET n = seen.n + 1`, [m.key]);
        if (m.key === failOn) throw new Error(`handler failed on ${m.key}`);
      },
    });
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((key, i) => message(key, i + 1)); // store positions start at 1
    await consumer.applyAll([a, b, a]); // a twin within the batch
    await consumer.applyAll([b, c]); // b was applied before
    failOn = 'd';
    const e = message('e', 5);
    await expect(consumer.applyAll([d, e])).rejects.toThrow('handler failed on d');
    expect(await ds.query(`SELECT key, n FROM consumer_rm.seen ORDER BY key`)).toEqual([
      { key: 'a', n: 1 },
      { key: 'b', n: 1 },
      { key: 'c', n: 1 },
    ]);
    failOn = undefined;
    await consumer.applyAll([d, e]); // the redelivery
    expect(await ds.query(`SELECT key, n FROM consumer_rm.seen ORDER BY key`)).toEqual(
      ['a', 'b', 'c', 'd', 'e'].map((key) => ({ key, n: 1 })),
    );
    expect(await ds.query(`SELECT count(*)::int AS n FROM consumer_rm.processed_messages WHERE consumer = 'test.batch'`)).toEqual([
      { n: 5 },
    ]);
    await ds.destroy();
    await db.drop();
  });
  it('passes over the message types it does not apply: not handled, not recorded; the ones it applies still once', async () => {
    const db = await testDatabase('idempotent_consumer_types');
    const ds = await openReadModelDataSource({
      url: db.url,
      schema: 'consumer_rm',
      entities: [SeenRow],
      migrations: [CreateSeen1700000000000],
    });
    const handled: string[] = [];
    const consumer = new IdempotentConsumer({
      name: 'test.types',
      topic: 'regie.test.v1',
      bus: new InProcessBus(),
      dataSource: ds,
      handles: (type) => type === 'Wanted',
      handle: async (m) => void handled.push(m.key),
    });
    const wanted = message('w1', 1, 'Wanted');
    const other = message('o1', 2, 'Other');
    await consumer.applyAll([wanted, other, message('o2', 3, 'Other'), message('w2', 4, 'Wanted')]);
    await consumer.applyAll([wanted, other]); // redelivered
    expect(await consumer.apply(other)).toBe(false);
    expect(handled).toEqual(['w1', 'w2']);
    expect(
      (await ds.query(`SELECT position FROM consumer_rm.processed_messages ORDER BY position`)).map((r: { position: string }) =>
        Number(r.position),
      ),
    ).toEqual([1, 4]);
    await ds.destroy();
    await db.drop();
  });

  it('resumes a quiet topic from where the in-process bus read the store, not from its last message', async () => {
    const db = await testDatabase('idempotent_consumer_read_to');
    const store = await PostgresEventStore.open({ connectionString: db.url });
    const ds = await openReadModelDataSource({ url: db.url, schema: 'consumer_rm', entities: [], migrations: [] });
    const event = (type: string): NewEvent => ({
      id: newId(),
      type,
      data: {},
      schemaVersion: 1,
      occurredAt: new Date(),
      metadata: { actor: { userId: 't', role: 'test' }, correlationId: newId(), causationId: newId() },
    });
    // Only 'Wanted' events make a message on the topic; the rest of the store is other contexts' work.
    const source = (e: RecordedEvent): IntegrationMessage | undefined =>
      e.type === 'Wanted'
        ? { topic: 'regie.test.v1', key: e.streamId, eventId: e.id, type: e.type, payload: {}, position: e.position, occurredAt: '' }
        : undefined;
    /** The store as the bus reads it, counting the events each subscription is handed. */
    const counted = (read: { events: number }): EventStore =>
      new Proxy(store, {
        get: (target, name) =>
          name === 'subscribeAll'
            ? (options: Parameters<EventStore['subscribeAll']>[0], handler: Parameters<EventStore['subscribeAll']>[1]) =>
                target.subscribeAll(options, (batch) => {
                  read.events += batch.length;
                  return handler(batch);
                })
            : Reflect.get(target, name),
      });
    const run = async (read: { events: number }, until: (handled: string[]) => boolean) => {
      const bus = new InProcessBus(counted(read));
      bus.registerSource('regie.test.v1', source);
      const handled: string[] = [];
      const consumer = new IdempotentConsumer({
        name: 'test.quiet',
        topic: 'regie.test.v1',
        bus,
        dataSource: ds,
        handle: async (m) => void handled.push(m.eventId),
      });
      await consumer.start();
      for (let i = 0; i < 200 && !until(handled); i++) await new Promise((r) => setTimeout(r, 25));
      await new Promise((r) => setTimeout(r, 100)); // the bus finishes the batch it handed over
      await consumer.stop();
      await bus.close();
      return handled;
    };
    try {
      await store.append('wanted-1', [event('Wanted')], 'no_stream');
      await store.append(
        'other',
        Array.from({ length: 300 }, () => event('Other')),
        'no_stream',
      );
      const first = { events: 0 };
      expect(await run(first, (h) => h.length === 1)).toHaveLength(1);
      expect(first.events).toBe(301);
      expect(await ds.query(`SELECT consumer, position::int FROM consumer_rm.consumer_positions`)).toEqual([
        { consumer: 'test.quiet', position: 301 },
      ]);

      await store.append('wanted-2', [event('Wanted')], 'no_stream');
      const second = { events: 0 };
      expect(await run(second, (h) => h.length === 1)).toHaveLength(1);
      expect(second.events).toBe(1); // not the 300 events after its last message again
    } finally {
      await ds.destroy();
      await store.close();
      await db.drop();
    }
  });

  it('passes over a message delivered again at or before its read position, which a rebuild leaves instead of a row per message', async () => {
    const db = await testDatabase('idempotent_consumer_position');
    const ds = await openReadModelDataSource({ url: db.url, schema: 'consumer_rm', entities: [], migrations: [] });
    const handled: number[] = [];
    const consumer = new IdempotentConsumer({
      name: 'test.rebuilt',
      topic: 'regie.test.v1',
      bus: new InProcessBus(),
      dataSource: ds,
      handle: async (m) => void handled.push(m.position),
    });
    try {
      await recordReadPosition(ds.manager, 'test.rebuilt', 10); // what a rebuild swapped in leaves: read up to 10
      await recordReadPosition(ds.manager, 'test.rebuilt', 7); // never moves back
      await consumer.applyAll([message('k', 5), message('k', 10), message('k', 11), message('k', 12)]); // a Kafka group starting from an older offset
      expect(await consumer.apply(message('k', 9))).toBe(false);
      expect(await consumer.apply(message('k', 13))).toBe(true);
      expect(handled).toEqual([11, 12, 13]);
    } finally {
      await ds.destroy();
      await db.drop();
    }
  });
});
