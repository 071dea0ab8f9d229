import { context, createContextKey, type Span, type SpanContext, SpanStatusCode, trace } from '@opentelemetry/api';
import type { DataSource, EntityManager } from 'typeorm';
import type { BusSubscription, IntegrationBus, IntegrationMessage } from '@regie/es-core';
import { isTransientDatabaseError } from './postgres-errors';

export interface IdempotentConsumerOptions {
  /** Consumer name, also the bus consumer group, e.g. 'monitoring.actions'. */
  name: string;
  topic: string;
  bus: IntegrationBus;
  dataSource: DataSource;
  handle: (message: IntegrationMessage, em: EntityManager) => Promise<void>;
  /** Optional: handles several messages at once (in order); used for batches. */
  handleBatch?: (messages: IntegrationMessage[], em: EntityManager) => Promise<void>;
  /**
   * Optional: the message types this consumer applies. Others are passed over: neither handled
   * nor recorded (a message that changes nothing needs no protection against a second delivery).
   */
  handles?: (type: string) => boolean;
}

/**
 * Applies each integration message exactly once to a read model, although the bus delivers
 * at least once: the message's event id is recorded in `processed_messages` in the same
 * transaction as the read-model change, and a message already recorded is skipped.
 *
 * Messages that are there at once (a consumer catching up) are applied in one transaction per
 * batch, recorded with one statement. Should the batch fail, its messages are applied again one
 * transaction each, so the one that fails does so on its own, after the ones before it
 * committed (what the bus then redelivers is skipped as recorded).
 */
/** The consumer spans of a batch's messages by event id, set by the platform's observed bus (libs/nest-kit/src/observed-bus.ts). */
const MESSAGE_SPANS = createContextKey('regie.message-spans');

/** How often a consumer stores how far the in-process bus has read for it. */
const READ_POSITION_SAVE_MS = 5000;

export class IdempotentConsumer {
  private subscription?: BusSubscription;
  /** How far a bus without retention has read the store for this consumer, and what of it is stored. */
  private readTo = 0;
  private storedReadTo = 0;
  private saveTimer?: NodeJS.Timeout;

  constructor(private readonly options: IdempotentConsumerOptions) {}

  async start(): Promise<void> {
    const schema = (this.options.dataSource.options as { schema?: string }).schema;
    const [row] = await this.options.dataSource.query(
      `SELECT greatest(
         (SELECT coalesce(max(position), 0) FROM "${schema}".processed_messages WHERE consumer = $1),
         ${readPositionOf(schema)}) AS after`,
      [this.options.name],
    );
    this.readTo = this.storedReadTo = Number(row.after);
    this.subscription = await this.options.bus.subscribeBatch(
      this.options.topic,
      this.options.name,
      (messages) => this.applyAll(messages),
      {
        after: this.readTo, // where a bus without retention (in-process) resumes; Kafka uses its offsets
        isTransient: isTransientDatabaseError, // a database outage is retried, never dead-lettered
        readUpTo: (position) => this.passed(position),
      },
    );
  }

  async stop(): Promise<void> {
    await this.subscription?.close();
    this.subscription = undefined;
    await this.saveReadTo();
  }

  /**
   * The bus read the store up to `position` and every message before it is applied: remembered,
   * and stored at most every few seconds (and at stop). Losing it costs only a longer read at the
   * next start; `processed_messages` still keeps each message applied once.
   */
  private passed(position: number): void {
    this.readTo = Math.max(this.readTo, position);
    if (this.saveTimer || this.readTo <= this.storedReadTo) return;
    this.saveTimer = setTimeout(() => void this.saveReadTo(), READ_POSITION_SAVE_MS);
    this.saveTimer.unref();
  }

  private async saveReadTo(): Promise<void> {
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    const position = this.readTo;
    if (position <= this.storedReadTo || !this.options.dataSource.isInitialized) return;
    await recordReadPosition(this.options.dataSource.manager, this.options.name, position).then(
      () => void (this.storedReadTo = Math.max(this.storedReadTo, position)),
      () => undefined, // the database is away: the next save, or the next start's longer read, covers it
    );
  }

  /** Returns false when the message had been applied before, or is of a type this consumer passes over. */
  apply(message: IntegrationMessage): Promise<boolean> {
    if (this.options.handles && !this.options.handles(message.type)) return Promise.resolve(false);
    return this.written([message], () =>
      this.options.dataSource.transaction((em) => applyOnce(em, this.options.name, message, this.options.handle)),
    );
  }

  /** Applies a batch in one transaction, or, should that fail, message by message. */
  async applyAll(delivered: IntegrationMessage[]): Promise<void> {
    const handles = this.options.handles;
    const messages = handles ? delivered.filter((m) => handles(m.type)) : delivered;
    if (messages.length === 0) return;
    return this.written(messages, () => this.applyEach(messages));
  }

  /**
   * The read-model write, in a span of its own within the message's (the bus's consumer span);
   * while traces are off the API's no-op tracer makes this a plain call.
   */
  private written<T>(messages: IntegrationMessage[], write: () => Promise<T>): Promise<T> {
    const attributes = { 'regie.consumer': this.options.name, 'messaging.batch.message_count': messages.length };
    const name = `read-model write ${this.options.name}`;
    const tracer = trace.getTracer('regie');
    // A batch is one transaction: besides the active span (the first message's), a write span in
    // each other message's own consumer span, so every message's trace ends in its read-model write.
    const spans = context.active().getValue(MESSAGE_SPANS) as Map<string, SpanContext> | undefined;
    const siblings: Span[] = spans
      ? messages.slice(1).flatMap((m) => {
          const parent = spans.get(m.eventId);
          return parent ? [tracer.startSpan(name, { attributes }, trace.setSpanContext(context.active(), parent))] : [];
        })
      : [];
    return tracer.startActiveSpan(name, { attributes }, async (span) => {
      const all = [span, ...siblings];
      try {
        return await write();
      } catch (error) {
        for (const s of all) s.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
        throw error;
      } finally {
        for (const s of all) s.end();
      }
    });
  }

  private async applyEach(messages: IntegrationMessage[]): Promise<void> {
    if (messages.length === 1)
      return void (await this.options.dataSource.transaction((em) => applyOnce(em, this.options.name, messages[0], this.options.handle)));
    try {
      await this.options.dataSource.transaction((em) =>
        applyAllOnce(em, this.options.name, messages, this.options.handle, this.options.handleBatch),
      );
    } catch {
      for (const message of messages) await this.apply(message);
    }
  }
}

/**
 * The consumer's read position ($1 names the consumer): every message at or before it has been
 * applied, so one delivered again is passed over without a record of its own. A rebuild keeps
 * only this position (no row per message); the in-process bus moves it as it reads the store.
 */
const readPositionOf = (schema: string | undefined) =>
  `coalesce((SELECT position FROM "${schema}".consumer_positions WHERE consumer = $1), 0)`;

/**
 * applyOnce for a batch: records all of them with one statement, then handles, in order, those
 * not recorded before nor at or before the consumer's read position (each once, even when the
 * batch holds it twice), with `handleBatch` at once when given; in `em`'s transaction.
 */
export async function applyAllOnce(
  em: EntityManager,
  consumer: string,
  messages: IntegrationMessage[],
  handle: (message: IntegrationMessage, em: EntityManager) => Promise<void>,
  handleBatch?: (messages: IntegrationMessage[], em: EntityManager) => Promise<void>,
): Promise<number> {
  if (messages.length === 0) return 0;
  const schema = (em.connection.options as { schema?: string }).schema;
  const fresh: { event_id: string }[] = await em.query(
    `INSERT INTO "${schema}".processed_messages (consumer, event_id, position)
     SELECT $1, u.event_id, u.position FROM unnest($2::uuid[], $3::bigint[]) AS u(event_id, position)
     WHERE u.position > ${readPositionOf(schema)}
     ON CONFLICT DO NOTHING RETURNING event_id`,
    [consumer, messages.map((m) => m.eventId), messages.map((m) => m.position)],
  );
  const todo = new Set(fresh.map((r) => r.event_id));
  const handled = messages.filter((m) => todo.delete(m.eventId.toLowerCase()));
  if (handleBatch && handled.length > 0) await handleBatch(handled, em);
  else for (const message of handled) await handle(message, em);
  return handled.length;
}

/** Records the message as processed by `consumer` and handles it, unless it was already (or lies at or before its read position): in `em`'s transaction. */
export async function applyOnce(
  em: EntityManager,
  consumer: string,
  message: IntegrationMessage,
  handle: (message: IntegrationMessage, em: EntityManager) => Promise<void>,
): Promise<boolean> {
  const schema = (em.connection.options as { schema?: string }).schema;
  const fresh = await em.query(
    `INSERT INTO "${schema}".processed_messages (consumer, event_id, position) SELECT $1::text, $2::uuid, $3::bigint
     WHERE $3::bigint > ${readPositionOf(schema)}
     ON CONFLICT DO NOTHING RETURNING event_id`,
    [consumer, message.eventId, message.position],
  );
  if (fresh.length === 0) return false;
  await handle(message, em);
  return true;
}

/**
 * Records that `consumer` has seen every message up to store position `position` (never moving
 * back): where it resumes reading the store, in `em`'s transaction. A rebuild records it with each
 * batch; a live consumer as the in-process bus tells it.
 */
export async function recordReadPosition(em: EntityManager, consumer: string, position: number): Promise<void> {
  const schema = (em.connection.options as { schema?: string }).schema;
  await em.query(
    `INSERT INTO "${schema}".consumer_positions (consumer, position) VALUES ($1, $2)
     ON CONFLICT (consumer) DO UPDATE SET position = greatest(consumer_positions.position, excluded.position)`,
    [consumer, position],
  );
}

/** The consumers' bookkeeping: each message applied (exactly once), and how far each has read the store. */
export async function ensureProcessedMessagesTable(ds: DataSource): Promise<void> {
  const schema = (ds.options as { schema?: string }).schema;
  await ds.query(
    `CREATE TABLE IF NOT EXISTS "${schema}".processed_messages (
       consumer text NOT NULL, event_id uuid NOT NULL, position bigint NOT NULL,
       PRIMARY KEY (consumer, event_id))`,
  );
  await ds.query(`CREATE TABLE IF NOT EXISTS "${schema}".consumer_positions (consumer text PRIMARY KEY, position bigint NOT NULL)`);
}
