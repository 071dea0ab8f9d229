import type { RecordedEvent } from './event';

/**
 * Integration events cross service boundaries as messages on a topic per context and
 * version (e.g. `regie.actions.v1`), keyed by stream id so one aggregate stays ordered.
 */
export interface IntegrationMessage {
  topic: string;
  key: string;
  /** Id of the store event it was made from: consumers deduplicate on it. */
  eventId: string;
  type: string;
  payload: unknown;
  /** Global position in the producing store, for checkpoints and lag. */
  position: number;
  occurredAt: string;
  headers?: Record<string, string>;
}

export type MessageHandler = (message: IntegrationMessage) => Promise<void>;

/** Handles messages of one topic in order, several at a time; a batch succeeds or fails as a whole. */
export type BatchMessageHandler = (messages: IntegrationMessage[]) => Promise<void>;

/** How a producing context turns its store events into messages (undefined: stays inside). */
export type MessageSource = (event: RecordedEvent) => IntegrationMessage | undefined;

export interface SubscribeOptions {
  /** Where this consumer group is, as a producer position: used by buses without retention. */
  after?: number;
  /**
   * True for a handler error that is not the message's fault (the consumer's database is down):
   * a bus that dead-letters messages retries such an error until it passes instead. Only the
   * consumer knows its stores, so it decides; without it every error counts as the message's.
   */
  isTransient?: (error: unknown) => boolean;
  /**
   * Called by a bus without retention (in-process, which reads the store) with the producer
   * position it has read up to, once every message before it is handled: also over events that
   * made no message for the topic, so a consumer can resume from there instead of from its last
   * message (a consumer of a quiet topic would read the whole store again at each start). Buses
   * that keep offsets of their own (Kafka) do not call it.
   */
  readUpTo?: (position: number) => void;
}

export interface BusSubscription {
  close(): Promise<void>;
}

/** How far one consumer group is behind on one partition of a topic: messages not yet handled. */
export interface ConsumerLag {
  group: string;
  /** The topic as the services name it (without the bus's namespace). */
  topic: string;
  partition: number;
  /** The partition's high watermark minus the group's committed offset (from the start when none). */
  lag: number;
}

/** Messages this process's consumers sent to a dead-letter topic since it started. */
export interface DeadLetterCount {
  topic: string;
  group: string;
  count: number;
}

/**
 * What a bus tells the metrics (Prometheus) about itself. A bus without a broker (in-process: the
 * store is the log, and nothing is dead-lettered) reports none.
 */
export interface BusMetrics {
  /** Per group this process consumes with and partition of its topic; asks the broker, so it may take a moment. */
  consumerLag(): Promise<ConsumerLag[]>;
  deadLetters(): DeadLetterCount[];
}

/** Port. Adapters: in-process (embedded default) and Kafka (distributed). */
export abstract class IntegrationBus implements BusMetrics {
  abstract readonly kind: 'inprocess' | 'kafka';
  /**
   * True when producers must relay store events to the bus (Kafka). False when the bus reads
   * a registered source itself (in-process: the store is the log, so a consumer that starts
   * late, or restarts, catches up from its own position like a Kafka consumer group would).
   */
  abstract readonly needsRelay: boolean;
  /** Declares a producer's mapping for a topic (used when `needsRelay` is false). */
  abstract registerSource(topic: string, source: MessageSource): void;
  /** Resolves once every message is accepted by the bus. */
  abstract publish(messages: IntegrationMessage[]): Promise<void>;
  /** One consumer per `group`: each message is handled by one member of each group. */
  abstract subscribe(topic: string, group: string, handler: MessageHandler, options?: SubscribeOptions): Promise<BusSubscription>;
  /**
   * Like `subscribe`, handing over the messages that are there at once in batches, in order (e.g.
   * so a consumer records a whole batch in one transaction). After a failed batch the bus delivers
   * its messages again (at least once, as always). This default delivers them one at a time.
   */
  subscribeBatch(topic: string, group: string, handler: BatchMessageHandler, options?: SubscribeOptions): Promise<BusSubscription> {
    return this.subscribe(topic, group, (message) => handler([message]), options);
  }
  /**
   * Whether the bus can carry messages now (readiness): a bus that holds no connection (in-process)
   * always can; one on a broker answers only once the broker does.
   */
  abstract isConnected(): Promise<boolean>;
  abstract close(): Promise<void>;
  /** None by default: a bus on a broker overrides it. */
  async consumerLag(): Promise<ConsumerLag[]> {
    return [];
  }
  /** None by default: a bus that dead-letters overrides it. */
  deadLetters(): DeadLetterCount[] {
    return [];
  }
}
