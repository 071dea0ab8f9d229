import type { DataSource, EntityManager } from 'typeorm';
import type { BusSubscription, IntegrationBus, IntegrationMessage } from '@regie/es-core';

export interface IdempotentConsumerOptions {
  /** Consumer name, also the bus consumer group, e.g. 'monitoring.actions'. */
  name: string;
  topic: string;
  bus: IntegrationBus;
  dataSource: DataSource;
  handle: (message: IntegrationMessage, em: EntityManager) => Promise<void>;
}

/**
 * Applies each integration message exactly once to a read model, although the bus delivers
 * at least once: the message's event id is recorded in `processed_messages` in the same
 * transaction as the read-model change, and a message already recorded is skipped.
 */
export class IdempotentConsumer {
  private subscription?: BusSubscription;

  constructor(private readonly options: IdempotentConsumerOptions) {}

  async start(): Promise<void> {
    const [row] = await this.options.dataSource.query(
      `SELECT coalesce(max(position), 0) AS after FROM "${(this.options.dataSource.options as { schema?: string }).schema}".processed_messages WHERE consumer = $1`,
      [this.options.name],
    );
    this.subscription = await this.options.bus.subscribe(this.options.topic, this.options.name, async (m) => void (await this.apply(m)), {
      after: Number(row.after), // where a bus without retention (in-process) resumes; Kafka uses its offsets
    });
  }

  async stop(): Promise<void> {
    await this.subscription?.close();
    this.subscription = undefined;
  }

  /** Returns false when the message had been applied before. */
  apply(message: IntegrationMessage): Promise<boolean> {
    return this.options.dataSource.transaction((em) => applyOnce(em, this.options.name, message, this.options.handle));
  }
}

/** Records the message as processed by `consumer` and handles it, unless it was already: in `em`'s transaction. */
export async function applyOnce(
  em: EntityManager,
  consumer: string,
  message: IntegrationMessage,
  handle: (message: IntegrationMessage, em: EntityManager) => Promise<void>,
): Promise<boolean> {
  const schema = (em.connection.options as { schema?: string }).schema;
  const fresh = await em.query(
    `INSERT INTO "${schema}".processed_messages (consumer, event_id, position) VALUES ($1, $2, $3)
     ON CONFLICT DO NOTHING RETURNING event_id`,
    [consumer, message.eventId, message.position],
  );
  if (fresh.length === 0) return false;
  await handle(message, em);
  return true;
}

export async function ensureProcessedMessagesTable(ds: DataSource): Promise<void> {
  const schema = (ds.options as { schema?: string }).schema;
  await ds.query(
    `CREATE TABLE IF NOT EXISTS "${schema}".processed_messages (
       consumer text NOT NULL, event_id uuid NOT NULL, position bigint NOT NULL,
       PRIMARY KEY (consumer, event_id))`,
  );
}
