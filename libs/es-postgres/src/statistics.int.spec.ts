import { newId, type NewEvent, Upcasters, UpcastingEventStore, WrongExpectedRevision } from '@regie/es-core';
import { testDatabase } from '@regie/test-kit';
import { PostgresEventStore } from './postgres-event-store';

const event = (type: string): NewEvent => ({
  id: newId(),
  type,
  data: {},
  schemaVersion: 1,
  occurredAt: new Date(),
  metadata: { actor: { userId: 't', role: 't' }, correlationId: newId(), causationId: newId() },
});

/** What `regie status` shows an operator: how many streams hold events, and how many events of each type. */
describe('PostgreSQL event store statistics', () => {
  it('counts streams with events and events per type, most frequent first, also through the upcasting store', async () => {
    const db = await testDatabase('es_statistics');
    const store = await PostgresEventStore.open({ connectionString: db.url });
    try {
      expect(await store.statistics()).toEqual({ streams: 0, eventsByType: [] });

      await store.append('meeting-1', [event('MeetingScheduled'), event('MeetingHeld')], 'no_stream');
      await store.append('meeting-2', [event('MeetingScheduled')], 'no_stream');
      await store.append('action-1', [event('ActionAdded'), event('MilestonePlanned'), event('MilestonePlanned')], 'no_stream');
      // A refused first append leaves the stream's row behind without an event: not a stream to count.
      await expect(store.append('action-2', [event('ActionAdded')], 3)).rejects.toBeInstanceOf(WrongExpectedRevision);

      const expected = {
        streams: 3,
        eventsByType: [
          { type: 'MeetingScheduled', events: 2 },
          { type: 'MilestonePlanned', events: 2 },
          { type: 'ActionAdded', events: 1 },
          { type: 'MeetingHeld', events: 1 },
        ],
      };
      expect(await store.statistics()).toEqual(expected);
      expect(await new UpcastingEventStore(store, new Upcasters([])).statistics()).toEqual(expected);
    } finally {
      await store.close();
      await db.drop();
    }
  });
});
