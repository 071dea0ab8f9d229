import type { EventEmitter } from 'node:events';
import type { BatchHandler, RecordedEvent, Subscription } from '@regie/es-core';

export interface PollingSubscriptionOptions {
  after: number;
  batchSize: number;
  read: (after: number, limit: number) => Promise<RecordedEvent[]>;
  /** Emits 'appended' when new events may be there, 'closed' when the store closes. */
  wakeups: EventEmitter;
  pollIntervalMs: number;
  handler: BatchHandler;
}

/**
 * Catch-up then live: read pages until the end, then sleep until a wake-up (local append or
 * LISTEN/NOTIFY from another process) or the poll interval, and read again.
 * Batches go to the handler one at a time; a handler error ends the subscription.
 *
 * The end is a page shorter than `batchSize` that reaches the highest position a wake-up has
 * announced. Reading once more until a read came back empty cost every subscription one more query
 * per append (about twenty per write in the platform, each waking PostgreSQL), and found only
 * what a wake-up announces anyway: an append announces its position locally and by NOTIFY to
 * every process, and the poll interval covers a NOTIFY lost with its connection.
 */
export function pollingSubscription(options: PollingSubscriptionOptions): Subscription {
  let stopped = false;
  let position = options.after;
  /** The highest position announced; a wake-up without one counts as news of anything. */
  let announced = 0;
  let unannounced = false;
  let wake: () => void = () => undefined;
  const onWake = (at?: unknown) => {
    if (typeof at === 'number' && Number.isFinite(at)) {
      announced = Math.max(announced, at);
      if (at <= position) return; // already read (e.g. the NOTIFY of this process's own append)
    } else unannounced = true;
    wake();
  };
  const onClosed = () => {
    stopped = true;
    wake();
  };
  options.wakeups.on('appended', onWake);
  options.wakeups.on('closed', onClosed);

  const run = async () => {
    try {
      let pending = new Promise<void>((resolve) => (wake = resolve));
      while (!stopped) {
        unannounced = false;
        const batch = await options.read(position, options.batchSize);
        if (batch.length > 0) {
          await options.handler(batch);
          position = batch[batch.length - 1].position;
          if (batch.length >= options.batchSize || announced > position || unannounced) continue;
          // At the end as far as anyone announced: what comes later wakes this one.
          pending = new Promise<void>((resolve) => (wake = resolve));
          if (stopped) break;
        }
        const timer = new Promise<void>((resolve) => setTimeout(resolve, options.pollIntervalMs).unref());
        await Promise.race([pending, timer]);
        pending = new Promise<void>((resolve) => (wake = resolve));
      }
    } finally {
      options.wakeups.off('appended', onWake);
      options.wakeups.off('closed', onClosed);
    }
  };

  const done = run();
  return {
    done,
    stop: async () => {
      stopped = true;
      wake();
      await done.catch(() => undefined);
    },
  };
}
