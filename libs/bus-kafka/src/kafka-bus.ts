import { type Admin, type Consumer, Kafka, type KafkaMessage, logLevel, type Producer, type SASLOptions } from 'kafkajs';
import {
  type BusSubscription,
  type ConsumerLag,
  type DeadLetterCount,
  IntegrationBus,
  type IntegrationMessage,
  type MessageHandler,
  retry,
  type SubscribeOptions,
} from '@regie/es-core';
import { kafkaLogCreator } from './kafka-log';
import {
  DeadLetterCounter,
  deadLetterHeaders,
  deliver,
  DLQ_SUFFIX,
  isUnknownTopic,
  type KafkaBusOptions,
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

export { DLQ_SUFFIX, type KafkaBusOptions } from './kafka-shared';

/**
 * The IntegrationBus on Kafka with kafkajs (unmaintained since 2023); platformatic-bus.ts is the same
 * on @platformatic/kafka, and kafka-shared.ts what both share (REGIE_KAFKA_CLIENT chooses).
 *
 * - One topic per context and version (`regie.actions.v1`), created by the platform with the
 *   configured partitions; key = stream id, so one aggregate's events stay in order.
 * - One consumer group per consuming service; members share the partitions.
 * - With a keyring, what it publishes is signed and a message not signed with a shared key goes to
 *   `<topic>.dlq` unread (message-signing.ts).
 * - A message that cannot be parsed goes to `<topic>.dlq` at once; one whose handler keeps
 *   failing goes there after `maxAttempts`, with the group, the reason and the error in its
 *   headers; consumption goes on.
 *   An error the subscriber calls transient (SubscribeOptions.isTransient: its database is
 *   down) is retried until it passes: an outage delays consumption but never dead-letters.
 * - Offsets are committed after the handler returns; a crash redelivers at most the messages
 *   since the last commit, which the idempotent consumers absorb.
 * - A topic the broker lost is created again (TopicKeeper in kafka-shared.ts).
 */

/**
 * kafkajs backs off exponentially up to `maxRetryTime` (default 30 s) between attempts: after a
 * broker outage a client could sleep up to half a minute after the broker is back. Capped at 5 s,
 * delivery resumes within seconds; after the retries the consumer restarts and tries again.
 */
const RETRY = { initialRetryTime: RESTART_BACKOFF.baseMs, maxRetryTime: RESTART_BACKOFF.maxMs, retries: 12 };
/** kafkajs's idempotent producer retries forever by default (see PRODUCER_RETRIES). */
const PRODUCER_RETRY = { ...RETRY, retries: PRODUCER_RETRIES };

export class KafkaBus extends IntegrationBus {
  readonly kind = 'kafka';
  /** Kafka keeps the log: producers relay their store events to it. */
  readonly needsRelay = true;
  private readonly kafka: Kafka;
  private readonly admin: Admin;
  private readonly producer: Producer;
  private readonly consumers = new Set<Consumer>();
  private readonly topics = new TopicKeeper({
    list: () => this.admin.listTopics(),
    create: async (missing) =>
      void (await this.admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((name) => {
          const { topic, partitions, replicationFactor, configs } = topicSettings(name, this.options);
          return { topic, numPartitions: partitions, replicationFactor, configEntries: configs };
        }),
      })),
  });
  /** Consumer groups whose consumer crashed and is not running again yet. */
  private readonly replacing = new Set<string>();
  private readonly subscriptions = new Subscriptions();
  private readonly deadLettered = new DeadLetterCounter();
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
    await this.topics.ensure(topics);
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
      topicMessages: [...byTopic].map(([topic, list]) => ({
        topic,
        messages: list.map((m) => wireMessage(topic, m, this.options.keyring)),
      })),
    };
    await this.ensurePhysical([...byTopic.keys()]);
    await this.topics.send([...byTopic.keys()], () => this.producer.sendBatch(batch));
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
        if (isUnknownTopic(payload.error)) void this.topics.again([this.physical(topic)]).catch(() => undefined);
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
    const unsubscribe = this.subscriptions.add(topic, group);
    return {
      close: async () => {
        closed.abort();
        unsubscribe();
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
      await this.connect();
      await this.topics.again([this.physical(topic)]); // (re)starting: the broker may have lost it meanwhile
      await consumer.connect();
      await consumer.subscribe({ topic: this.physical(topic), fromBeginning: true });
      await consumer.run({
        eachMessage: async ({ topic: from, partition, message }) => {
          const incoming = { topic: from, key: message.key, value: message.value, headers: message.headers ?? {} };
          const refusal = await deliver(topic, incoming, handler, this.options, isTransient);
          if (refusal) await this.deadLetter(from, partition, group, message, refusal);
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
    return within(
      this.connect().then(() => this.admin.describeCluster()),
      PROBE_TIMEOUT_MS,
    ).then(
      () => true,
      () => false,
    );
  }

  /** Committed offsets against the high watermarks, from the admin client; none while the broker does not answer. */
  override async consumerLag(): Promise<ConsumerLag[]> {
    const read = async () => {
      await this.connect();
      const lags: ConsumerLag[] = [];
      for (const { topic, group } of this.subscriptions.list()) {
        const [marks, [committed]] = await Promise.all([
          this.admin.fetchTopicOffsets(this.physical(topic)),
          this.admin.fetchOffsets({ groupId: this.physical(group), topics: [this.physical(topic)] }),
        ]);
        const offsets = new Map(committed?.partitions.map((p) => [p.partition, BigInt(p.offset)]));
        for (const m of marks)
          lags.push(partitionLag(group, topic, m.partition, offsets.get(m.partition) ?? -1n, BigInt(m.low), BigInt(m.high)));
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
    if (!this.connected) this.topics.forgetAll();
    this.connected ??= Promise.all([this.admin.connect(), this.producer.connect()]).then(
      () => undefined,
      (error) => {
        this.connected = undefined;
        throw error;
      },
    );
    return this.connected;
  }

  /** A copy on `<topic>.dlq` saying where it came from, which consumer group refused it and why. */
  private async deadLetter(topic: string, partition: number, group: string, message: KafkaMessage, refusal: Refusal): Promise<void> {
    const headers = deadLetterHeaders({
      topic,
      partition,
      offset: message.offset,
      group: this.physical(group),
      ...refusal,
      headers: message.headers ?? {},
    });
    const copy = { topic: topic + DLQ_SUFFIX, acks: -1, messages: [{ key: message.key, value: message.value, headers }] };
    await this.topics.send([topic], () => this.producer.send(copy));
    this.deadLettered.add(topic.slice(this.physical('').length), group);
    this.options.onDeadLetter?.(topic, `${refusal.reason} (${this.physical(group)}): ${refusal.error}`);
  }
}
