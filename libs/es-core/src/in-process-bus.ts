import type { EventStore, Subscription } from './event-store';
import { type Backoff, backoffDelay } from './retry';
import {
  type BatchMessageHandler,
  type BusSubscription,
  IntegrationBus,
  type IntegrationMessage,
  type MessageHandler,
  type MessageSource,
  type SubscribeOptions,
} from './integration-bus';

/**
 * The embedded default. The event store is the log: a subscription reads the store from the
 * consumer's own position through the producer's registered mapping, in order, catching up
 * and then live, so a consumer added later or restarted misses nothing (as with a Kafka
 * consumer group). A failing handler is retried after a pause, from the message it failed on:
 * there is no dead-letter topic here, so every error is retried (`isTransient` is not needed).
 * `publish` delivers directly to current subscribers (for producers without a source).
 */
export class InProcessBus extends IntegrationBus {
  readonly kind = 'inprocess';
  readonly needsRelay = false;
  private readonly sources = new Map<string, MessageSource>();
  private readonly live = new Map<string, Map<string, MessageHandler>>();
  private readonly subscriptions = new Set<BusSubscription>();
  private readonly retryBackoff: Backoff;

  constructor(
    private readonly store?: EventStore,
    /** The pause before a failed consumer retries: fixed (ms), or growing while it fails at the same message. */
    retryDelay: number | Backoff = 1000,
    private readonly onError: (group: string, error: unknown) => void = () => undefined,
  ) {
    super();
    this.retryBackoff = typeof retryDelay === 'number' ? { baseMs: retryDelay, maxMs: retryDelay } : retryDelay;
  }

  /** Nothing to connect to: the store is the log. */
  async isConnected(): Promise<boolean> {
    return true;
  }

  registerSource(topic: string, source: MessageSource): void {
    this.sources.set(topic, source);
  }

  async publish(messages: IntegrationMessage[]): Promise<void> {
    for (const message of messages) {
      for (const handler of this.live.get(message.topic)?.values() ?? []) await handler(message);
    }
  }

  async subscribe(topic: string, group: string, handler: MessageHandler, options: SubscribeOptions = {}): Promise<BusSubscription> {
    const source = this.sources.get(topic);
    return this.track(
      source && this.store ? this.follow(topic, group, source, { each: handler }, options) : this.direct(topic, group, handler),
    );
  }

  /** From the store, a batch is what one read of the store holds for the topic (up to 500 events' worth). */
  override async subscribeBatch(
    topic: string,
    group: string,
    handler: BatchMessageHandler,
    options: SubscribeOptions = {},
  ): Promise<BusSubscription> {
    const source = this.sources.get(topic);
    if (!source || !this.store) return super.subscribeBatch(topic, group, handler, options);
    return this.track(this.follow(topic, group, source, { batch: handler }, options));
  }

  private track(subscription: BusSubscription): BusSubscription {
    this.subscriptions.add(subscription);
    return {
      close: async () => {
        this.subscriptions.delete(subscription);
        await subscription.close();
      },
    };
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.close()));
    this.subscriptions.clear();
    this.live.clear();
  }

  private direct(topic: string, group: string, handler: MessageHandler): BusSubscription {
    const byGroup = this.live.get(topic) ?? new Map<string, MessageHandler>();
    if (byGroup.has(group)) throw new Error(`group ${group} already consumes ${topic} in this process`);
    byGroup.set(group, handler);
    this.live.set(topic, byGroup);
    return { close: async () => void byGroup.delete(group) };
  }

  /**
   * `each`: message by message, the position moving past each one handled (a retry starts at the
   * one that failed). `batch`: the batch's messages at once, the position moving past the batch.
   * After each batch of store events the consumer hears how far it has read (`readUpTo`).
   */
  private follow(
    topic: string,
    group: string,
    source: MessageSource,
    handler: { each?: MessageHandler; batch?: BatchMessageHandler },
    options: SubscribeOptions,
  ): BusSubscription {
    const store = this.store!;
    let position = options.after ?? 0;
    let current: Subscription | undefined;
    let closed = false;
    let timer: NodeJS.Timeout | undefined;
    let failures = 0;
    let failedAt = -1;
    const run = () => {
      current = store.subscribeAll({ after: position }, async (batch) => {
        if (handler.batch) {
          const messages = batch.map(source).filter((m): m is IntegrationMessage => m?.topic === topic);
          if (messages.length > 0) await handler.batch(messages);
          position = batch[batch.length - 1].position;
        } else {
          for (const event of batch) {
            const message = source(event);
            if (message?.topic === topic) await handler.each!(message);
            position = event.position;
          }
        }
        options.readUpTo?.(position);
      });
      current.done.catch((error) => {
        this.onError(group, error);
        failures = position === failedAt ? failures + 1 : 1; // progress since the last failure starts the backoff over
        failedAt = position;
        if (!closed) timer = setTimeout(run, backoffDelay(failures, this.retryBackoff));
      });
    };
    run();
    return {
      close: async () => {
        closed = true;
        clearTimeout(timer);
        await current?.stop();
      },
    };
  }
}
