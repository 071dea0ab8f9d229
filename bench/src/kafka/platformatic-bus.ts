import { Admin, Consumer, MessagesStreamModes, Producer, stringDeserializers, stringSerializers } from '@platformatic/kafka';
import { type BusSubscription, IntegrationBus, type IntegrationMessage, type MessageHandler } from '@regie/es-core';

/**
 * The IntegrationBus on @platformatic/kafka, for part 6 of the benchmark only: the produce and
 * consume paths of libs/bus-kafka (KafkaBus, kafkajs) on the other client, same wire format
 * (JSON envelope, key = stream id, eventId/type headers), same producer settings (idempotent,
 * acks = all), one consumer group per subscriber reading from the beginning, the handler called
 * one message at a time in order. What the bench does not exercise is left out: dead-lettering
 * and handler retries. Offsets are committed every 100 ms (autocommit), as kafkajs commits after
 * each batch.
 */
export class PlatformaticKafkaBus extends IntegrationBus {
  readonly kind = 'kafka';
  readonly needsRelay = true;
  private readonly producer: Producer<string, string, string, string>;
  private readonly admin: Admin;
  private readonly consumers = new Set<Consumer<string, string, string, string>>();

  constructor(private readonly options: { brokers: string[]; clientId: string; partitions?: number }) {
    super();
    this.producer = new Producer({
      clientId: options.clientId,
      bootstrapBrokers: options.brokers,
      serializers: stringSerializers,
      idempotent: true,
      acks: -1,
    });
    this.admin = new Admin({ clientId: `${options.clientId}-admin`, bootstrapBrokers: options.brokers });
  }

  async ensureTopics(topics: string[]): Promise<void> {
    const existing = new Set(await this.admin.listTopics());
    const missing = topics.filter((t) => !existing.has(t));
    if (missing.length > 0) await this.admin.createTopics({ topics: missing, partitions: this.options.partitions ?? 3, replicas: 1 });
  }

  async isConnected(): Promise<boolean> {
    return this.admin.listTopics().then(
      () => true,
      () => false,
    );
  }

  registerSource(): void {
    // The producer's relay publishes.
  }

  async publish(messages: IntegrationMessage[]): Promise<void> {
    if (messages.length === 0) return;
    await this.producer.send({
      messages: messages.map((m) => ({
        topic: m.topic,
        key: m.key,
        value: JSON.stringify({ eventId: m.eventId, type: m.type, payload: m.payload, position: m.position, occurredAt: m.occurredAt }),
        headers: { eventId: m.eventId, type: m.type, ...m.headers },
      })),
    });
  }

  async subscribe(topic: string, group: string, handler: MessageHandler): Promise<BusSubscription> {
    await this.ensureTopics([topic]);
    const consumer = new Consumer({
      groupId: group,
      clientId: `${this.options.clientId}-${group}`,
      bootstrapBrokers: this.options.brokers,
      deserializers: stringDeserializers,
      sessionTimeout: 10_000,
      heartbeatInterval: 1000,
      maxWaitTime: 100,
    });
    this.consumers.add(consumer);
    const stream = await consumer.consume({
      topics: [topic],
      mode: MessagesStreamModes.COMMITTED,
      fallbackMode: 'earliest',
      autocommit: 100,
    });
    const done = (async () => {
      for await (const message of stream) {
        const envelope = JSON.parse(message.value) as {
          eventId: string;
          type: string;
          payload: unknown;
          position: number;
          occurredAt: string;
        };
        await handler({ topic, key: message.key, ...envelope });
      }
    })().catch(() => undefined);
    return {
      close: async () => {
        this.consumers.delete(consumer);
        await stream.close();
        await done;
        await consumer.close(true);
      },
    };
  }

  async close(): Promise<void> {
    await Promise.all([...this.consumers].map((c) => c.close(true)));
    this.consumers.clear();
    await this.producer.close();
    await this.admin.close();
  }
}
