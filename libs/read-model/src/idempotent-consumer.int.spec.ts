import { EntitySchema, type MigrationInterface, type QueryRunner } from 'typeorm';
import { InProcessBus, type IntegrationMessage, newId } from '@regie/es-core';
import { testDatabase } from '@regie/test-kit';
import { openReadModelDataSource, schemaOf } from './data-source';
import { IdempotentConsumer } from './idempotent-consumer';

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
    const message = (key: string): IntegrationMessage => ({
      topic: 'regie.test.v1',
      key,
      eventId: newId(),
      type: 'T',
      payload: {},
      position: 1,
      occurredAt: new Date().toISOString(),
    });
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
    const message = (key: string, position: number): IntegrationMessage => ({
      topic: 'regie.test.v1',
      key,
      eventId: newId(),
      type: 'T',
      payload: {},
      position,
      occurredAt: new Date().toISOString(),
    });
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map(message);
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
    const message = (key: string, type: string, position: number): IntegrationMessage => ({
      topic: 'regie.test.v1',
      key,
      eventId: newId(),
      type,
      payload: {},
      position,
      occurredAt: new Date().toISOString(),
    });
    const wanted = message('w1', 'Wanted', 1);
    const other = message('o1', 'Other', 2);
    await consumer.applyAll([wanted, other, message('o2', 'Other', 3), message('w2', 'Wanted', 4)]);
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
});
