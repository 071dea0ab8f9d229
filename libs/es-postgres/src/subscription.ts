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
 * Catch-up then live: read pages until empty, then sleep until a wake-up (local append or
 * LISTEN/NOTIFY from another process) or the poll interval, and read again.
 * Batches go to the handler one at a time; a handler error ends the subscription.
 */
export function pollingSubscription(options: PollingSubscriptionOptions): Subscription {
  let stopped = false;
  let wake: () => void = () => undefined;
  const onWake = () => wake();
  const onClosed = () => {
    stopped = true;
    wake();
  };
  options.wakeups.on('appended', onWake);
  options.wakeups.on('closed', onClosed);

  const run = async () => {
    let position = options.after;
    try {
      while (!stopped) {
        const pending = new Promise<void>((resolve) => (wake = resolve));
        const batch = await options.read(position, options.batchSize);
        if (batch.length > 0) {
          await options.handler(batch);
          position = batch[batch.length - 1].position;
          continue;
        }
        const timer = new Promise<void>((resolve) => setTimeout(resolve, options.pollIntervalMs).unref());
        await Promise.race([pending, timer]);
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
