import type { BatchHandler, RecordedEvent, Subscription } from '@regie/es-core';

/**
 * What the pump needs of a KurrentDB subscription: `client.subscribeToAll(...)` is an object-mode
 * Readable with unsubscribe().
 */
export interface SubscriptionSource<Item> {
  on(event: 'data', listener: (item: Item) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'end', listener: () => void): unknown;
  removeListener(event: 'data', listener: (item: Item) => void): unknown;
  removeListener(event: 'error', listener: (error: Error) => void): unknown;
  removeListener(event: 'end', listener: () => void): unknown;
  pause(): unknown;
  resume(): unknown;
  isPaused(): boolean;
  unsubscribe(): Promise<void>;
}

export interface BatchingSubscriptionOptions<Item> {
  source: SubscriptionSource<Item>;
  /** Exclusive: items at or below this position are dropped (KurrentDB starts inclusive). */
  after: number;
  /** Largest batch handed to the handler. */
  batchSize: number;
  /** The item as a RecordedEvent, or undefined to skip it (e.g. a system event). */
  toEvent: (item: Item) => RecordedEvent | undefined;
  handler: BatchHandler;
}

/**
 * Turns KurrentDB's push subscription (catch-up, then live) into the port's batches: events
 * are buffered while the handler runs, and whatever accumulated (up to batchSize) is the next
 * batch. The handler is awaited, so batches never overlap and arrive in $all order. When the
 * buffer holds 4 batches the source is paused (gRPC flow control then holds the server back)
 * and resumed when it has drained to one batch.
 *
 * The subscription ends when stop() is called (after the batch in progress; `done` resolves),
 * when the handler throws, or when the source fails or ends by itself (`done` rejects).
 */
export function batchingSubscription<Item>(options: BatchingSubscriptionOptions<Item>): Subscription {
  const { source, batchSize, toEvent, handler } = options;
  if (!Number.isSafeInteger(batchSize) || batchSize < 1) throw new RangeError(`batchSize must be an integer ≥ 1, got ${batchSize}`);
  const highWater = 4 * batchSize;
  const buffer: RecordedEvent[] = [];
  let last = options.after;
  let stopping = false;
  let failure: { error: unknown } | undefined;
  let wake: () => void = () => undefined;

  const fail = (error: unknown) => {
    failure ??= { error };
    wake();
  };
  const onData = (item: Item) => {
    if (failure || stopping) return;
    let event: RecordedEvent | undefined;
    try {
      event = toEvent(item);
    } catch (error) {
      fail(error);
      return;
    }
    if (!event || event.position <= last) return;
    last = event.position;
    buffer.push(event);
    if (buffer.length >= highWater && !source.isPaused()) source.pause();
    wake();
  };
  const onError = (error: unknown) => fail(error);
  const onEnd = () => fail(new Error('the KurrentDB subscription ended without being stopped'));
  source.on('data', onData);
  source.on('error', onError);
  source.on('end', onEnd);

  const run = async () => {
    try {
      for (;;) {
        while (buffer.length === 0 && !stopping && !failure) await new Promise<void>((resolve) => (wake = resolve));
        if (stopping) return;
        if (failure) throw failure.error;
        const batch = buffer.splice(0, batchSize);
        if (source.isPaused() && buffer.length <= batchSize) source.resume();
        await handler(batch);
      }
    } finally {
      stopping = true;
      source.removeListener('data', onData);
      source.removeListener('end', onEnd);
      source.removeListener('error', onError);
      // Cancelling may still surface an error on the stream: with no listener it would crash the process.
      source.on('error', () => undefined);
      await source.unsubscribe().catch(() => undefined);
    }
  };

  const done = run();
  return {
    done,
    stop: async () => {
      stopping = true;
      wake();
      await done.catch(() => undefined);
    },
  };
}
