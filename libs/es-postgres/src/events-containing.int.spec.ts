import { newId, type NewEvent } from '@regie/es-core';
import { testDatabase } from '@regie/test-kit';
import { PostgresEventStore } from './postgres-event-store';

const event = (type: string, data: Record<string, unknown>, userId = 't'): NewEvent => ({
  id: newId(),
  type,
  data,
  schemaVersion: 1,
  occurredAt: new Date(),
  metadata: { actor: { userId, role: 't' }, correlationId: newId(), causationId: newId() },
});

/** What `forget` reports to the auditor: the events that still hold a name as plain text, which no key erasure reaches. */
describe('PostgreSQL events containing plain text', () => {
  it('finds a text in data or metadata in any case, oldest first, and takes % and _ literally', async () => {
    const db = await testDatabase('es_containing');
    const store = await PostgresEventStore.open({ connectionString: db.url });
    try {
      await store.append('report-1', [event('ProgressReported', { summary: 'Gesproken met C. Helder over de pilot' })], 'no_stream');
      await store.append('report-2', [event('ProgressReported', { summary: 'Geen nieuws' })], 'no_stream');
      await store.append('report-3', [event('ProgressReported', { summary: 'Bijna 100% klaar' }, 'c. helder')], 'no_stream');
      await store.append('report-4', [event('ProgressReported', { summary: 'Indicatie 1000 per maand, C_Helder' })], 'no_stream');

      expect(await store.eventsContaining('c. helder')).toEqual([
        { position: 1, streamId: 'report-1', type: 'ProgressReported' },
        { position: 3, streamId: 'report-3', type: 'ProgressReported' },
      ]);
      expect((await store.eventsContaining('100%')).map((e) => e.position)).toEqual([3]);
      expect((await store.eventsContaining('C_Helder')).map((e) => e.position)).toEqual([4]);
      expect(await store.eventsContaining('C. Helder', 1)).toHaveLength(1);
    } finally {
      await store.close();
      await db.drop();
    }
  });
});
