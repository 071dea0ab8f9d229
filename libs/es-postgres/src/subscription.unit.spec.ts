import { EventEmitter } from 'node:events';
import type { RecordedEvent } from '@regie/es-core';
import { pollingSubscription } from './subscription';

/** A table of events by position, read as the store reads it, counting the reads. */
function table() {
  const events: RecordedEvent[] = [];
  let reads = 0;
  const add = (): number => {
    const position = events.length + 1;
    events.push({ position } as RecordedEvent);
    return position;
  };
  const read = async (after: number, limit: number) => {
    reads++;
    return events.filter((e) => e.position > after).slice(0, limit);
  };
  return { add, read, reads: () => reads };
}

const settle = () => new Promise((r) => setTimeout(r, 20));

/** A subscription from the start of `store`, noting the positions it is handed. */
function follow(
  store: ReturnType<typeof table>,
  options: { wakeups?: EventEmitter; pollIntervalMs?: number; batchSize?: number; onBatch?: () => void } = {},
) {
  const seen: number[] = [];
  const subscription = pollingSubscription({
    after: 0,
    batchSize: options.batchSize ?? 100,
    read: store.read,
    wakeups: options.wakeups ?? new EventEmitter(),
    pollIntervalMs: options.pollIntervalMs ?? 60_000,
    handler: async (batch) => {
      seen.push(...batch.map((e) => e.position));
      options.onBatch?.();
    },
  });
  return { seen, stop: () => subscription.stop() };
}

describe('a live subscription', () => {
  it('reads an append once it is announced, and not once more to find the end', async () => {
    const store = table();
    const wakeups = new EventEmitter();
    const { seen, stop } = follow(store, { wakeups });
    await settle(); // the first read: nothing yet
    for (let i = 0; i < 5; i++) {
      wakeups.emit('appended', store.add());
      await settle();
      wakeups.emit('appended', i + 1); // the same append's NOTIFY, heard later: already read
      await settle();
    }
    await stop();
    expect(seen).toEqual([1, 2, 3, 4, 5]);
    expect(store.reads()).toBe(1 + 5);
  });

  it('reads on past a short page when a later position was announced meanwhile (another process)', async () => {
    const store = table();
    const wakeups = new EventEmitter();
    let first = true;
    const { seen, stop } = follow(store, {
      wakeups,
      onBatch: () => {
        if (first) {
          first = false;
          wakeups.emit('appended', store.add()); // committed and announced while the first batch is handled
        }
      },
    });
    store.add();
    wakeups.emit('appended', 1);
    await settle();
    await stop();
    expect(seen).toEqual([1, 2]);
  });

  it('reads on after a wake-up that names no position, and by the poll interval without any', async () => {
    const store = table();
    const wakeups = new EventEmitter();
    const { seen, stop } = follow(store, { wakeups, pollIntervalMs: 200 });
    await settle();
    store.add();
    wakeups.emit('appended');
    await settle();
    expect(seen).toEqual([1]);
    store.add(); // committed elsewhere, its NOTIFY lost
    await new Promise((r) => setTimeout(r, 300));
    await stop();
    expect(seen).toEqual([1, 2]);
  });

  it('reads full pages on without waiting, to the end of a long history', async () => {
    const store = table();
    for (let i = 0; i < 25; i++) store.add();
    const { seen, stop } = follow(store, { batchSize: 10 });
    await settle();
    await stop();
    expect(seen).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(store.reads()).toBe(3);
  });
});
