import {
  type AllStreamResolvedEvent,
  BACKWARDS,
  END,
  excludeSystemEvents,
  FORWARDS,
  KurrentDBClient,
  type ReadPosition,
  type ReadRevision,
  type ResolvedEvent,
  START,
  StreamNotFoundError,
  WrongExpectedVersionError,
} from '@kurrent/kurrentdb-client';
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
import {
  actualRevisionOf,
  firstRevisionFor,
  isUserEvent,
  positionOf,
  readPositionAfter,
  toEventData,
  toRecordedEvent,
  toStreamState,
} from './mapping';
import { batchingSubscription } from './subscription';

export interface KurrentDbEventStoreOptions {
  /** e.g. `kurrentdb://localhost:2113?tls=false` */
  connectionString: string;
  /** How many of a stream's newest events an append searches for an earlier copy of its batch. */
  idempotencyWindow?: number;
}

const DEFAULT_IDEMPOTENCY_WINDOW = 100;
const DEFAULT_BATCH_SIZE = 500;

/**
 * The KurrentDB (EventStoreDB) adapter of the EventStore port.
 *
 * Positions are KurrentDB commit positions: increasing in $all order but byte offsets in the
 * transaction log, so not contiguous as the PostgreSQL adapter's are. $all never has gaps that
 * fill in later: the log has one writer and readers only see what is indexed, in log order.
 *
 * Idempotency by event id is the adapter's work, because the server only guarantees it for an
 * exact expected state (NO_STREAM or a revision), not for ANY. Before appending we read the
 * stream's newest events (idempotencyWindow plus the batch size, and also the exact slot the
 * batch would occupy when the expected revision pins it) and look for the batch's ids:
 *   all there   → the original result, nothing written;
 *   some there  → EventIdConflict.
 * LIMITATION: an id stored in ANOTHER stream is not detected. KurrentDB has no index by event
 * id; the only exact check is a scan of $all, which grows with the whole database. We do not
 * pretend: such an append writes a second event with the same id. (With KurrentDB 25.1+ one
 * could claim each id atomically in a per-id stream with multiStreamAppend; not done here.)
 * The check and the append are two calls, so two concurrent appends of the same new batch with
 * 'any' may both write; with an exact expectation the loser gets WrongExpectedVersion, finds
 * the twin on its re-check and returns the original result.
 */
export class KurrentDbEventStore extends EventStore {
  readonly kind = 'kurrentdb';
  private readonly subscriptions = new Set<Subscription>();
  private readonly idempotencyWindow: number;

  private constructor(
    private readonly client: KurrentDBClient,
    options: KurrentDbEventStoreOptions,
  ) {
    super();
    this.idempotencyWindow = options.idempotencyWindow ?? DEFAULT_IDEMPOTENCY_WINDOW;
  }

  /** Connects and checks that the server answers (one read of the newest $all record). */
  static async open(options: KurrentDbEventStoreOptions): Promise<KurrentDbEventStore> {
    const client = KurrentDBClient.connectionString(options.connectionString);
    try {
      for await (const _ of client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1 })) break;
    } catch (error) {
      await client.dispose().catch(() => undefined);
      throw error;
    }
    return new KurrentDbEventStore(client, options);
  }

  async append(streamId: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    if (events.length === 0) throw new Error('append needs at least one event');
    const streamState = toStreamState(expected);
    const data = events.map(toEventData);

    const repeated = await this.alreadyStored(streamId, events, expected);
    if (repeated) return repeated;

    let nextExpectedRevision: number;
    try {
      const result = await this.client.appendToStream(streamId, data, { streamState });
      // Only with throwOnAppendFailure=false in the connection string; its revision is unreliable then.
      if (!result.success) throw new WrongExpectedRevision(streamId, String(expected), await this.lastRevision(streamId));
      nextExpectedRevision = Number(result.nextExpectedRevision);
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError)) throw error;
      // A concurrent append of this very batch may have won: then this is a repeat, not a conflict.
      const twin = await this.alreadyStored(streamId, events, expected);
      if (twin) return twin;
      throw new WrongExpectedRevision(streamId, String(expected), actualRevisionOf(error.actualState));
    }
    // The append response's position is that of the write, not reliably of our last event;
    // reading the event back gives exactly the position readStream and readAll will show.
    const [last] = await this.readSlice(streamId, BigInt(nextExpectedRevision), 1, FORWARDS, true);
    if (!last || last.revision !== nextExpectedRevision) {
      throw new Error(`stream ${streamId}: appended event at revision ${nextExpectedRevision} could not be read back`);
    }
    return { nextExpectedRevision, lastPosition: last.position };
  }

  /** The original result when all ids of the batch are already in this stream (see class comment). */
  private async alreadyStored(streamId: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult | undefined> {
    const ids = new Set(events.map((e) => e.id.toLowerCase()));
    const found = new Map<string, RecordedEvent>();
    const collect = (read: RecordedEvent[]) => {
      for (const e of read) if (ids.has(e.id.toLowerCase())) found.set(e.id.toLowerCase(), e);
    };

    const windowSize = events.length + this.idempotencyWindow;
    const tail = await this.readSlice(streamId, END, windowSize, BACKWARDS, true);
    collect(tail);
    const slot = firstRevisionFor(expected);
    const oldestRead = tail.length > 0 ? tail[tail.length - 1].revision : undefined;
    if (found.size < ids.size && slot !== undefined && tail.length === windowSize && oldestRead !== undefined && slot < oldestRead) {
      collect(await this.readSlice(streamId, BigInt(slot), events.length, FORWARDS, true));
    }

    if (found.size === 0) return undefined;
    if (found.size < ids.size) {
      throw new EventIdConflict(
        `stream ${streamId}: event ids ${[...found.keys()].join(', ')} are already stored without the rest of this batch`,
      );
    }
    const last = [...found.values()].reduce((a, b) => (b.revision > a.revision ? b : a));
    return { nextExpectedRevision: last.revision, lastPosition: last.position };
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const from = options.fromRevision ?? 0;
    if (!Number.isSafeInteger(from) || from < 0) throw new RangeError(`fromRevision must be an integer ≥ 0, got ${from}`);
    const maxCount = options.maxCount ?? Number.MAX_SAFE_INTEGER;
    if (maxCount <= 0) return [];
    return this.readSlice(streamId, from === 0 ? START : BigInt(from), maxCount, FORWARDS);
  }

  /**
   * Reads that decide an append go to the leader (`requiresLeader`), which has the append's
   * result: a follower may not have it yet.
   */
  private async readSlice(
    streamId: string,
    fromRevision: ReadRevision,
    maxCount: number,
    direction: typeof FORWARDS | typeof BACKWARDS,
    requiresLeader = false,
  ): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    try {
      for await (const resolved of this.client.readStream(streamId, { fromRevision, maxCount, direction, requiresLeader })) {
        events.push(toRecordedEvent(resolved as ResolvedEvent));
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return events;
  }

  private async lastRevision(streamId: string): Promise<number> {
    const [last] = await this.readSlice(streamId, END, 1, BACKWARDS, true);
    return last ? last.revision : -1;
  }

  /**
   * $all in log order without system events. The server filters event types starting with `$`
   * (excludeSystemEvents); events in `$` streams with other types are dropped here, and
   * reading continues until `limit` user events or the end of $all.
   */
  async readAll(options: ReadAllOptions): Promise<RecordedEvent[]> {
    const { limit } = options;
    if (!Number.isSafeInteger(limit) || limit < 0) throw new RangeError(`limit must be an integer ≥ 0, got ${limit}`);
    const events: RecordedEvent[] = [];
    let cursor = options.after;
    let from: ReadPosition = readPositionAfter(cursor);
    while (events.length < limit) {
      // +1: the read starts inclusive, so the event at `cursor` may come back first and is dropped.
      const maxCount = limit - events.length + 1;
      let received = 0;
      const start = cursor;
      for await (const resolved of this.client.readAll({ fromPosition: from, maxCount, filter: excludeSystemEvents() })) {
        received++;
        const position = positionOf(resolved);
        if (position <= cursor) continue;
        cursor = position;
        if (isUserEvent(resolved) && events.length < limit) events.push(toRecordedEvent(resolved));
      }
      if (received < maxCount || cursor === start) break; // end of $all
      from = readPositionAfter(cursor);
    }
    return events;
  }

  subscribeAll(options: SubscribeAllOptions, handler: BatchHandler): Subscription {
    const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
    if (!Number.isSafeInteger(batchSize) || batchSize < 1) throw new RangeError(`batchSize must be an integer ≥ 1, got ${batchSize}`);
    // Catch-up from `after`, then live, in one server stream; the pump makes it the port's batches.
    const source = this.client.subscribeToAll({ fromPosition: readPositionAfter(options.after), filter: excludeSystemEvents() });
    const subscription = batchingSubscription<AllStreamResolvedEvent>({
      source,
      after: options.after,
      batchSize,
      toEvent: (resolved) => (isUserEvent(resolved) ? toRecordedEvent(resolved) : undefined),
      handler,
    });
    this.subscriptions.add(subscription);
    const forget = () => this.subscriptions.delete(subscription);
    subscription.done.then(forget, forget);
    return subscription;
  }

  /** Position of the newest user event in $all, read backwards; 0 when there is none. */
  async headPosition(): Promise<number> {
    let from: ReadPosition = END;
    for (;;) {
      let newest: AllStreamResolvedEvent | undefined;
      for await (const resolved of this.client.readAll({
        direction: BACKWARDS,
        fromPosition: from,
        maxCount: 1,
        filter: excludeSystemEvents(),
      })) {
        newest = resolved;
      }
      if (!newest) return 0;
      const position = positionOf(newest);
      if (isUserEvent(newest)) return position;
      // A non-$ event type in a $ stream: keep going back. Reading backwards from an event's
      // position starts just before it.
      from = { commit: BigInt(position), prepare: BigInt(position) };
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    await this.client.dispose();
  }
}
