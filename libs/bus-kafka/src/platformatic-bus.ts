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
  DeadLetterCounter,
  deadLetterHeaders,
  deliver,
  DLQ_SUFFIX,
  type KafkaBusOptions,
  type KafkaHeaders,
  LAG_TIMEOUT_MS,
  partitionLag,
  PROBE_TIMEOUT_MS,
  PRODUCER_RETRIES,
  type Refusal,
  RESTART_BACKOFF,
  Subscriptions,
  TopicKeeper,
  topicSettings,
  within,
  wireMessage,
} from './kafka-shared';

/**
 * The IntegrationBus on @platformatic/kafka (maintained; no native code), with the behaviour of
 * kafka-bus.ts (kafkajs) and the same wire format, so either client reads what the other wrote and
 * `REGIE_KAFKA_CLIENT` can change between two starts of a process:
 *
 * - topics and their dead-letter topics created with the configured partitions and unlimited retention;
 * - key = stream id, partitioned as kafkajs and the Java client do (murmur2, `compatibilityPartitioner`),
 *   so a key stays on its partition when the client changes;
 * - with a keyring, what it publishes signed and a message not signed with a shared key dead-lettered
 *   unread (message-signing.ts);
 * - a malformed message dead-lettered at once, one whose handler keeps failing after `maxAttempts`,
 *   with the group, the reason and the error in its headers; an error the subscriber calls transient
 *   retried until it passes;
 * - a topic the broker lost created again (TopicKeeper in kafka-shared.ts);
 * - TLS and SASL to the brokers as configured;
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
  private readonly topics = new TopicKeeper({
    list: async () => (await this.clients).admin.listTopics(),
    create: (missing) => this.createTopics(missing),
  });
  /** Consumer groups whose consumer stopped and is not running again yet. */
  private readonly replacing = new Set<string>();
  private readonly subscriptions = new Subscriptions();
  private readonly deadLettered = new DeadLetterCounter();
  /** The last send of the producer (see send). */
  private sending: Promise<unknown> = Promise.resolve();
  /** Aborted by close(): no consumer is replaced any more. */
  private readonly closing = new AbortController();

  constructor(private readonly options: KafkaBusOptions) {
    super();
    this.clients = client().then((lib) => {
      const admin = new lib.Admin(this.clientOptions('admin'));
      const producer = new lib.Producer({
        ...this.clientOptions('producer'),
        retries: PRODUCER_RETRIES,
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

  private ensurePhysical(topics: string[]): Promise<void> {
    return this.topics.ensure(topics);
  }

  private async createTopics(missing: string[]): Promise<void> {
    const { admin } = await this.clients;
    for (const name of missing) {
      const { topic, partitions, replicationFactor, configs } = topicSettings(name, this.options);
      // Another process may create it at the same moment: then it exists, which is all that counts.
      await admin.createTopics({ topics: [topic], partitions, replicas: replicationFactor, configs }).catch((error: unknown) => {
        if (!alreadyExists(error)) throw error;
      });
    }
    await this.leadersElected(missing);
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
    const topics = [...new Set(messages.map((m) => this.physical(m.topic)))];
    await this.ensurePhysical(topics);
    const batch = messages.map((m) => {
      const topic = this.physical(m.topic);
      const { key, value, headers } = wireMessage(topic, m, this.options.keyring);
      return { topic, key: Buffer.from(key), value: Buffer.from(value), headers: bufferHeaders(headers) };
    });
    await this.topics.send(topics, () => this.send(batch));
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
      await this.topics.again([this.physical(topic)]); // (re)starting: the broker may have lost it meanwhile
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
          const incoming = { topic: message.topic, key: message.key, value: message.value, headers: headersOf(message) };
          const refusal = await deliver(topic, incoming, handler, this.options, isTransient);
          if (refusal) await this.deadLetter(message, group, refusal);
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

  /** A copy on `<topic>.dlq` saying where it came from, which consumer group refused it and why. */
  private async deadLetter(message: Message, group: string, refusal: Refusal): Promise<void> {
    const headers = deadLetterHeaders({
      topic: message.topic,
      partition: message.partition,
      offset: String(message.offset),
      group: this.physical(group),
      ...refusal,
      headers: headersOf(message),
    });
    const copy = { topic: message.topic + DLQ_SUFFIX, key: message.key, value: message.value, headers: bufferHeaders(headers) };
    await this.topics.send([message.topic], () => this.send([copy]));
    this.deadLettered.add(message.topic.slice(this.physical('').length), group);
    this.options.onDeadLetter?.(message.topic, `${refusal.reason} (${this.physical(group)}): ${refusal.error}`);
  }

  /**
   * Sends through the one idempotent producer, one send after the other: two consumer groups of this
   * process dead-lettering at the same moment lost one copy when their sends to the same partition
   * overlapped (the broker took it for a duplicate), while both sends resolved.
   */
  private send(messages: Parameters<Producer['send']>[0]['messages']): Promise<unknown> {
    const sent = this.sending.then(async () => (await this.clients).producer.send({ messages }));
    this.sending = sent.catch(() => undefined);
    return sent;
  }

  /** The options every client of this bus shares: retries as kafkajs's (capped at 5 s between them). */
  private clientOptions(role: string): BaseOptions {
    return {
      clientId: `${this.options.clientId}-${role}`,
      bootstrapBrokers: this.options.brokers,
      retries: 12,
      retryDelay: (_client, _operation, attempt) => backoffDelay(attempt, RESTART_BACKOFF),
      tls: this.options.ssl === true ? {} : this.options.ssl || undefined,
      sasl: this.options.sasl && { ...this.options.sasl, mechanism: SASL_MECHANISMS[this.options.sasl.mechanism] },
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

/** The SASL mechanisms of KafkaBusOptions as this client names them. */
const SASL_MECHANISMS = { plain: 'PLAIN', 'scram-sha-256': 'SCRAM-SHA-256', 'scram-sha-512': 'SCRAM-SHA-512' } as const;

/** The message's headers as the shared code reads them (the client hands them over as a Map of Buffers). */
const headersOf = (message: Message): KafkaHeaders => Object.fromEntries([...message.headers].map(([k, v]) => [k.toString('utf8'), v]));

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
