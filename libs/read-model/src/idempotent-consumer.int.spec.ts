import { EntitySchema, type MigrationInterface, type QueryRunner } from 'typeorm';
import { InProcessBus, type IntegrationMessage, newId } from '@regie/es-core';
import { testDatabase } from '@regie/test-kit';
import { openReadModelDataSource, schemaOf } from './data-source';
import { IdempotentConsumer } from './idempotent-consumer';

const SeenRow = new EntitySchema<{ key: string; n: number }>({ name: 'seen', columns: { key: { type: 'text', primary: true }, n: { type: 'int' } } });
class CreateSeen1700000000000 implements MigrationInterface {
  async up(runner: QueryRunner) {
    await runner.query(`CREATE TABLE ${schemaOf(runner)}.seen (key text PRIMARY KEY, n int NOT NULL)`);
  }
  async down() {}
}

describe('idempotent consumer', () => {
  it('applies a message delivered twice only once, in the same transaction as its record', async () => {
    const db = await testDatabase('idempotent_consumer');
    const ds = await openReadModelDataSource({ url: db.url, schema: 'consumer_rm', entities: [SeenRow], migrations: [CreateSeen1700000000000] });
    const bus = new InProcessBus();
    let failNext = false;
    const consumer = new IdempotentConsumer({
      name: 'test.consumer', topic: 'regie.test.v1', bus, dataSource: ds,
      handle: async (m, em) => {
        await em.query(`INSERT INTO consumer_rm.seen (key, n) VALUES ($1, 1) ON CONFLICT (key) DO UPDATE SET n = seen.n + 1`, [m.key]);
        if (failNext) throw new Error('handler failed after writing');
      },
    });
    await consumer.start();
    const message = (key: string): IntegrationMessage => ({ topic: 'regie.test.v1', key, eventId: newId(), type: 'T', payload: {}, position: 1, occurredAt: new Date().toISOString() });
    const once = message('a');
    await bus.publish([once, once, message('b')]);
    await bus.publish([once]); // a redelivery later
    failNext = true;
    const failing = message('c');
    await expect(bus.publish([failing])).rejects.toThrow('handler failed');
    failNext = false;
    await bus.publish([failing]); // the retry after a failure is applied, once
    expect(await ds.query(`SELECT key, n FROM consumer_rm.seen ORDER BY key`)).toEqual([{ key: 'a', n: 1 }, { key: 'b', n: 1 }, { key: 'c', n: 1 }]);
    await consumer.stop();
    await ds.destroy();
    await db.drop();
  });
});
