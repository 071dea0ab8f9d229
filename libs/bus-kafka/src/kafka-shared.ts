import { type Backoff, type ConsumerLag, type DeadLetterCount, type IntegrationMessage, retry } from '@regie/es-core';
import type { KafkaLog } from './kafka-log';

/**
 * What the two Kafka adapters (kafka-bus.ts on kafkajs, platformatic-bus.ts on @platformatic/kafka)
 * share, so that they behave the same and neither repeats the other: their options, the wire format
 * (a JSON envelope, key = stream id, `eventId` and `type` headers), the topics' settings, the retry
 * policy of a failing handler, the dead-letter headers, and what they count for the metrics.
 */
export interface KafkaBusOptions {
  brokers: string[];
  clientId: string;
  partitions?: number;
  replicationFactor?: number;
  /** Tries of a message whose handler fails (not transiently) before it is dead-lettered. */
  maxAttempts?: number;
  /** The first pause between tries of a failing handler; it doubles up to 30 s. */
  retryDelayMs?: number;
  /** Prefix of topic and group names, so several environments can share one cluster. */
  namespace?: string;
  onDeadLetter?: (topic: string, error: string) => void;
  /** A consumer stopped by an error its client does not retry is being replaced. */
  onConsumerRestart?: (group: string, error: unknown) => void;
  /** The client's own lines, routine cluster events below ERROR (see kafka-log.ts). */
  log?: KafkaLog;
}

export const DLQ_SUFFIX = '.dlq';

/** How long a readiness probe waits for the broker: the clients' own retries would take far longer. */
export const PROBE_TIMEOUT_MS = 3_000;
/** How long a scrape waits for the consumer lag before it answers without it. */
export const LAG_TIMEOUT_MS = 2_000;
/** Pauses between attempts to replace a consumer that stopped: delivery resumes within seconds after an outage. */
export const RESTART_BACKOFF: Backoff = { baseMs: 300, maxMs: 5_000 };

/** The settings of the topics the bus creates: a topic per context, and its dead-letter topic. */
export function topicSettings(topic: string, options: Pick<KafkaBusOptions, 'partitions' | 'replicationFactor'>) {
  return {
    topic,
    partitions: topic.endsWith(DLQ_SUFFIX) ? 1 : (options.partitions ?? 3),
    replicationFactor: options.replicationFactor ?? 1,
    // Keep every message: a consumer group added later or down for long must still find it.
    configs: [
      { name: 'retention.ms', value: '-1' },
      { name: 'retention.bytes', value: '-1' },
    ],
  };
}

/** The topics to create for `topics`: each with its dead-letter topic. */
export const withDeadLetterTopics = (topics: string[]): string[] => topics.flatMap((t) => [t, t + DLQ_SUFFIX]);

/** A message's headers as both clients read and write them (kafkajs's `IHeaders`). */
export type KafkaHeaders = Record<string, string | Buffer | (string | Buffer)[] | undefined>;

/** A message on its way to the dead-letter topic: where it was, and why it is not handled. */
export interface DeadLetter {
  /** The topic it was read from, as on the cluster (with the namespace). */
  topic: string;
  partition: number;
  offset: string;
  /** The consumer group that refused it (as the services name it). */
  group: string;
  error: string;
  headers: KafkaHeaders;
}

/** The headers of a dead-letter copy: the original ones, and where it came from and why it failed. */
export function deadLetterHeaders(letter: DeadLetter): KafkaHeaders {
  return {
    ...letter.headers,
    'dlq-error': letter.error.slice(0, 1000),
    'dlq-topic': letter.topic,
    'dlq-partition': String(letter.partition),
    'dlq-offset': letter.offset,
  };
}

/**
 * Runs a message's handler with bounded retries (an error `isTransient` calls so: until it passes);
 * answers the last error's message when the message must be dead-lettered, else undefined.
 */
export async function attemptHandler(
  run: () => Promise<void>,
  options: Pick<KafkaBusOptions, 'maxAttempts' | 'retryDelayMs'>,
  isTransient?: (error: unknown) => boolean,
): Promise<string | undefined> {
  try {
    await retry(run, {
      attempts: options.maxAttempts ?? 3,
      transient: isTransient,
      backoff: { baseMs: options.retryDelayMs ?? 200, maxMs: 30_000 },
    });
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** The message body on the wire. */
export interface Envelope {
  eventId: string;
  type: string;
  payload: unknown;
  position: number;
  occurredAt: string;
}

export const envelopeOf = (m: IntegrationMessage): Envelope => ({
  eventId: m.eventId,
  type: m.type,
  payload: m.payload,
  position: m.position,
  occurredAt: m.occurredAt,
});

/** The headers every message carries, besides its own. */
export const messageHeaders = (m: IntegrationMessage): Record<string, string> => ({ eventId: m.eventId, type: m.type, ...m.headers });

/** The message read from `topic` (as the services name it), or why it is not one. */
export function parseMessage(topic: string, key: Buffer | null | undefined, value: Buffer | null | undefined): IntegrationMessage | string {
  let envelope: Partial<Envelope>;
  try {
    envelope = JSON.parse(value?.toString('utf8') ?? '');
  } catch (error) {
    return `not JSON: ${(error as Error).message}`;
  }
  if (typeof envelope?.eventId !== 'string' || typeof envelope.type !== 'string' || typeof envelope.position !== 'number') {
    return 'not a Regie integration message: eventId, type and position are required';
  }
  return {
    topic,
    key: key?.toString('utf8') ?? '',
    eventId: envelope.eventId,
    type: envelope.type,
    payload: envelope.payload,
    position: envelope.position,
    occurredAt: String(envelope.occurredAt ?? ''),
  };
}

/** Dead letters sent by this process, per topic and group, for the metrics. */
export class DeadLetterCounter {
  private readonly counts = new Map<string, DeadLetterCount>();

  add(topic: string, group: string): void {
    const key = JSON.stringify([topic, group]);
    const entry = this.counts.get(key) ?? { topic, group, count: 0 };
    entry.count++;
    this.counts.set(key, entry);
  }

  list(): DeadLetterCount[] {
    return [...this.counts.values()].map((c) => ({ ...c }));
  }
}

/** The (topic, group) pairs this process consumes, as the services name them. */
export class Subscriptions {
  private readonly pairs = new Map<string, { topic: string; group: string; count: number }>();

  add(topic: string, group: string): () => void {
    const key = JSON.stringify([topic, group]);
    const entry = this.pairs.get(key) ?? { topic, group, count: 0 };
    entry.count++;
    this.pairs.set(key, entry);
    return () => {
      if (--entry.count === 0) this.pairs.delete(key);
    };
  }

  list(): { topic: string; group: string }[] {
    return [...this.pairs.values()].map(({ topic, group }) => ({ topic, group }));
  }
}

/**
 * One partition's lag: the messages between the group's committed offset and the high watermark.
 * Without a committed offset (a new group) the group starts at the low watermark.
 */
export function partitionLag(group: string, topic: string, partition: number, committed: bigint, low: bigint, high: bigint): ConsumerLag {
  const from = committed < 0n ? low : committed;
  const lag = high > from ? high - from : 0n;
  return { group, topic, partition, lag: Number(lag) };
}

/** `work`, or a rejection once `ms` have passed. */
export function within<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    timer.unref();
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
