import type { NewEvent, RecordedEvent } from '../event';
import { EventIdConflict, WrongExpectedRevision } from '../errors';
import { EventStore } from '../event-store';
import { newId } from '../ids';

/**
 * The behaviour every EventStore adapter must show. Each adapter's integration test calls
 * this with a factory for a store on a real server, e.g.
 *   eventStoreContract('postgres', async () => ({ store, close }));
 * Stream names are unique per test, so one store may serve the whole suite.
 */
export function eventStoreContract(adapter: string, open: () => Promise<{ store: EventStore; close: () => Promise<void> }>): void {
  describe(`EventStore contract: ${adapter}`, () => {
    let store: EventStore;
    let close: () => Promise<void>;
    beforeAll(async () => ({ store, close } = await open()));
    afterAll(async () => close?.());

    const stream = (name: string) => `contract-${name}-${newId()}`;
    const event = (type = 'Happened', data: unknown = { n: 1 }): NewEvent => ({
      id: newId(),
      type,
      data,
      schemaVersion: 1,
      occurredAt: new Date('2026-03-01T10:00:00.000Z'),
      metadata: {
        actor: { userId: 'coordinator', role: 'coordinator' },
        correlationId: newId(),
        causationId: newId(),
      },
    });

    it('appends to a new stream with no_stream and numbers revisions from 0', async () => {
      const id = stream('new');
      const result = await store.append(id, [event(), event(), event()], 'no_stream');
      const events = await store.readStream(id);
      expect(events.map((e) => e.revision)).toEqual([0, 1, 2]);
      expect(result.nextExpectedRevision).toBe(2);
      expect(result.lastPosition).toBe(events[2].position);
      expect(events[1].position).toBeGreaterThan(events[0].position);
    });

    it('stores type, data, schema version, times and metadata exactly', async () => {
      const id = stream('roundtrip');
      const written = event('MilestoneReplanned', { dueDate: '2026-03-31', reason: 'evaluatie later', nested: { a: [1, 2] } });
      await store.append(id, [{ ...written, schemaVersion: 2 }], 'no_stream');
      const [read] = await store.readStream(id);
      expect(read).toMatchObject({
        id: written.id,
        streamId: id,
        type: 'MilestoneReplanned',
        data: written.data,
        schemaVersion: 2,
        metadata: written.metadata,
        revision: 0,
      });
      expect(read.occurredAt.toISOString()).toBe('2026-03-01T10:00:00.000Z');
      expect(read.recordedAt).toBeInstanceOf(Date);
    });

    it('refuses no_stream when the stream exists, and an exact revision that is not the last', async () => {
      const id = stream('occ');
      await store.append(id, [event(), event()], 'no_stream');
      await expect(store.append(id, [event()], 'no_stream')).rejects.toBeInstanceOf(WrongExpectedRevision);
      await expect(store.append(id, [event()], 0)).rejects.toBeInstanceOf(WrongExpectedRevision);
      await expect(store.append(stream('missing'), [event()], 0)).rejects.toBeInstanceOf(WrongExpectedRevision);
      await expect(store.append(id, [event()], 1)).resolves.toMatchObject({ nextExpectedRevision: 2 });
      await expect(store.append(id, [event()], 'any')).resolves.toMatchObject({ nextExpectedRevision: 3 });
      expect((await store.readStream(id)).length).toBe(4);
    });

    it('is idempotent by event id: a repeated append returns the first result and writes nothing', async () => {
      const id = stream('idem');
      const batch = [event(), event()];
      const first = await store.append(id, batch, 'no_stream');
      const head = await store.headPosition();
      const again = await store.append(id, batch, 'no_stream');
      expect(again).toEqual(first);
      expect((await store.readStream(id)).length).toBe(2);
      expect(await store.headPosition()).toBe(head);
    });

    it('refuses an event id already stored in another stream, or a batch that is only partly stored', async () => {
      const a = stream('idem-a');
      const first = event();
      await store.append(a, [first], 'no_stream');
      await expect(store.append(stream('idem-b'), [first], 'any')).rejects.toBeInstanceOf(EventIdConflict);
      await expect(store.append(a, [first, event()], 'any')).rejects.toBeInstanceOf(EventIdConflict);
      expect((await store.readStream(a)).length).toBe(1);
    });

    it('reads a stream from a revision with a maximum count, and an unknown stream as empty', async () => {
      const id = stream('slice');
      await store.append(
        id,
        [1, 2, 3, 4, 5].map((n) => event('N', { n })),
        'no_stream',
      );
      const slice = await store.readStream(id, { fromRevision: 1, maxCount: 3 });
      expect(slice.map((e) => (e.data as { n: number }).n)).toEqual([2, 3, 4]);
      expect(await store.readStream(stream('unknown'))).toEqual([]);
    });

    it('reads all events in global order after a position, in pages', async () => {
      const start = await store.headPosition();
      const id = stream('all');
      await store.append(id, [event(), event(), event()], 'no_stream');
      const page1 = await store.readAll({ after: start, limit: 2 });
      const page2 = await store.readAll({ after: page1[1].position, limit: 2 });
      const written = await store.readStream(id);
      expect(page1.map((e) => e.id)).toEqual([written[0].id, written[1].id]);
      expect(page2[0].id).toBe(written[2].id);
      expect(page1[0].position).toBeGreaterThan(start);
      expect(page2[0].position).toBeGreaterThan(page1[1].position);
    });

    it('lets exactly one of 20 concurrent writers win at the same expected revision', async () => {
      const id = stream('race');
      await store.append(id, [event()], 'no_stream');
      const outcomes = await Promise.allSettled(Array.from({ length: 20 }, () => store.append(id, [event()], 0)));
      const won = outcomes.filter((o) => o.status === 'fulfilled');
      const lost = outcomes.filter((o) => o.status === 'rejected') as PromiseRejectedResult[];
      expect(won).toHaveLength(1);
      expect(lost.every((o) => o.reason instanceof WrongExpectedRevision)).toBe(true);
      expect((await store.readStream(id)).map((e) => e.revision)).toEqual([0, 1]);
    });

    it('subscribes from a position: catches up, then goes live, never skipping or repeating', async () => {
      const start = await store.headPosition();
      const seed = stream('sub-seed');
      await store.append(seed, [event(), event()], 'no_stream');
      const seen: RecordedEvent[] = [];
      const writers = 8;
      const perWriter = 10;
      const expected = 2 + writers * perWriter;
      let reached!: () => void;
      const all = new Promise<void>((resolve) => (reached = resolve));
      const subscription = store.subscribeAll({ after: start, batchSize: 7 }, async (batch) => {
        seen.push(...batch);
        if (seen.filter((e) => e.streamId.startsWith('contract-sub-')).length >= expected) reached();
      });
      await Promise.all(
        Array.from({ length: writers }, async (_, w) => {
          const id = stream(`sub-w${w}`);
          for (let i = 0; i < perWriter; i++) await store.append(id, [event()], i === 0 ? 'no_stream' : i - 1);
        }),
      );
      let timer: NodeJS.Timeout | undefined;
      const stalled = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('subscription stalled')), 10_000)));
      await Promise.race([all, stalled]).finally(() => clearTimeout(timer));
      await subscription.stop();
      const positions = seen.map((e) => e.position);
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
      expect(new Set(positions).size).toBe(positions.length);
      // Everything committed after `start` was delivered: compare with a fresh read of the whole range.
      const committed = await store.readAll({ after: start, limit: 10_000 });
      const last = positions[positions.length - 1];
      expect(positions).toEqual(committed.filter((e) => e.position <= last).map((e) => e.position));
      expect(seen.filter((e) => e.streamId.startsWith('contract-sub-'))).toHaveLength(expected);
    });
  });
}
