import { type Admin, type Consumer, type IHeaders, Kafka, type KafkaMessage, logLevel, type Producer } from 'kafkajs';
import {
  type BusSubscription,
  IntegrationBus,
  type IntegrationMessage,
  type MessageHandler,
  retry,
  type SubscribeOptions,
} from '@regie/es-core';
import { type KafkaLog, kafkaLogCreator } from './kafka-log';

/**
 * The IntegrationBus on Kafka, kept to this one module so the client can be swapped
 * (kafkajs is unmaintained since 2023; @platformatic/kafka is the candidate).
 *
 * - One topic per context and version (`regie.actions.v1`), created by the platform with the
 *   configured partitions; key = stream id, so one aggregate's events stay in order.
 * - One consumer group per consuming service; members share the partitions.
 * - A message that cannot be parsed goes to `<topic>.dlq` at once; one whose handler keeps
 *   failing goes there after `maxAttempts`, with the error in its headers; consumption goes on.
 *   An error the subscriber calls transient (SubscribeOptions.isTransient: its database is
 *   down) is retried until it passes: an outage delays consumption but never dead-letters.
 * - Offsets are committed after the handler returns; a crash redelivers at most the messages
 *   since the last commit, which the idempotent consumers absorb.
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
  /** A consumer stopped by an error kafkajs does not retry is being replaced. */
  onConsumerRestart?: (group: string, error: unknown) => void;
  /** The client's own lines, routine cluster events below ERROR (see kafka-log.ts). */
  log?: KafkaLog;
}

export const DLQ_SUFFIX = '.dlq';

/**
 * kafkajs backs off exponentially up to `maxRetryTime` (default 30 s) between attempts: after a
 * broker outage a client could sleep up to half a minute after the broker is back. Capped at 5 s,
 * delivery resumes within seconds; after the retries the consumer restarts and tries again.
 */
const RETRY = { initialRetryTime: 300, maxRetryTime: 5_000, retries: 12 };
/** How long a readiness probe waits for the broker: kafkajs's own retries would take far longer. */
const PROBE_TIMEOUT_MS = 3_000;
const RESTART_BACKOFF = { baseMs: RETRY.initialRetryTime, maxMs: RETRY.maxRetryTime };

export class KafkaBus extends IntegrationBus {
  readonly kind = 'kafka';
  /** Kafka keeps the log: producers relay their store events to it. */
  readonly needsRelay = true;
  private readonly kafka: Kafka;
  private readonly admin: Admin;
  private readonly producer: Producer;
  private readonly consumers = new Set<Consumer>();
  private readonly knownTopics = new Set<string>();
  /** Consumer groups whose consumer crashed and is not running again yet. */
  private readonly replacing = new Set<string>();
  private connected?: Promise<void>;
  /** Aborted by close(): no consumer is replaced any more. */
  private readonly closing = new AbortController();

  constructor(private readonly options: KafkaBusOptions) {
    super();
    this.kafka = new Kafka({
      clientId: options.clientId,
      brokers: options.brokers,
      logLevel: logLevel.WARN,
      logCreator: options.log ? kafkaLogCreator(options.log) : undefined,
      retry: RETRY,
    });
    this.admin = this.kafka.admin();
    this.producer = this.kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
  }

  /** Creates the topics (and their dead-letter topics) that do not exist yet. */
  ensureTopics(topics: string[]): Promise<void> {
    return this.ensurePhysical(topics.map((t) => this.physical(t)));
  }

  /** The topic's name on the cluster (with the namespace). */
  physical(topic: string): string {
    return `${this.options.namespace ?? ''}${topic}`;
  }

  private async ensurePhysical(topics: string[]): Promise<void> {
    await this.connect();
    const wanted = topics.flatMap((t) => [t, t + DLQ_SUFFIX]).filter((t) => !this.knownTopics.has(t));
    if (wanted.length === 0) return;
    const existing = new Set(await this.admin.listTopics());
    const missing = wanted.filter((t) => !existing.has(t));
    if (missing.length > 0) {
      await this.admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((topic) => ({
          topic,
          numPartitions: topic.endsWith(DLQ_SUFFIX) ? 1 : (this.options.partitions ?? 3),
          replicationFactor: this.options.replicationFactor ?? 1,
          // Keep every message: a consumer group added later or down for long must still find it.
          configEntries: [
            { name: 'retention.ms', value: '-1' },
            { name: 'retention.bytes', value: '-1' },
          ],
        })),
      });
    }
    wanted.forEach((t) => this.knownTopics.add(t));
  }

  registerSource(): void {
    // Not needed: the producer's relay publishes.
  }

  async publish(messages: IntegrationMessage[]): Promise<void> {
    if (messages.length === 0) return;
    const byTopic = new Map<string, IntegrationMessage[]>();
    for (const m of messages) byTopic.set(this.physical(m.topic), [...(byTopic.get(this.physical(m.topic)) ?? []), m]);
    await this.ensurePhysical([...byTopic.keys()]);
    await this.producer.sendBatch({
      acks: -1,
      topicMessages: [...byTopic].map(([topic, list]) => ({
        topic,
        messages: list.map((m) => ({
          key: m.key,
          value: JSON.stringify(envelopeOf(m)),
          headers: { eventId: m.eventId, type: m.type, ...m.headers },
        })),
      })),
    });
  }

  async subscribe(topic: string, group: string, handler: MessageHandler, options: SubscribeOptions = {}): Promise<BusSubscription> {
    await this.ensureTopics([topic]);
    const consume = () => this.consume(topic, group, handler, options.isTransient);
    let current = await consume();
    const closed = new AbortController();
    const stopped = AbortSignal.any([closed.signal, this.closing.signal]);
    // kafkajs restarts a consumer after retriable errors only; after one it deems fatal (e.g. "Failed
    // to find group coordinator" while a broker is still loading) the consumer just stops, and
    // delivery with it. Such a consumer is replaced here, with backoff, until it runs again.
    const replaceAfterCrash = (consumer: Consumer) =>
      consumer.on(consumer.events.CRASH, ({ payload }) => {
        if (payload.restart || stopped.aborted) return;
        this.options.onConsumerRestart?.(group, payload.error);
        this.replacing.add(group);
        void (async () => {
          this.consumers.delete(consumer);
          await consumer.disconnect().catch(() => undefined);
          const replacement = await retry(consume, {
            backoff: RESTART_BACKOFF,
            onRetry: (error) => this.options.onConsumerRestart?.(group, error),
            signal: stopped,
          });
          if (stopped.aborted) {
            this.consumers.delete(replacement);
            return void (await replacement.disconnect());
          }
          current = replacement;
          this.replacing.delete(group);
          replaceAfterCrash(current);
        })().catch(() => undefined); // closed while replacing: nothing left to run
      });
    replaceAfterCrash(current);
    return {
      close: async () => {
        closed.abort();
        this.consumers.delete(current);
        await current.disconnect(); // commits the offsets of what was processed
      },
    };
  }

  /** A running consumer of the group on the topic. */
  private async consume(
    topic: string,
    group: string,
    handler: MessageHandler,
    isTransient?: (error: unknown) => boolean,
  ): Promise<Consumer> {
    const consumer = this.kafka.consumer({
      groupId: this.physical(group),
      allowAutoTopicCreation: false,
      retry: RETRY,
      maxWaitTimeInMs: 100, // low latency for projections; the broker answers at once when data is there
      sessionTimeout: 10_000,
      heartbeatInterval: 1000,
    });
    this.consumers.add(consumer);
    try {
      await consumer.connect();
      await consumer.subscribe({ topic: this.physical(topic), fromBeginning: true });
      await consumer.run({
        eachMessage: async ({ topic: from, partition, message }) => {
          const parsed = parse(topic, message);
          if (typeof parsed === 'string') return this.deadLetter(from, partition, message, parsed);
          const failure = await this.attempt(() => handler(parsed), isTransient);
          if (failure) await this.deadLetter(from, partition, message, failure);
        },
      });
      return consumer;
    } catch (error) {
      this.consumers.delete(consumer);
      await consumer.disconnect().catch(() => undefined);
      throw error;
    }
  }

  /** The broker answers (within the probe's time) and no consumer of this process is down. */
  async isConnected(): Promise<boolean> {
    if (this.closing.signal.aborted || this.replacing.size > 0) return false;
    const probe = this.connect().then(() => this.admin.describeCluster());
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), PROBE_TIMEOUT_MS).unref());
    return Promise.race([probe, timeout]).then(
      () => true,
      () => false,
    );
  }

  async close(): Promise<void> {
    this.closing.abort();
    await Promise.all([...this.consumers].map((c) => c.disconnect()));
    this.consumers.clear();
    if (this.connected) {
      await this.producer.disconnect();
      await this.admin.disconnect();
    }
  }

  private connect(): Promise<void> {
    // A failed connection is not kept: the next use (or readiness probe) tries again.
    this.connected ??= Promise.all([this.admin.connect(), this.producer.connect()]).then(
      () => undefined,
      (error) => {
        this.connected = undefined;
        throw error;
      },
    );
    return this.connected;
  }

  /** Runs the handler with bounded retries (transient errors unbounded); returns the last error's message, or undefined. */
  private async attempt(run: () => Promise<void>, isTransient?: (error: unknown) => boolean): Promise<string | undefined> {
    try {
      await retry(run, {
        attempts: this.options.maxAttempts ?? 3,
        transient: isTransient,
        backoff: { baseMs: this.options.retryDelayMs ?? 200, maxMs: 30_000 },
      });
      return undefined;
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  }

  private async deadLetter(topic: string, partition: number, message: KafkaMessage, error: string): Promise<void> {
    const headers: IHeaders = {
      ...message.headers,
      'dlq-error': error.slice(0, 1000),
      'dlq-topic': topic,
      'dlq-partition': String(partition),
      'dlq-offset': message.offset,
    };
    await this.producer.send({ topic: topic + DLQ_SUFFIX, acks: -1, messages: [{ key: message.key, value: message.value, headers }] });
    this.options.onDeadLetter?.(topic, error);
  }
}

interface Envelope {
  eventId: string;
  type: string;
  payload: unknown;
  position: number;
  occurredAt: string;
}

const envelopeOf = (m: IntegrationMessage): Envelope => ({
  eventId: m.eventId,
  type: m.type,
  payload: m.payload,
  position: m.position,
  occurredAt: m.occurredAt,
});

/** The message, or why it is not one. */
function parse(topic: string, message: KafkaMessage): IntegrationMessage | string {
  let envelope: Partial<Envelope>;
  try {
    envelope = JSON.parse(message.value?.toString('utf8') ?? '');
  } catch (error) {
    return `not JSON: ${(error as Error).message}`;
  }
  if (typeof envelope?.eventId !== 'string' || typeof envelope.type !== 'string' || typeof envelope.position !== 'number') {
    return 'not a Regie integration message: eventId, type and position are required';
  }
  return {
    topic,
    key: message.key?.toString('utf8') ?? '',
    eventId: envelope.eventId,
    type: envelope.type,
    payload: envelope.payload,
    position: envelope.position,
    occurredAt: String(envelope.occurredAt ?? ''),
    headers: headersOf(message),
  };
}

/** The message's headers as strings (correlation id, `traceparent`, …), handed to the consumer as they came. */
const headersOf = (message: KafkaMessage): Record<string, string> =>
  Object.fromEntries(
    Object.entries(message.headers ?? {}).flatMap(([name, value]) => {
      const first = Array.isArray(value) ? value[0] : value;
      return first === undefined ? [] : [[name, first.toString()]];
    }),
  );
