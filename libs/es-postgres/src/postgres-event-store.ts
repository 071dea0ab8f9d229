import { Logger } from '@nestjs/common';
import { EventEmitter } from 'node:events';
import { Pool, type PoolClient } from 'pg';
import {
  type AppendResult,
  type BatchHandler,
  EventIdConflict,
  EventStore,
  type EventStoreStatistics,
  type ExpectedRevision,
  type NewEvent,
  type ReadAllOptions,
  type OccurredBy,
  processChanges,
  type SnapshotStore,
  type ReadStreamOptions,
  type RecordedEvent,
  type SubscribeAllOptions,
  type Subscription,
  WrongExpectedRevision,
} from '@regie/es-core';
import { migrateEventStore } from './migrate';
import { NOTIFY_CHANNEL, quoteIdent } from './schema';
import { chainParts } from './hash-chain';
import { GroupCommit, type PendingAppend } from './group-commit';
import { type CommittedEvent, RecentEvents } from './recent-events';
import { RECORDED_COLUMNS, toRecorded } from './rows';
import { OccurrenceBlocks } from './occurrence-blocks';
import { type AuditedEvent, type AuditQuery, queryAuditLog } from './audit-log';
import { chainStatus, type ChainStatus } from './chain-status';
import { backfillChain, type ChainReport, verifyChain, type VerifyChainOptions } from './verify-chain';
import { pollingSubscription } from './subscription';

const UNIQUE_VIOLATION = '23505';

/** A row of append_batch's answer: one per append of the group. */
interface AppendOutcome {
  out_status: 'ok' | 'repeated' | 'conflict' | 'id_conflict';
  out_revision: string | null;
  out_position: string | null;
  out_detail: string | null;
  out_recorded_at: Date;
}

export interface PostgresEventStoreOptions {
  connectionString: string;
  schema?: string;
  poolSize?: number;
  /** Fallback poll interval of live subscriptions when no notification arrives. */
  pollIntervalMs?: number;
  onConnectionError?: (error: Error) => void;
  /** Group commit: groups committing at once (default 1) and events per group (default 1,000). */
  groupCommit?: { maxInFlight?: number; maxEvents?: number };
  /** Signs seals and checkpoints of the hash chain (hash-chain.ts); verifyChain needs it. Never stored in the database. */
  chainKey?: Buffer;
}

const defaultConnectionError = (error: Error) => new Logger('event-store').warn(`connection lost: ${error.message}`);

/**
 * The PostgreSQL adapter of the EventStore port.
 *
 * No reader ever skips an event (the "gap" problem of sequence-based positions): a plain
 * sequence hands out positions at insert time, so a transaction holding position 7 may
 * commit after one holding 8, and a reader at 8 would never see 7. Here every append takes
 * the row lock of the single `head` row as its last lock, reads and bumps the position there,
 * and holds the lock until it commits. Positions are therefore assigned in commit order:
 * when a reader sees position n, every position below n is already committed (or was never
 * handed out: a rolled-back append also rolls back its bump, so positions stay contiguous).
 *
 * The price is that appends commit one at a time. So that this costs little, an append is one
 * statement (the `append_batch` function: checks, inserts, hash chain, head, notify; one round
 * trip), and appends made concurrently in this process commit together (group commit: one
 * transaction, one WAL flush per group), each still checked on its own (expected revision,
 * idempotence), and each failing on its own.
 */
export class PostgresEventStore extends EventStore {
  readonly kind = 'postgres';
  private readonly pool: Pool;
  private readonly s: string;
  private readonly appended = new EventEmitter();
  private listener?: PoolClient;
  private closing = false;
  private readonly group: GroupCommit;
  private readonly recent = new RecentEvents();
  private snapshotStore?: SnapshotStore;
  private occurrences?: OccurrenceBlocks;

  private constructor(private readonly options: PostgresEventStoreOptions) {
    super();
    this.pool = new Pool({ connectionString: options.connectionString, max: options.poolSize ?? 10 });
    // An idle connection that the server drops must not crash the process; the pool replaces it.
    this.pool.on('error', (error) => {
      if (!this.closing) (options.onConnectionError ?? defaultConnectionError)(error);
    });
    this.s = quoteIdent(options.schema ?? 'es');
    this.appended.setMaxListeners(0);
    this.group = new GroupCommit({
      commit: (group) => this.commitGroup(group),
      maxInFlight: options.groupCommit?.maxInFlight ?? 1,
      maxEvents: options.groupCommit?.maxEvents ?? 1000,
    });
  }

  static async open(options: PostgresEventStoreOptions): Promise<PostgresEventStore> {
    const store = new PostgresEventStore(options);
    await migrateEventStore(store.pool, options.schema ?? 'es');
    await backfillChain(store.pool, store.s);
    await store.listen();
    return store;
  }

  append(streamId: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    if (events.length === 0) return Promise.reject(new Error('append needs at least one event'));
    if (this.closing) return Promise.reject(new Error('the event store is closed'));
    const parts = events.map((e) => chainParts({ ...e, streamId }));
    return new Promise((resolve, reject) => this.group.submit({ streamId, events, expected, parts, resolve, reject }));
  }

  /** Groups committed so far and the appends in them (group commit at work, for tests and the bench). */
  get groupCommitStats(): { groups: number; appends: number } {
    return { ...this.group.stats };
  }

  /**
   * One group, one statement: append_batch (append-function.ts) checks and writes every append in
   * it and reports each one's outcome. Should the statement itself fail (a connection lost, a
   * payload PostgreSQL refuses, two processes writing the same new event id at once), each append
   * is tried again alone, in order, so one append's failure is its own: retries are safe, as an
   * append whose events were stored after all comes back as a repeat.
   */
  private async commitGroup(group: PendingAppend[]): Promise<void> {
    let outcomes: AppendOutcome[];
    try {
      outcomes = await this.appendBatch(group);
    } catch (error) {
      if (group.length > 1) {
        for (const append of group) await this.commitGroup([append]);
        return;
      }
      // Two appends of the same new event ids raced: the loser tries once more and finds them stored.
      if ((error as { code?: string }).code === UNIQUE_VIOLATION && !group[0].retried) {
        group[0].retried = true;
        return this.commitGroup(group);
      }
      group[0].reject(error);
      return;
    }
    let last = 0;
    const committed: CommittedEvent[] = [];
    outcomes.forEach((outcome, i) => {
      const append = group[i];
      switch (outcome.out_status) {
        case 'ok':
        case 'repeated':
          if (outcome.out_status === 'ok') {
            last = Math.max(last, Number(outcome.out_position));
            committed.push(...committedEvents(append, outcome));
          }
          return append.resolve({ nextExpectedRevision: Number(outcome.out_revision), lastPosition: Number(outcome.out_position) });
        case 'conflict':
          return append.reject(new WrongExpectedRevision(append.streamId, String(append.expected), Number(outcome.out_revision)));
        case 'id_conflict':
          return append.reject(
            new EventIdConflict(`event ids ${outcome.out_detail} are already stored elsewhere or without the rest of this batch`),
          );
        default:
          return append.reject(new Error(`append_batch: unknown outcome ${outcome.out_status}`));
      }
    });
    this.recent.add(committed);
    if (last > 0) {
      processChanges.changed();
      this.appended.emit('appended', last);
    }
  }

  private async appendBatch(group: PendingAppend[]): Promise<AppendOutcome[]> {
    const events = group.flatMap((a) => a.events);
    const parts = group.flatMap((a) => a.parts);
    const { rows } = await this.pool.query<AppendOutcome>({
      name: `regie-append-batch-${this.schemaName}`,
      text: `SELECT out_status, out_revision, out_position, out_detail, out_recorded_at FROM ${this.s}.append_batch($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      values: [
        group.map((a) => a.streamId),
        group.map((a) => (a.expected === 'any' ? null : a.expected === 'no_stream' ? -1 : a.expected)),
        group.map((a) => a.events.length),
        events.map((e) => e.id),
        events.map((e) => e.type),
        events.map((e) => e.schemaVersion),
        parts.map((p) => p.data),
        parts.map((p) => p.metadata),
        events.map((e) => e.occurredAt),
        parts.map((p) => p.before),
        parts.map((p) => p.after),
      ],
    });
    if (rows.length !== group.length) throw new Error(`append_batch answered ${rows.length} outcomes for ${group.length} appends`);
    return rows;
  }

  /** The pool, for PostgreSQL-specific readers such as the chain verification and the audit log. */
  get sqlPool(): Pool {
    return this.pool;
  }

  get schemaName(): string {
    return this.options.schema ?? 'es';
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const { rows } = await this.pool.query(
      `SELECT ${RECORDED_COLUMNS} FROM ${this.s}.events WHERE stream_id = $1 AND revision >= $2 ORDER BY revision LIMIT $3`,
      [streamId, options.fromRevision ?? 0, options.maxCount ?? null],
    );
    return rows.map(toRecorded);
  }

  /** From summaries of runs of positions, counting only the events of runs that straddle the moment (occurrence-blocks.ts). */
  override occurredBy(moment: Date): Promise<OccurredBy> {
    return (this.occurrences ??= new OccurrenceBlocks(this.pool, this.s)).occurredBy(moment);
  }

  /** Decider-state snapshots in the `snapshots` table (a cache beside the history; see schema.ts). */
  override get snapshots(): SnapshotStore {
    return (this.snapshotStore ??= {
      read: async (streamId, decider, version) => {
        const { rows } = await this.pool.query(
          `SELECT revision, state FROM ${this.s}.snapshots WHERE stream_id = $1 AND decider = $2 AND version = $3`,
          [streamId, decider, version],
        );
        return rows[0] ? { revision: Number(rows[0].revision), state: rows[0].state } : undefined;
      },
      write: async (streamId, decider, version, snapshot) => {
        await this.pool.query(
          `INSERT INTO ${this.s}.snapshots AS old (stream_id, decider, version, revision, state) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (stream_id, decider) DO UPDATE SET version = excluded.version, revision = excluded.revision, state = excluded.state, taken_at = now()
           WHERE old.version <> excluded.version OR old.revision < excluded.revision`,
          [streamId, decider, version, snapshot.revision, JSON.stringify(snapshot.state)],
        );
      },
      findEvent: async (eventId) => {
        const { rows } = await this.pool.query(`SELECT * FROM ${this.s}.events WHERE event_id = $1`, [eventId]);
        return rows[0] ? toRecorded(rows[0]) : undefined;
      },
    });
  }

  async readAll(options: ReadAllOptions): Promise<RecordedEvent[]> {
    const { rows } = await this.pool.query(
      `SELECT ${RECORDED_COLUMNS} FROM ${this.s}.events WHERE position > $1 ORDER BY position LIMIT $2`,
      [options.after, options.limit],
    );
    return rows.map(toRecorded);
  }

  subscribeAll(options: SubscribeAllOptions, handler: BatchHandler): Subscription {
    return pollingSubscription({
      after: options.after,
      batchSize: options.batchSize ?? 500,
      // A live subscription takes this process's own recent appends from memory (RecentEvents): a
      // run of consecutive committed positions, possibly shorter than what the table holds; the
      // subscription reads on while a later position has been announced (locally or by NOTIFY),
      // and a read that does not start in memory is from the table.
      read: (after, limit) => {
        const recent = this.recent.read(after, limit);
        return recent.length > 0 ? Promise.resolve(recent) : this.readAll({ after, limit });
      },
      wakeups: this.appended,
      pollIntervalMs: this.options.pollIntervalMs ?? 1000,
      handler,
    });
  }

  async headPosition(): Promise<number> {
    const { rows } = await this.pool.query(`SELECT position FROM ${this.s}.head`);
    return Number(rows[0].position);
  }

  /**
   * Events whose data or metadata hold `text` as plain text (any case), oldest first: what erasing a
   * person's key cannot reach, since stored history is never rewritten.
   */
  async eventsContaining(text: string, limit = 100): Promise<{ position: number; streamId: string; type: string }[]> {
    const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const { rows } = await this.pool.query<{ position: string; stream_id: string; type: string }>(
      `SELECT position, stream_id, type FROM ${this.s}.events WHERE data::text ILIKE $1 OR metadata::text ILIKE $1 ORDER BY position LIMIT $2`,
      [pattern, limit],
    );
    return rows.map((r) => ({ position: Number(r.position), streamId: r.stream_id, type: r.type }));
  }

  /** Recomputes the hash chain over the whole history (see verifyChain); seals it and signs a checkpoint when it is intact. */
  async verifyChain(options: Omit<VerifyChainOptions, 'key' | 'schema'> = {}): Promise<ChainReport> {
    return verifyChain(this.pool, { ...options, key: this.chainKey(), schema: this.schemaName });
  }

  /** The last signed checkpoint and the head, without walking the chain (see chainStatus). */
  async chainStatus(): Promise<ChainStatus> {
    return chainStatus(this.pool, { key: this.chainKey(), schema: this.schemaName });
  }

  private chainKey(): Buffer {
    const key = this.options.chainKey;
    if (!key) throw new Error('the hash chain needs the chain key (PostgresEventStoreOptions.chainKey)');
    return key;
  }

  /** The full history for auditors, filtered in SQL and paged by global position. */
  auditLog(query: AuditQuery): Promise<AuditedEvent[]> {
    return queryAuditLog(this.pool, this.schemaName, query);
  }

  /** Counted in SQL; streams at revision -1 are rows a refused first append left behind, holding no event. */
  override async statistics(): Promise<EventStoreStatistics> {
    const [streams, types] = await Promise.all([
      this.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${this.s}.streams WHERE revision >= 0`),
      this.pool.query<{ type: string; n: number }>(
        `SELECT type, count(*)::int AS n FROM ${this.s}.events GROUP BY type ORDER BY n DESC, type`,
      ),
    ]);
    return { streams: streams.rows[0].n, eventsByType: types.rows.map((r) => ({ type: r.type, events: r.n })) };
  }

  async close(): Promise<void> {
    this.closing = true;
    await this.group.drained(); // appends already accepted are committed (or fail) first
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
    listener.on('notification', (n) => {
      // The NOTIFY of this process's own append can come before the append's answer: it is then
      // passed on once the groups committing now have settled, so that subscriptions take those
      // events from memory first and the NOTIFY, of a position they have read, wakes none of them.
      const position = Number(n.payload);
      const own = this.group.committing();
      if (own) void own.then(() => this.appended.emit('appended', position));
      else this.appended.emit('appended', position);
    });
    listener.on('error', () => {
      this.dropListener(listener);
      if (!this.closing) setTimeout(() => this.listen().catch(() => undefined), 1000).unref();
    });
    await listener.query(`LISTEN ${NOTIFY_CHANNEL}`);
  }
}

/** An appended group member's events as stored: the next revisions of its stream, positions up to the outcome's. */
const committedEvents = (append: PendingAppend, outcome: AppendOutcome): CommittedEvent[] => {
  const count = append.events.length;
  const [lastPosition, lastRevision] = [Number(outcome.out_position), Number(outcome.out_revision)];
  return append.events.map((e, i) => ({
    id: e.id.toLowerCase(),
    streamId: append.streamId,
    revision: lastRevision - count + 1 + i,
    position: lastPosition - count + 1 + i,
    type: e.type,
    schemaVersion: e.schemaVersion,
    data: append.parts[i].data,
    metadata: append.parts[i].metadata,
    occurredAt: e.occurredAt,
    recordedAt: outcome.out_recorded_at,
  }));
};
