import type { ConnectionOptions } from 'node:tls';
import { type Backoff, type ConsumerLag, type DeadLetterCount, type IntegrationMessage, type MessageHandler, retry } from '@regie/es-core';
import type { KafkaLog } from './kafka-log';
import { type BusKeyring, signMessage, verifyMessage } from './message-signing';

/**
 * What the two Kafka adapters (kafka-bus.ts on kafkajs, platformatic-bus.ts on @platformatic/kafka)
 * share, so that they behave the same and neither repeats the other: their options, the wire format
 * (a JSON envelope, key = stream id, `eventId` and `type` headers, the signature), the topics'
 * settings and their re-creation when the broker lost them, what a consumer does with a message
 * (verify, parse, handle with retries), the dead-letter headers, and what they count for the metrics.
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
  /**
   * Signs what this process publishes and refuses (dead-letters) what is not signed with one of
   * these keys (message-signing.ts). Without it messages go unsigned and nothing is checked.
   */
  keyring?: BusKeyring;
  /** TLS to the brokers: true (the system's CAs) or Node's TLS options (ca, cert, key as PEM). */
  ssl?: boolean | ConnectionOptions;
  /** SASL authentication (PLAIN or SCRAM-SHA-256/512) with a user the brokers' ACLs know. */
  sasl?: { mechanism: 'plain' | 'scram-sha-256' | 'scram-sha-512'; username: string; password: string };
}

export const DLQ_SUFFIX = '.dlq';

/** How long a readiness probe waits for the broker: the clients' own retries would take far longer. */
export const PROBE_TIMEOUT_MS = 3_000;
/** How long a scrape waits for the consumer lag before it answers without it. */
export const LAG_TIMEOUT_MS = 2_000;
/** Pauses between attempts to replace a consumer that stopped: delivery resumes within seconds after an outage. */
export const RESTART_BACKOFF: Backoff = { baseMs: 300, maxMs: 5_000 };
/**
 * Retries of a producer's send. Bounded: on a topic the broker lost, an endless retry would loop the
 * relay for good; bounded, a send fails within about ten seconds, the topic is created again
 * (TopicKeeper.send), and the relay retries anything else from its checkpoint; a message sent twice
 * that way is absorbed by the idempotent consumers (at least once, as always).
 */
export const PRODUCER_RETRIES = 5;

/** Why a message went to the dead-letter topic (header `dlq-reason`). */
export type DeadLetterReason = 'unparseable' | 'handler-failed' | 'bad-signature';

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

/** Why a consumer did not apply a message. */
export interface Refusal {
  reason: DeadLetterReason;
  error: string;
}

/** A message on its way to the dead-letter topic: where it was, which group refused it and why. */
export interface DeadLetter extends Refusal {
  /** The topic it was read from, as on the cluster (with the namespace). */
  topic: string;
  partition: number;
  offset: string;
  /** The consumer group that refused it, as on the cluster (with the namespace). */
  group: string;
  headers: KafkaHeaders;
}

/** The headers of a dead-letter copy: the original ones, and where it came from, which group refused it and why. */
export function deadLetterHeaders(letter: DeadLetter): KafkaHeaders {
  return {
    ...letter.headers,
    'dlq-reason': letter.reason,
    'dlq-error': letter.error.slice(0, 1000),
    'dlq-group': letter.group,
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

/** A message as it goes on the wire: envelope, its own headers (correlation id, `traceparent`), identifying headers and, with a keyring, its signature. */
export function wireMessage(topic: string, m: IntegrationMessage, keyring?: BusKeyring): OutgoingMessage {
  // eventId and type last: they are signed, and no header of the message may pass for them.
  const wire = { key: m.key, value: JSON.stringify(envelopeOf(m)), headers: { ...m.headers, eventId: m.eventId, type: m.type } };
  if (keyring) Object.assign(wire.headers, signMessage(keyring, { topic, ...wire }));
  return wire;
}

/** A message to send, for `topic` as on the cluster. */
export interface OutgoingMessage {
  key: string;
  value: string;
  headers: Record<string, string>;
}

/** A message as a consumer read it, from `topic` as on the cluster. */
export interface IncomingMessage {
  topic: string;
  key: Buffer | null;
  value: Buffer | null;
  headers: KafkaHeaders;
}

/**
 * What a consumer does with a message read from `topic` (as the services name it): verify its
 * signature (with a keyring), parse it, and run the handler with bounded retries. Answers why the
 * message must be dead-lettered, or undefined once it is handled.
 */
export async function deliver(
  topic: string,
  message: IncomingMessage,
  handler: MessageHandler,
  options: Pick<KafkaBusOptions, 'keyring' | 'maxAttempts' | 'retryDelayMs'>,
  isTransient?: (error: unknown) => boolean,
): Promise<Refusal | undefined> {
  if (options.keyring) {
    const verdict = verifyMessage(options.keyring, message);
    if (!verdict.ok) return { reason: 'bad-signature', error: verdict.reason };
  }
  const parsed = parseMessage(topic, message);
  if (typeof parsed === 'string') return { reason: 'unparseable', error: parsed };
  const failure = await attemptHandler(() => handler(parsed), options, isTransient);
  return failure === undefined ? undefined : { reason: 'handler-failed', error: failure };
}

/** The message read from `topic` (as the services name it), or why it is not one. */
export function parseMessage(topic: string, { key, value, headers }: Omit<IncomingMessage, 'topic'>): IntegrationMessage | string {
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
    headers: headersOf(headers),
  };
}

/** The message's headers as strings (correlation id, `traceparent`, …), handed to the consumer as they came. */
const headersOf = (headers: KafkaHeaders): Record<string, string> =>
  Object.fromEntries(
    Object.entries(headers).flatMap(([name, value]) => {
      const first = Array.isArray(value) ? value[0] : value;
      return first === undefined ? [] : [[name, first.toString()]];
    }),
  );

/** The broker does not have the topic (any more): kafkajs's and @platformatic/kafka's ways of saying so. */
export function isUnknownTopic(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const e = error as Error & { type?: string; apiId?: string; originalError?: unknown; errors?: unknown[] };
  if (e.type === 'UNKNOWN_TOPIC_OR_PARTITION' || e.apiId === 'UNKNOWN_TOPIC_OR_PARTITION') return true;
  // kafkajs's broker answer, and @platformatic/kafka's when the metadata it asks for has no such topic.
  if (/does not host this topic-partition|^Unknown topic /.test(e.message)) return true;
  return [e.originalError, e.cause, ...(e.errors ?? [])].some(isUnknownTopic);
}

/**
 * The topics a bus has made sure of, and their re-creation when the broker lost them (it came back
 * with empty storage, or someone deleted them): a send that finds its topic gone creates it (and its
 * dead-letter topic) again and resends; a consumer (re)starting checks its topic again.
 */
export class TopicKeeper {
  private readonly known = new Set<string>();

  constructor(private readonly cluster: { list(): Promise<string[]>; create(topics: string[]): Promise<void> }) {}

  /** Creates the topics (as on the cluster) and their dead-letter topics that do not exist yet. */
  async ensure(topics: string[]): Promise<void> {
    const wanted = withDeadLetterTopics(topics).filter((t) => !this.known.has(t));
    if (wanted.length === 0) return;
    const existing = new Set(await this.cluster.list());
    const missing = wanted.filter((t) => !existing.has(t));
    if (missing.length > 0) await this.cluster.create(missing);
    wanted.forEach((t) => this.known.add(t));
  }

  /** Forgets that the topics exist and creates those that are missing. */
  again(topics: string[]): Promise<void> {
    for (const t of withDeadLetterTopics(topics)) this.known.delete(t);
    return this.ensure(topics);
  }

  /** Forgets every topic: the next use asks the cluster again (after a new connection). */
  forgetAll(): void {
    this.known.clear();
  }

  /** Runs `send` to the topics; when the broker lost one, creates them again and sends once more. */
  async send<T>(topics: string[], send: () => Promise<T>): Promise<T> {
    try {
      return await send();
    } catch (error) {
      if (!isUnknownTopic(error)) throw error;
      await this.again(topics);
      return send();
    }
  }
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
