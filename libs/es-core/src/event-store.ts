import type { NewEvent, RecordedEvent } from './event';

/**
 * `any`: no check. `no_stream`: the stream must not exist yet.
 * A number: the revision of the stream's last event must be exactly that (0-based).
 */
export type ExpectedRevision = 'any' | 'no_stream' | number;

export interface AppendResult {
  /** Revision of the last event in the stream after the append. */
  nextExpectedRevision: number;
  /** Global position of the last appended event. */
  lastPosition: number;
}

export interface ReadStreamOptions {
  fromRevision?: number;
  maxCount?: number;
}

export interface ReadAllOptions {
  /** Exclusive: events with a position greater than this. 0 reads from the start. */
  after: number;
  limit: number;
}

export interface SubscribeAllOptions {
  /** Exclusive start position, usually a checkpoint. */
  after: number;
  batchSize?: number;
}

export type BatchHandler = (events: RecordedEvent[]) => Promise<void>;

export interface Subscription {
  /** Stops after the batch in progress; resolves when stopped. */
  stop(): Promise<void>;
  /** Resolves or rejects when the subscription ends (stop() or a handler error). */
  readonly done: Promise<void>;
}

/** What the store holds, counted by the adapter where it can do so without reading every event. */
export interface EventStoreStatistics {
  /** Streams with at least one event (a refused first append leaves none). */
  streams: number;
  /** Events per stored type (as written, before upcasting), most frequent first, then by type. */
  eventsByType: { type: string; events: number }[];
}

/** The events that had occurred by a moment: how many, and the last position among them (0 for none). */
export interface OccurredBy {
  events: number;
  lastPosition: number;
}

/** One stream's decider state as folded up to and including `revision`. */
export interface StateSnapshot {
  revision: number;
  state: unknown;
}

/**
 * Where an adapter keeps decider-state snapshots: a cache beside the history, never part of it.
 * `decider` names the fold and `version` its shape: a snapshot of another version is not read.
 */
export interface SnapshotStore {
  read(streamId: string, decider: string, version: number): Promise<StateSnapshot | undefined>;
  /** Keeps the newer of the stored and the given snapshot (by revision; another version is replaced). */
  write(streamId: string, decider: string, version: number, snapshot: StateSnapshot): Promise<void>;
  /** The event with this id, if stored (a retried command's first event, when the snapshot covers it). */
  findEvent(eventId: string): Promise<RecordedEvent | undefined>;
}

/**
 * The system of record. Adapters: PostgreSQL (`@regie/es-postgres`) and KurrentDB (`@regie/es-kurrentdb`).
 * Every adapter must pass `eventStoreContract` in `@regie/es-core/testing`.
 */
export abstract class EventStore {
  abstract readonly kind: 'postgres' | 'kurrentdb';

  /** Decider-state snapshots (see handleCommand's `snapshot` option); undefined where the adapter keeps none. */
  get snapshots(): SnapshotStore | undefined {
    return undefined;
  }

  /**
   * Appends atomically. Idempotent by event id: appending events whose ids are all
   * already in this stream returns the original result and writes nothing.
   * Throws WrongExpectedRevision on a concurrency conflict and EventIdConflict when an
   * id is stored elsewhere or only some ids of the batch are stored.
   */
  abstract append(streamId: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult>;

  abstract readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;

  /** Events in global order. Never skips an event that commits later with a lower position. */
  abstract readAll(options: ReadAllOptions): Promise<RecordedEvent[]>;

  /** Catch-up from `after`, then live; batches are delivered in order, one at a time. */
  abstract subscribeAll(options: SubscribeAllOptions, handler: BatchHandler): Subscription;

  /** The schema version new events of a type are written at (an upcasting store knows more). */
  schemaVersionOf(_type: string): number {
    return 1;
  }

  /** Position of the newest event, 0 when empty. */
  abstract headPosition(): Promise<number>;

  /**
   * Which events had occurred by `moment` (occurredAt ≤ moment): how many, and the last position
   * among them; time travel keys its replays by them. `undefined` where the adapter cannot tell
   * without reading the history.
   */
  occurredBy(_moment: Date): Promise<OccurredBy | undefined> {
    return Promise.resolve(undefined);
  }

  /**
   * Streams and events per type, for operators; `undefined` where the adapter could only count by
   * reading the whole history (KurrentDB without its system projections), which a status check must not do.
   */
  statistics(): Promise<EventStoreStatistics | undefined> {
    return Promise.resolve(undefined);
  }

  abstract close(): Promise<void>;
}
