import { type Admin, type Consumer, type IHeaders, Kafka, type KafkaMessage, logLevel, type Producer, type SASLOptions } from 'kafkajs';
import type { ConnectionOptions } from 'node:tls';
import {
  type BusSubscription,
  IntegrationBus,
  type IntegrationMessage,
  type MessageHandler,
  retry,
  type SubscribeOptions,
} from '@regie/es-core';
import { type KafkaLog, kafkaLogCreator } from './kafka-log';
import { type BusKeyring, signMessage, verifyMessage } from './message-signing';

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

/** Why a message went to the dead-letter topic (header `dlq-reason`). */
export type DeadLetterReason = 'unparseable' | 'handler-failed' | 'bad-signature';

/**
 * kafkajs backs off exponentially up to `maxRetryTime` (default 30 s) between attempts: after a
 * broker outage a client could sleep up to half a minute after the broker is back. Capped at 5 s,
 * delivery resumes within seconds; after the retries the consumer restarts and tries again.
 */
const RETRY = { initialRetryTime: 300, maxRetryTime: 5_000, retries: 12 };
const PRODUCER_RETRY = { ...RETRY, retries: 5 };
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
      ssl: options.ssl,
      sasl: options.sasl as SASLOptions | undefined,
      logLevel: logLevel.WARN,
      logCreator: options.log ? kafkaLogCreator(options.log) : undefined,
      retry: RETRY,
    });
    this.admin = this.kafka.admin();
    this.producer = this.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      // kafkajs's idempotent producer retries forever by default: on a topic the broker lost, the
      // relay looped for good. Bounded, a send fails within about ten seconds, the topic is created
      // again (publish), and the relay retries anything else from its checkpoint; a message sent
      // twice that way is absorbed by the idempotent consumers (at least once, as always).
      retry: PRODUCER_RETRY,
    });
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
    const batch = {
      acks: -1,
      topicMessages: [...byTopic].map(([topic, list]) => ({ topic, messages: list.map((m) => this.wireMessage(topic, m)) })),
    };
    await this.ensurePhysical([...byTopic.keys()]);
    try {
      await this.producer.sendBatch(batch);
    } catch (error) {
      if (!isUnknownTopic(error)) throw error;
      // The broker lost the topic (e.g. it came back with empty storage): create it again and resend.
      await this.reEnsure([...byTopic.keys()]);
      await this.producer.sendBatch(batch);
    }
  }

  /** A message as it goes on the wire: envelope, identifying headers and, with a keyring, its signature. */
  private wireMessage(topic: string, m: IntegrationMessage): { key: string; value: string; headers: Record<string, string> } {
    const wire = { key: m.key, value: JSON.stringify(envelopeOf(m)), headers: { ...m.headers, eventId: m.eventId, type: m.type } };
    if (this.options.keyring) Object.assign(wire.headers, signMessage(this.options.keyring, { topic, ...wire }));
    return wire;
  }

  /** Forgets that the topics exist and creates those that are missing. */
  private reEnsure(physicalTopics: string[]): Promise<void> {
    for (const t of physicalTopics) {
      this.knownTopics.delete(t);
      this.knownTopics.delete(t + DLQ_SUFFIX);
    }
    return this.ensurePhysical(physicalTopics);
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
        if (stopped.aborted) return;
        // A topic the broker lost is created again, or kafkajs's own restarts loop on it forever.
        if (isUnknownTopic(payload.error)) void this.reEnsure([this.physical(topic)]).catch(() => undefined);
        if (payload.restart) return;
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
      await this.reEnsure([this.physical(topic)]); // (re)starting: the broker may have lost it meanwhile
      await consumer.connect();
      await consumer.subscribe({ topic: this.physical(topic), fromBeginning: true });
      await consumer.run({
        eachMessage: async ({ topic: from, partition, message }) => {
          const at = { topic: from, partition, group };
          const forged = this.verify(from, message);
          if (forged) return this.deadLetter(at, message, 'bad-signature', forged);
          const parsed = parse(topic, message);
          if (typeof parsed === 'string') return this.deadLetter(at, message, 'unparseable', parsed);
          const failure = await this.attempt(() => handler(parsed), isTransient);
          if (failure) await this.deadLetter(at, message, 'handler-failed', failure);
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
    // A failed connection is not kept: the next use (or readiness probe) tries again. A new
    // connection checks its topics again: the broker may have lost them meanwhile.
    if (!this.connected) this.knownTopics.clear();
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

  /** Why the message may not be applied (its signature), or undefined; without a keyring every message passes. */
  private verify(topic: string, message: KafkaMessage): string | undefined {
    if (!this.options.keyring) return undefined;
    const verdict = verifyMessage(this.options.keyring, { topic, key: message.key, value: message.value, headers: message.headers });
    return verdict.ok ? undefined : verdict.reason;
  }

  /** A copy on `<topic>.dlq` saying where it came from, which consumer group refused it and why. */
  private async deadLetter(
    at: { topic: string; partition: number; group: string },
    message: KafkaMessage,
    reason: DeadLetterReason,
    error: string,
  ): Promise<void> {
    const headers: IHeaders = {
      ...message.headers,
      'dlq-reason': reason,
      'dlq-error': error.slice(0, 1000),
      'dlq-group': this.physical(at.group),
      'dlq-topic': at.topic,
      'dlq-partition': String(at.partition),
      'dlq-offset': message.offset,
    };
    const copy = { topic: at.topic + DLQ_SUFFIX, acks: -1, messages: [{ key: message.key, value: message.value, headers }] };
    await this.producer.send(copy).catch(async (failure: unknown) => {
      if (!isUnknownTopic(failure)) throw failure;
      await this.reEnsure([at.topic]);
      await this.producer.send(copy);
    });
    this.options.onDeadLetter?.(at.topic, `${reason} (${this.physical(at.group)}): ${error}`);
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

/** The broker does not have the topic (any more). */
function isUnknownTopic(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = (e as { originalError?: unknown }).originalError ?? e.cause) {
    if ((e as { type?: string }).type === 'UNKNOWN_TOPIC_OR_PARTITION' || /does not host this topic-partition/.test(e.message)) return true;
  }
  return false;
}

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
