import { PassThrough } from 'node:stream';
import type { RecordedEvent } from '@regie/es-core';
import { batchingSubscription } from './subscription';

/**
 * The pump on a plain Node object-mode stream: the same Readable contract as the client's
 * subscription. Items are bare positions here; toEvent turns them into RecordedEvents.
 */
class Source extends PassThrough {
  unsubscribed = 0;
  constructor() {
    super({ objectMode: true });
  }
  async unsubscribe(): Promise<void> {
    this.unsubscribed++;
  }
}

const recorded = (position: number): RecordedEvent => ({
  id: `id-${position}`,
  streamId: 's',
  revision: position,
  position,
  type: 'T',
  data: {},
  schemaVersion: 1,
  occurredAt: new Date(0),
  recordedAt: new Date(0),
  metadata: { actor: { userId: 'u', role: 'r' }, correlationId: 'c', causationId: 'c' },
});
const toEvent = (item: number) => (item < 0 ? undefined : recorded(item));
const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('batchingSubscription', () => {
  it('delivers one batch at a time, in order, and what arrived meanwhile as the next batch', async () => {
    const source = new Source();
    const batches: number[][] = [];
    let running = 0;
    let release!: () => void;
    let gate = new Promise<void>((resolve) => (release = resolve));
    const subscription = batchingSubscription({
      source,
      after: 0,
      batchSize: 3,
      toEvent,
      handler: async (batch) => {
        expect(++running).toBe(1);
        batches.push(batch.map((e) => e.position));
        await gate;
        running--;
      },
    });
    source.write(1);
    await tick();
    for (const p of [2, 3, 4, 5, 6]) source.write(p);
    await tick();
    expect(batches).toEqual([[1]]);
    gate = Promise.resolve();
    release();
    await tick();
    await tick();
    expect(batches).toEqual([[1], [2, 3, 4], [5, 6]]);
    await subscription.stop();
    await expect(subscription.done).resolves.toBeUndefined();
    expect(source.unsubscribed).toBe(1);
  });

  it('drops positions at or before `after`, repeats and skipped items', async () => {
    const source = new Source();
    const seen: number[] = [];
    const subscription = batchingSubscription({
      source,
      after: 10,
      batchSize: 100,
      toEvent,
      handler: async (b) => void seen.push(...b.map((e) => e.position)),
    });
    for (const p of [9, 10, 11, -1, 11, 12]) source.write(p);
    await tick();
    await tick();
    await subscription.stop();
    expect(seen).toEqual([11, 12]);
  });

  it('ends on a handler error: done rejects with it and the source is unsubscribed', async () => {
    const source = new Source();
    const subscription = batchingSubscription({
      source,
      after: 0,
      batchSize: 10,
      toEvent,
      handler: async () => {
        throw new Error('projection failed');
      },
    });
    source.write(1);
    await expect(subscription.done).rejects.toThrow('projection failed');
    expect(source.unsubscribed).toBe(1);
    await expect(subscription.stop()).resolves.toBeUndefined();
  });

  it('ends on a stream error or an unexpected end', async () => {
    const failing = new Source();
    const a = batchingSubscription({ source: failing, after: 0, batchSize: 10, toEvent, handler: async () => undefined });
    failing.destroy(new Error('connection lost'));
    await expect(a.done).rejects.toThrow('connection lost');

    const ending = new Source();
    const b = batchingSubscription({ source: ending, after: 0, batchSize: 10, toEvent, handler: async () => undefined });
    ending.end();
    await expect(b.done).rejects.toThrow(/ended without being stopped/);
  });

  it('stops after the batch in progress and delivers nothing more', async () => {
    const source = new Source();
    const seen: number[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const subscription = batchingSubscription({
      source,
      after: 0,
      batchSize: 1,
      toEvent,
      handler: async (batch) => {
        seen.push(batch[0].position);
        await gate;
      },
    });
    source.write(1);
    source.write(2);
    await tick();
    let stopped = false;
    const stopping = subscription.stop().then(() => (stopped = true));
    await tick();
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(seen).toEqual([1]);
  });

  it('pauses the source when four batches are buffered and resumes when drained', async () => {
    const source = new Source();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const seen: number[] = [];
    const subscription = batchingSubscription({
      source,
      after: 0,
      batchSize: 2,
      toEvent,
      handler: async (batch) => {
        seen.push(...batch.map((e) => e.position));
        await gate;
      },
    });
    for (let p = 1; p <= 12; p++) source.write(p);
    await tick();
    expect(source.isPaused()).toBe(true);
    release();
    for (let i = 0; i < 10; i++) await tick();
    expect(source.isPaused()).toBe(false);
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    await subscription.stop();
  });
});
