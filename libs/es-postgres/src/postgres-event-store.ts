import { EventEmitter } from 'node:events';
import { Pool, type PoolClient } from 'pg';
import {
  type AppendResult,
  type BatchHandler,
  EventIdConflict,
  EventStore,
  type ExpectedRevision,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type SubscribeAllOptions,
  type Subscription,
  WrongExpectedRevision,
} from '@regie/es-core';
import { ensureEventStoreSchema, quoteIdent } from './schema';
import { chainHash } from './hash-chain';
import { toRecorded } from './rows';
import { backfillChain } from './verify-chain';
import { pollingSubscription } from './subscription';

const UNIQUE_VIOLATION = '23505';
const NOTIFY_CHANNEL = 'regie_events_appended';

export interface PostgresEventStoreOptions {
  connectionString: string;
  schema?: string;
  poolSize?: number;
  /** Fallback poll interval of live subscriptions when no notification arrives. */
  pollIntervalMs?: number;
  onConnectionError?: (error: Error) => void;
}

const defaultConnectionError = (error: Error) => console.warn(`[event-store] connection lost: ${error.message}`);

/**
 * The PostgreSQL adapter of the EventStore port.
 *
 * No reader ever skips an event (the "gap" problem of sequence-based positions): a plain
 * sequence hands out positions at insert time, so a transaction holding position 7 may
 * commit after one holding 8, and a reader at 8 would never see 7. Here every append takes
 * the row lock of the single `head` row as its last step, reads and bumps the position there,
 * and holds the lock until it commits. Positions are therefore assigned in commit order:
 * when a reader sees position n, every position below n is already committed (or was never
 * handed out: a rolled-back append also rolls back its bump, so positions stay contiguous).
 * The price is that appends commit one at a time; the lock is taken after all per-stream
 * work, so only the insert and the commit are serialised.
 */
export class PostgresEventStore extends EventStore {
  readonly kind = 'postgres';
  private readonly pool: Pool;
  private readonly s: string;
  private readonly appended = new EventEmitter();
  private listener?: PoolClient;
  private closing = false;

  private constructor(private readonly options: PostgresEventStoreOptions) {
    super();
    this.pool = new Pool({ connectionString: options.connectionString, max: options.poolSize ?? 10 });
    // An idle connection that the server drops must not crash the process; the pool replaces it.
    this.pool.on('error', (error) => {
      if (!this.closing) (options.onConnectionError ?? defaultConnectionError)(error);
    });
    this.s = quoteIdent(options.schema ?? 'es');
    this.appended.setMaxListeners(0);
  }

  static async open(options: PostgresEventStoreOptions): Promise<PostgresEventStore> {
    const store = new PostgresEventStore(options);
    await ensureEventStoreSchema(store.pool, options.schema ?? 'es');
    await backfillChain(store.pool, store.s);
    await store.listen();
    return store;
  }

  async append(streamId: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    if (events.length === 0) throw new Error('append needs at least one event');
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.tryAppend(streamId, events, expected);
      } catch (error) {
        // Two appends of the same new event ids race: the loser retries once and finds them stored.
        if ((error as { code?: string }).code === UNIQUE_VIOLATION && attempt === 0) continue;
        throw error;
      }
    }
  }

  private async tryAppend(streamId: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      // 1. Lock the stream (creating its row if new) so appends to one stream queue up here.
      await client.query(`INSERT INTO ${this.s}.streams (stream_id, revision) VALUES ($1, -1) ON CONFLICT DO NOTHING`, [streamId]);
      const { rows } = await client.query(`SELECT revision FROM ${this.s}.streams WHERE stream_id = $1 FOR UPDATE`, [streamId]);
      const current = Number(rows[0].revision);

      // 2. Idempotence, checked under the stream lock so a concurrent twin is already visible.
      const repeated = await this.alreadyStored(client, streamId, events);
      if (repeated) {
        await client.query('ROLLBACK');
        return repeated;
      }

      // 3. Optimistic concurrency.
      if (!matches(expected, current)) {
        throw new WrongExpectedRevision(streamId, String(expected), current);
      }

      // 4. Global order: take the head lock last and keep it until commit (see class comment).
      //    The head row also carries the hash chain (hash-chain.ts), and the database clock gives
      //    recordedAt, so the chain covers exactly what is stored.
      const head = await client.query(
        `UPDATE ${this.s}.head SET position = position + $1
         RETURNING position, hash, (extract(epoch from clock_timestamp()) * 1000)::bigint AS now_ms`,
        [events.length],
      );
      const lastPosition = Number(head.rows[0].position);
      const firstPosition = lastPosition - events.length + 1;
      const recordedAt = new Date(Number(head.rows[0].now_ms));
      const lastHash = await this.insert(client, streamId, events, current + 1, firstPosition, recordedAt, head.rows[0].hash);
      await client.query(`UPDATE ${this.s}.head SET hash = $1`, [lastHash]);
      const revision = current + events.length;
      await client.query(`UPDATE ${this.s}.streams SET revision = $2 WHERE stream_id = $1`, [streamId, revision]);
      await client.query(`SELECT pg_notify('${NOTIFY_CHANNEL}', $1)`, [String(lastPosition)]);
      await client.query('COMMIT');
      this.appended.emit('appended', lastPosition);
      return { nextExpectedRevision: revision, lastPosition };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  private async alreadyStored(client: PoolClient, streamId: string, events: NewEvent[]): Promise<AppendResult | undefined> {
    const ids = events.map((e) => e.id);
    const { rows } = await client.query(
      `SELECT event_id, stream_id, revision, position FROM ${this.s}.events WHERE event_id = ANY($1::uuid[]) ORDER BY position`,
      [ids],
    );
    if (rows.length === 0) return undefined;
    if (rows.length !== ids.length || rows.some((r) => r.stream_id !== streamId)) {
      throw new EventIdConflict(`event ids ${rows.map((r) => r.event_id).join(', ')} are already stored elsewhere or without the rest of this batch`);
    }
    const last = rows[rows.length - 1];
    return { nextExpectedRevision: Number(last.revision), lastPosition: Number(last.position) };
  }

  /** The pool, for PostgreSQL-specific readers such as the chain verification and the audit log. */
  get sqlPool(): Pool {
    return this.pool;
  }

  get schemaName(): string {
    return this.options.schema ?? 'es';
  }

  /** Inserts the batch with its chain hashes; returns the last hash. */
  private async insert(
    client: PoolClient, streamId: string, events: NewEvent[], firstRevision: number, firstPosition: number,
    recordedAt: Date, previousHash: string,
  ): Promise<string> {
    const params: unknown[] = [];
    let hash = previousHash;
    const tuples = events.map((e, i) => {
      const position = firstPosition + i;
      const revision = firstRevision + i;
      hash = chainHash(hash, { ...e, streamId, position, revision, recordedAt });
      params.push(position, e.id, streamId, revision, e.type, e.schemaVersion, JSON.stringify(e.data), JSON.stringify(e.metadata), e.occurredAt, recordedAt, hash);
      const b = i * 11;
      return `(${Array.from({ length: 11 }, (_, k) => `$${b + k + 1}`).join(', ')})`;
    });
    await client.query(
      `INSERT INTO ${this.s}.events (position, event_id, stream_id, revision, type, schema_version, data, metadata, occurred_at, recorded_at, hash)
       VALUES ${tuples.join(', ')}`,
      params,
    );
    return hash;
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const { rows } = await this.pool.query(
      `SELECT * FROM ${this.s}.events WHERE stream_id = $1 AND revision >= $2 ORDER BY revision LIMIT $3`,
      [streamId, options.fromRevision ?? 0, options.maxCount ?? null],
    );
    return rows.map(toRecorded);
  }

  async readAll(options: ReadAllOptions): Promise<RecordedEvent[]> {
    const { rows } = await this.pool.query(
      `SELECT * FROM ${this.s}.events WHERE position > $1 ORDER BY position LIMIT $2`,
      [options.after, options.limit],
    );
    return rows.map(toRecorded);
  }

  subscribeAll(options: SubscribeAllOptions, handler: BatchHandler): Subscription {
    return pollingSubscription({
      after: options.after,
      batchSize: options.batchSize ?? 500,
      read: (after, limit) => this.readAll({ after, limit }),
      wakeups: this.appended,
      pollIntervalMs: this.options.pollIntervalMs ?? 1000,
      handler,
    });
  }

  async headPosition(): Promise<number> {
    const { rows } = await this.pool.query(`SELECT position FROM ${this.s}.head`);
    return Number(rows[0].position);
  }

  async close(): Promise<void> {
    this.closing = true;
    this.appended.emit('closed');
    if (this.listener) {
      this.dropListener(this.listener);
    }
    await this.pool.end();
  }

  /** Gives a listener connection back for good; later socket errors on it are expected and ignored. */
  private dropListener(listener: PoolClient): void {
    if (this.listener === listener) this.listener = undefined;
    listener.removeAllListeners('error');
    listener.on('error', () => undefined);
    listener.release(true);
  }

  /**
   * Appends by other processes (other instances, the CLI) wake live subscriptions too.
   * A lost listener connection is replaced; until then the poll interval covers.
   */
  private async listen(): Promise<void> {
    const listener = await this.pool.connect();
    this.listener = listener;
    listener.on('notification', (n) => this.appended.emit('appended', Number(n.payload)));
    listener.on('error', () => {
      this.dropListener(listener);
      if (!this.closing) setTimeout(() => this.listen().catch(() => undefined), 1000).unref();
    });
    await listener.query(`LISTEN ${NOTIFY_CHANNEL}`);
  }
}

const matches = (expected: ExpectedRevision, current: number): boolean =>
  expected === 'any' || (expected === 'no_stream' ? current === -1 : expected === current);
