import { newId, type NewEvent } from '@regie/es-core';
import { testDatabase } from '@regie/test-kit';
import { PostgresEventStore } from './postgres-event-store';

/** PostgreSQL-specific promise beyond the port: positions are contiguous, in commit order. */
describe('PostgreSQL global positions', () => {
  it('are contiguous from 1 even when appends race and some are refused', async () => {
    const db = await testDatabase('es_positions');
    const store = await PostgresEventStore.open({ connectionString: db.url, poolSize: 20 });
    try {
      const event = (): NewEvent => ({
        id: newId(),
        type: 'E',
        data: {},
        schemaVersion: 1,
        occurredAt: new Date(),
        metadata: { actor: { userId: 't', role: 't' }, correlationId: newId(), causationId: newId() },
      });
      await Promise.allSettled(
        Array.from({ length: 40 }, (_, i) => store.append(`s-${i % 5}`, [event(), event()], i < 5 ? 'no_stream' : 'any')),
      );
      await Promise.allSettled(Array.from({ length: 10 }, () => store.append('s-0', [event()], 0))); // all refused
      const all = await store.readAll({ after: 0, limit: 1000 });
      expect(all.map((e) => e.position)).toEqual(Array.from({ length: all.length }, (_, i) => i + 1));
      expect(await store.headPosition()).toBe(all.length);
    } finally {
      await store.close();
      await db.drop();
    }
  });
});
