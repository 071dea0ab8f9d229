import type { Admin, BaseOptions, Consumer, Message, Producer } from '@platformatic/kafka';
import {
  backoffDelay,
  type BusSubscription,
  type ConsumerLag,
  type DeadLetterCount,
  IntegrationBus,
  type IntegrationMessage,
  type MessageHandler,
  retry,
  type SubscribeOptions,
} from '@regie/es-core';
import {
  attemptHandler,
  DeadLetterCounter,
  deadLetterHeaders,
  DLQ_SUFFIX,
  envelopeOf,
  type KafkaBusOptions,
  type KafkaHeaders,
  LAG_TIMEOUT_MS,
  messageHeaders,
  parseMessage,
  partitionLag,
  PROBE_TIMEOUT_MS,
  RESTART_BACKOFF,
  Subscriptions,
  topicSettings,
  withDeadLetterTopics,
  within,
} from './kafka-shared';

/**
 * The IntegrationBus on @platformatic/kafka (maintained; no native code), with the behaviour of
 * kafka-bus.ts (kafkajs) and the same wire format, so either client reads what the other wrote and
 * `REGIE_KAFKA_CLIENT` can change between two starts of a process:
 *
 * - topics and their dead-letter topics created with the configured partitions and unlimited retention;
 * - key = stream id, partitioned as kafkajs and the Java client do (murmur2, `compatibilityPartitioner`),
 *   so a key stays on its partition when the client changes;
 * - a malformed message dead-lettered at once, one whose handler keeps failing after `maxAttempts`,
 *   with the error in its headers; an error the subscriber calls transient retried until it passes;
 * - offsets committed after the handler returned: for what the last fetch brought once it is handled
 *   (as kafkajs does per batch), and on close;
 * - a consumer whose stream or group membership fails is replaced, with backoff, until it runs again.
 */
type Client = typeof import('@platformatic/kafka');
/**
 * The client is loaded on first use: loading it takes about a second (its schema validation and
 * codecs), which a process on kafkajs or on the in-process bus should not pay at every start.
 */
let loaded: Promise<Client> | undefined;
const client = (): Promise<Client> => (loaded ??= import('@platformatic/kafka'));

export class PlatformaticKafkaBus extends IntegrationBus {
  readonly kind = 'kafka';
  /** Kafka keeps the log: producers relay their store events to it. */
  readonly needsRelay = true;
  private readonly clients: Promise<{ lib: Client; admin: Admin; producer: Producer }>;
  private readonly consumers = new Set<Consumer>();
  private readonly knownTopics = new Set<string>();
  /** Consumer groups whose consumer stopped and is not running again yet. */
  private readonly replacing = new Set<string>();
  private readonly subscriptions = new Subscriptions();
  private readonly deadLettered = new DeadLetterCounter();
  /** Aborted by close(): no consumer is replaced any more. */
  private readonly closing = new AbortController();

  constructor(private readonly options: KafkaBusOptions) {
    super();
    this.clients = client().then((lib) => {
      const admin = new lib.Admin(this.clientOptions('admin'));
      const producer = new lib.Producer({
        ...this.clientOptions('producer'),
        idempotent: true,
        acks: -1,
        autocreateTopics: false,
        partitioner: lib.compatibilityPartitioner,
      });
      for (const c of [admin, producer]) c.on('error', (error: Error) => this.log('warn', `${c.clientId}: ${error.message}`));
      return { lib, admin, producer };
    });
    this.clients.catch(() => undefined); // a client that cannot load fails the bus's first use, with its reason
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
    const wanted = withDeadLetterTopics(topics).filter((t) => !this.knownTopics.has(t));
    if (wanted.length === 0) return;
    const { admin } = await this.clients;
    const existing = new Set(await admin.listTopics());
    const missing = wanted.filter((t) => !existing.has(t));
    for (const name of missing) {
      const { topic, partitions, replicationFactor, configs } = topicSettings(name, this.options);
      // Another process may create it at the same moment: then it exists, which is all that counts.
      await admin.createTopics({ topics: [topic], partitions, replicas: replicationFactor, configs }).catch((error: unknown) => {
        if (!alreadyExists(error)) throw error;
      });
    }
    if (missing.length > 0) await this.leadersElected(missing);
    wanted.forEach((t) => this.knownTopics.add(t));
  }

  /** Waits (up to 10 s) until every partition of new topics has a leader, as kafkajs's `waitForLeaders`. */
  private async leadersElected(topics: string[]): Promise<void> {
    const { admin } = await this.clients;
    for (const end = Date.now() + 10_000; Date.now() < end; await new Promise((r) => setTimeout(r, 100))) {
      const metadata = await admin.metadata({ topics, forceUpdate: true }).catch(() => undefined);
      const ready = topics.every((t) => {
        const topic = metadata?.topics.get(t);
        return topic && topic.partitions.length === topic.partitionsCount && topic.partitions.every((p) => p.leader >= 0);
      });
      if (ready) return;
    }
  }

  registerSource(): void {
    // Not needed: the producer's relay publishes.
  }

  async publish(messages: IntegrationMessage[]): Promise<void> {
    if (messages.length === 0) return;
    await this.ensurePhysical([...new Set(messages.map((m) => this.physical(m.topic)))]);
    const { producer } = await this.clients;
    await producer.send({
      messages: messages.map((m) => ({
        topic: this.physical(m.topic),
        key: Buffer.from(m.key),
        value: Buffer.from(JSON.stringify(envelopeOf(m))),
        headers: bufferHeaders(messageHeaders(m)),
      })),
    });
  }

  async subscribe(topic: string, group: string, handler: MessageHandler, options: SubscribeOptions = {}): Promise<BusSubscription> {
    await this.ensureTopics([topic]);
    const closed = new AbortController();
    const stopped = AbortSignal.any([closed.signal, this.closing.signal]);
    const consume = () => this.consume(topic, group, handler, options.isTransient, stopped);
    let current = await consume();
    // A stream that fails (the broker gone longer than the client's retries) or a group the consumer
    // could not rejoin ends delivery: such a consumer is replaced, with backoff, until it runs again.
    const replaceAfterCrash = (running: RunningConsumer) =>
      void running.crashed
        .then(async (error) => {
          if (stopped.aborted) return;
          this.options.onConsumerRestart?.(group, error);
          this.replacing.add(group);
          await running.stop();
          const replacement = await retry(consume, {
            backoff: RESTART_BACKOFF,
            onRetry: (failure) => this.options.onConsumerRestart?.(group, failure),
            signal: stopped,
          });
          if (stopped.aborted) return void (await replacement.stop());
          current = replacement;
          this.replacing.delete(group);
          replaceAfterCrash(current);
        })
        .catch(() => undefined); // closed while replacing: nothing left to run
    replaceAfterCrash(current);
    const unsubscribe = this.subscriptions.add(topic, group);
    return {
      close: async () => {
        closed.abort();
        unsubscribe();
        this.replacing.delete(group);
        await current.stop(); // commits the offsets of what was handled
      },
    };
  }

  /** A running consumer of the group on the topic. */
  private async consume(
    topic: string,
    group: string,
    handler: MessageHandler,
    isTransient: ((error: unknown) => boolean) | undefined,
    stopped: AbortSignal,
  ): Promise<RunningConsumer> {
    const { lib } = await this.clients;
    const consumer = new lib.Consumer({
      ...this.clientOptions(group),
      groupId: this.physical(group),
      sessionTimeout: 10_000,
      rebalanceTimeout: 60_000, // as kafkajs (this client's default is 102 s)
      heartbeatInterval: 1000,
      maxWaitTime: 100, // low latency for projections; the broker answers at once when data is there
      autocommit: false,
    });
    let crash!: (error: unknown) => void;
    const crashed = new Promise<unknown>((resolve) => (crash = resolve));
    consumer.on('error', (error: Error) => crash(error));
    consumer.on('consumer:heartbeat:error', ({ error }) => this.log('info', `${group}: heartbeat failed (${error.message})`));
    this.consumers.add(consumer);
    let stopping = false;
    /** Per partition, the commit of the last message handled and not committed yet. */
    const uncommitted = new Map<number, Message['commit']>();
    /** Commits run one after the other (an older one never overtakes a newer one), beside the handling of the next messages. */
    let committed = Promise.resolve();
    const commit = () => {
      const commits = [...uncommitted.values()];
      uncommitted.clear();
      // A commit refused during a rebalance is not lost work: the next owner gets those messages again (at least once).
      committed = committed.then(() =>
        Promise.all(
          commits.map((c) => Promise.resolve(c()).catch((error: Error) => this.log('info', `${group}: commit failed (${error.message})`))),
        ).then(() => undefined),
      );
      return committed;
    };
    try {
      const stream = await consumer.consume({
        topics: [this.physical(topic)],
        mode: lib.MessagesStreamModes.COMMITTED,
        fallbackMode: lib.MessagesStreamFallbackModes.EARLIEST,
        autocommit: false,
        maxWaitTime: 100,
      });
      stream.on('error', (error) => crash(error));
      const delivering = (async () => {
        for await (const message of stream as AsyncIterable<Message>) {
          if (stopping || stopped.aborted) break;
          const parsed = parseMessage(topic, message.key, message.value);
          const failure = typeof parsed === 'string' ? parsed : await attemptHandler(() => handler(parsed), this.options, isTransient);
          if (failure) await this.deadLetter(message, group, failure);
          uncommitted.set(message.partition, message.commit);
          // What the last fetch brought is handled: commit it, as kafkajs does after each batch.
          if (stream.readableLength === 0) void commit();
        }
        // The stream ended without being asked to: delivery has stopped, so the consumer is replaced.
        if (!stopping && !stopped.aborted) crash(new Error('the message stream ended'));
      })().catch((error: unknown) => crash(error));
      return {
        crashed,
        stop: async () => {
          stopping = true;
          this.consumers.delete(consumer);
          if (!stream.destroyed) stream.destroy();
          await delivering;
          await commit();
          await leave(consumer);
        },
      };
    } catch (error) {
      this.consumers.delete(consumer);
      await leave(consumer);
      throw error;
    }
  }

  /** The broker answers (within the probe's time) and no consumer of this process is down. */
  async isConnected(): Promise<boolean> {
    if (this.closing.signal.aborted || this.replacing.size > 0) return false;
    const probe = this.clients.then(({ admin }) => admin.metadata({ topics: [], forceUpdate: true }));
    return within(probe, PROBE_TIMEOUT_MS).then(
      () => true,
      () => false,
    );
  }

  /** Committed offsets against the high watermarks, from the admin client; none while the broker does not answer. */
  override async consumerLag(): Promise<ConsumerLag[]> {
    const read = async () => {
      const { admin } = await this.clients;
      const lags: ConsumerLag[] = [];
      for (const { topic, group } of this.subscriptions.list()) {
        const name = this.physical(topic);
        const metadata = await admin.metadata({ topics: [name] });
        const partitions = Array.from({ length: metadata.topics.get(name)?.partitionsCount ?? 0 }, (_, i) => i);
        const watermark = async (timestamp: bigint) => {
          const [listed] = await admin.listOffsets({
            topics: [{ name, partitions: partitions.map((partitionIndex) => ({ partitionIndex, timestamp })) }],
          });
          return new Map(listed?.partitions.map((p) => [p.partitionIndex, p.offset]));
        };
        const [high, low, [committed]] = await Promise.all([
          watermark(-1n), // latest
          watermark(-2n), // earliest
          admin.listConsumerGroupOffsets({
            groups: [{ groupId: this.physical(group), topics: [{ name, partitionIndexes: partitions }] }],
          }),
        ]);
        const offsets = new Map(
          committed?.topics.find((t) => t.name === name)?.partitions.map((p) => [p.partitionIndex, p.committedOffset]),
        );
        for (const p of partitions) lags.push(partitionLag(group, topic, p, offsets.get(p) ?? -1n, low.get(p) ?? 0n, high.get(p) ?? 0n));
      }
      return lags;
    };
    return within(read(), LAG_TIMEOUT_MS).catch(() => []);
  }

  override deadLetters(): DeadLetterCount[] {
    return this.deadLettered.list();
  }

  async close(): Promise<void> {
    this.closing.abort();
    await Promise.all([...this.consumers].map(leave));
    this.consumers.clear();
    const clients = await this.clients.catch(() => undefined);
    await clients?.producer.close();
    await clients?.admin.close();
  }

  private async deadLetter(message: Message, group: string, error: string): Promise<void> {
    const original: KafkaHeaders = Object.fromEntries([...message.headers].map(([k, v]) => [k.toString('utf8'), v]));
    const headers = deadLetterHeaders({
      topic: message.topic,
      partition: message.partition,
      offset: String(message.offset),
      group,
      error,
      headers: original,
    });
    const { producer } = await this.clients;
    await producer.send({
      messages: [{ topic: message.topic + DLQ_SUFFIX, key: message.key, value: message.value, headers: bufferHeaders(headers) }],
    });
    this.deadLettered.add(message.topic.slice(this.physical('').length), group);
    this.options.onDeadLetter?.(message.topic, error);
  }

  /** The options every client of this bus shares: retries as kafkajs's (capped at 5 s between them). */
  private clientOptions(role: string): BaseOptions {
    return {
      clientId: `${this.options.clientId}-${role}`,
      bootstrapBrokers: this.options.brokers,
      retries: 12,
      retryDelay: (_client, _operation, attempt) => backoffDelay(attempt, RESTART_BACKOFF),
    };
  }

  private log(level: 'warn' | 'info', message: string): void {
    this.options.log?.(level, `@platformatic/kafka ${message}`);
  }
}

interface RunningConsumer {
  /** Resolves with the error that stopped delivery (never while it runs). */
  crashed: Promise<unknown>;
  /** Ends delivery after the message being handled, commits what was handled and leaves the group. */
  stop(): Promise<void>;
}

/** Kafka's TOPIC_ALREADY_EXISTS, which the client reports inside an AggregateError. */
function alreadyExists(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const nested = (error as Error & { errors?: unknown[] }).errors ?? [];
  return /already exists/i.test(error.message) || nested.some(alreadyExists);
}

/** Leaves the group (committed offsets stay) and closes the consumer; a broker that does not answer cannot stop that. */
const leave = (consumer: Consumer) => new Promise<void>((resolve) => consumer.close(true, () => resolve()));

/** Headers as the client sends them without serializers: Buffers (repeated headers keep their last value). */
function bufferHeaders(headers: KafkaHeaders): Map<Buffer, Buffer> {
  const map = new Map<Buffer, Buffer>();
  for (const [key, value] of Object.entries(headers)) {
    const last = Array.isArray(value) ? value.at(-1) : value;
    if (last !== undefined) map.set(Buffer.from(key), Buffer.isBuffer(last) ? last : Buffer.from(last));
  }
  return map;
}
