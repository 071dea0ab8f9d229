import { Pool } from 'pg';
import { InProcessBus, type IntegrationMessage, newId, type NewEvent } from '@regie/es-core';
import { PostgresEventStore } from '@regie/es-postgres';
import { testDatabase } from '@regie/test-kit';
import { openReadModelDataSource } from './data-source';
import { IdempotentConsumer, recordReadPosition } from './idempotent-consumer';
import { readModelProgress } from './progress';
import { ProjectionRunner } from './projection-runner';

const event = (): NewEvent => ({
  id: newId(),
  type: 'Counted',
  data: {},
  schemaVersion: 1,
  occurredAt: new Date(),
  metadata: { actor: { userId: 't', role: 'test' }, correlationId: newId(), causationId: newId() },
});

const message = (position: number): IntegrationMessage => ({
  topic: 'regie.test.v1',
  key: 'k',
  eventId: newId(),
  type: 'T',
  payload: {},
  position,
  occurredAt: new Date().toISOString(),
});

/** The lag an operator reads in `regie status`: each projection's checkpoint and how far each consumer has come. */
describe('read-model progress', () => {
  it("reports each projection's checkpoint and each consumer's newest message or read position, and nothing for a read model not yet built", async () => {
    const db = await testDatabase('read_model_progress');
    const store = await PostgresEventStore.open({ connectionString: db.url });
    const pool = new Pool({ connectionString: db.url });
    const ds = await openReadModelDataSource({ url: db.url, schema: 'progress_rm', entities: [], migrations: [] });
    const bus = new InProcessBus();
    try {
      expect(await readModelProgress(pool, 'progress_rm')).toEqual({ projections: [], consumers: [] });

      await store.append('s-1', [event(), event(), event()], 'no_stream');
      const projections = [{ name: 'noop', apply: async () => undefined }];
      await new ProjectionRunner({ name: 'progress.own', store, dataSource: ds, projections }).catchUp();
      for (const name of ['progress.b', 'progress.a']) {
        await new IdempotentConsumer({ name, topic: 'regie.test.v1', bus, dataSource: ds, handle: async () => undefined }).start();
      }
      await bus.publish([message(4), message(9), message(7)]);
      // A consumer whose topic is quiet: how far it has read the store, not its newest message.
      await recordReadPosition(ds.manager, 'progress.a', 12);
      await recordReadPosition(ds.manager, 'progress.c', 3);

      expect(await readModelProgress(pool, 'progress_rm')).toEqual({
        projections: [{ name: 'progress.own', position: 3 }],
        consumers: [
          { name: 'progress.a', position: 12 },
          { name: 'progress.b', position: 9 },
          { name: 'progress.c', position: 3 },
        ],
      });
      expect(await readModelProgress(pool, 'never_built')).toEqual({ projections: [], consumers: [] });
    } finally {
      await bus.close();
      await ds.destroy();
      await pool.end();
      await store.close();
      await db.drop();
    }
  });
});
