import type { Decider } from './decider';
import type { Actor, DomainEvent, EventMetadata, RecordedEvent } from './event';
import { isDeepStrictEqual } from 'node:util';
import { EventStore, type ExpectedRevision, type StateSnapshot } from './event-store';
import { WrongExpectedRevision } from './errors';
import { newId, stableId } from './ids';
import { type Backoff, retry } from './retry';

/** What every command carries besides its data: who, why and when. */
export interface CommandContext {
  actor: Actor;
  correlationId: string;
  /** Id of the request or event that caused this command. */
  causationId: string;
  now: Date;
  /**
   * Set by the HTTP edge from `If-Match`: the command was decided on what the client saw, so a stream
   * that moved on is refused. Unset, the command does not depend on what the client saw: when another
   * writer appends in between, it is decided again on the new state (see handleCommand).
   */
  expectedRevision?: number;
  idempotencyKey?: string;
}

export interface HandleResult<Event extends DomainEvent> {
  events: Event[];
  /** Revision of the stream after the command; -1 when the stream is still empty. */
  revision: number;
  /** Global position of the last appended event, or of nothing (0) when no event was needed. */
  position: number;
}

/** Schema version of each event type; 1 unless an event type has been changed. */
export type SchemaVersions = Readonly<Record<string, number>>;

/**
 * Decider-state snapshots for long streams: the command reads the newest snapshot of this decider
 * and version and only the events after it, instead of folding the whole stream. The history is
 * untouched; a snapshot is only a cache of the fold and is ignored when `version` differs.
 */
export interface SnapshotOptions {
  /** Names the fold in the store's snapshots, e.g. 'action'. */
  decider: string;
  /** Bump whenever evolve or the state's shape changes: snapshots of another version are then ignored. */
  version: number;
  /** A snapshot is stored after a command that leaves at least this many events after the last one (default 100). */
  every?: number;
}

export const DEFAULT_SNAPSHOT_EVERY = 100;

/**
 * How often a command without If-Match is decided again when another writer appended in between.
 * Full jitter spreads writers that collided, so under a burst of writers on one stream (300 progress
 * reports at once) each finds a turn within the attempts; a stream busier than that answers 409.
 */
export const CONCURRENT_APPEND_RETRY: { attempts: number; backoff: Backoff } = {
  attempts: 15,
  backoff: { baseMs: 5, maxMs: 1000, jitter: 1 },
};

/**
 * Read the stream, fold it, decide, append with optimistic concurrency.
 * Nothing is written when `decide` throws: a rejected command records nothing.
 * Without `context.expectedRevision`, losing the race to another append re-reads, re-decides
 * (the rules see the other writer's events) and appends again; with it, the conflict is the
 * caller's answer (409).
 */
export async function handleCommand<Command, Event extends DomainEvent, State>(
  store: EventStore,
  streamId: string,
  decider: Decider<Command, Event, State>,
  command: Command,
  context: CommandContext,
  schemaVersions: SchemaVersions = {},
  snapshot?: SnapshotOptions,
): Promise<HandleResult<Event>> {
  const once = () => decideAndAppend(store, streamId, decider, command, context, schemaVersions, snapshot);
  if (context.expectedRevision !== undefined) return once();
  // After a collision, this process's writers to the stream take turns, so they stop colliding with
  // each other; the backoff keeps them from colliding with other processes' writers all at once.
  return retry((attempt) => (attempt === 1 ? once() : inTurn(store, streamId, once)), {
    ...CONCURRENT_APPEND_RETRY,
    retryable: (error) => error instanceof WrongExpectedRevision,
  });
}

/** Per store and stream, the end of the queue of writers taking turns. */
const turns = new WeakMap<EventStore, Map<string, Promise<unknown>>>();

function inTurn<T>(store: EventStore, streamId: string, work: () => Promise<T>): Promise<T> {
  let queues = turns.get(store);
  if (!queues) turns.set(store, (queues = new Map()));
  const run = (queues.get(streamId) ?? Promise.resolve()).then(work);
  const end = run.catch(() => undefined);
  queues.set(streamId, end);
  void end.then(() => queues.get(streamId) === end && queues.delete(streamId));
  return run;
}

async function decideAndAppend<Command, Event extends DomainEvent, State>(
  store: EventStore,
  streamId: string,
  decider: Decider<Command, Event, State>,
  command: Command,
  context: CommandContext,
  schemaVersions: SchemaVersions,
  snapshotOptions: SnapshotOptions | undefined,
): Promise<HandleResult<Event>> {
  const snapshots = snapshotOptions && store.snapshots;
  const remembered = snapshotOptions ? recentStates.get(store, streamId, snapshotOptions) : undefined;
  const snapshot = remembered ?? (snapshots ? await snapshots.read(streamId, snapshotOptions.decider, snapshotOptions.version) : undefined);
  const from = snapshot ? snapshot.revision + 1 : 0;
  const history = await store.readStream(streamId, from > 0 ? { fromRevision: from } : undefined);
  const revision = history.length > 0 ? history[history.length - 1].revision : snapshot ? snapshot.revision : -1;
  // A retried request (same Idempotency-Key) whose events are already stored: answer as the
  // first time, without deciding again on the state that the first attempt changed.
  const key = context.idempotencyKey;
  const repeated = key ? await repeatsOf(store, streamId, history, from, context) : [];
  if (repeated.length > 0) {
    const last = repeated[repeated.length - 1];
    return { events: repeated as unknown as Event[], revision: last.revision, position: last.position };
  }
  if (context.expectedRevision !== undefined && context.expectedRevision !== revision) {
    throw new WrongExpectedRevision(streamId, String(context.expectedRevision), revision); // a stale If-Match
  }
  const start = snapshot ? (snapshot.state as State) : decider.initialState();
  const state = history.reduce((s, e) => decider.evolve(s, e as unknown as Event), start);
  const events = decider.decide(command, state);
  if (snapshotOptions && revision >= 0 && (history.length > 0 || !remembered))
    recentStates.set(store, streamId, snapshotOptions, { revision, state }, remembered ? undefined : (snapshot?.revision ?? -1));
  if (events.length === 0) return { events, revision, position: 0 };
  const expected: ExpectedRevision = context.expectedRevision ?? (revision === -1 ? 'no_stream' : revision);
  const metadata = metadataOf(context);
  const result = await store.append(
    streamId,
    events.map((event, i) => ({
      // Keyed ids make a retry after a lost answer land on the store's idempotent append.
      id: key ? keyedEventId(callersKey(context), streamId, i) : newId(),
      type: event.type,
      data: event.data,
      schemaVersion: schemaVersions[event.type] ?? store.schemaVersionOf(event.type),
      occurredAt: context.now,
      metadata,
    })),
    expected,
  );
  const every = snapshotOptions?.every ?? DEFAULT_SNAPSHOT_EVERY;
  if (!snapshotOptions) return { events, revision: result.nextExpectedRevision, position: result.lastPosition };
  const after = events.reduce((s, e) => decider.evolve(s, e), state);
  recentStates.set(store, streamId, snapshotOptions, { revision: result.nextExpectedRevision, state: after });
  const stored = await recentStates.stored(store, streamId, snapshotOptions);
  if (snapshots && result.nextExpectedRevision - stored >= every) {
    const stored = storable(after, result.nextExpectedRevision);
    // A snapshot is a cache: failing to store one leaves the next command folding a little more.
    if (stored) {
      await snapshots.write(streamId, snapshotOptions.decider, snapshotOptions.version, stored).catch(() => undefined);
      recentStates.markStored(store, streamId, snapshotOptions, stored.revision);
    }
  }
  return { events, revision: result.nextExpectedRevision, position: result.lastPosition };
}

/**
 * The states this process last decided on, per store, stream and decider version (at most 256,
 * least recently used dropped): a state at a revision never changes, so the next command on the
 * stream reads only the events after it, not even the stored snapshot. `stored` is the revision of
 * the snapshot in the store as far as this process knows (-1: none; undefined: not known), so
 * snapshots stay `every` apart.
 */
class RecentStates {
  private readonly byStore = new WeakMap<EventStore, Map<string, { revision: number; state: unknown; stored?: number }>>();
  constructor(private readonly max = 256) {}

  private key = (streamId: string, o: SnapshotOptions) => `${o.decider}\u0000${o.version}\u0000${streamId}`;

  private map(store: EventStore) {
    let m = this.byStore.get(store);
    if (!m) this.byStore.set(store, (m = new Map()));
    return m;
  }

  get(store: EventStore, streamId: string, o: SnapshotOptions): StateSnapshot | undefined {
    const m = this.map(store);
    const k = this.key(streamId, o);
    const found = m.get(k);
    if (!found) return undefined;
    m.delete(k); // most recently used last
    m.set(k, found);
    return { revision: found.revision, state: found.state };
  }

  set(store: EventStore, streamId: string, o: SnapshotOptions, s: StateSnapshot, stored?: number): void {
    const m = this.map(store);
    const k = this.key(streamId, o);
    const before = m.get(k);
    if (before && before.revision > s.revision) return; // another writer here got further
    m.delete(k);
    m.set(k, { ...s, stored: stored ?? before?.stored });
    if (m.size > this.max) m.delete(m.keys().next().value as string);
  }

  /** The stored snapshot's revision: as remembered, or read once from the store. */
  async stored(store: EventStore, streamId: string, o: SnapshotOptions): Promise<number> {
    const found = this.map(store).get(this.key(streamId, o));
    if (found?.stored !== undefined) return found.stored;
    const snapshot = await store.snapshots?.read(streamId, o.decider, o.version).catch(() => undefined);
    if (found) found.stored = snapshot?.revision ?? -1;
    return snapshot?.revision ?? -1;
  }

  markStored(store: EventStore, streamId: string, o: SnapshotOptions, revision: number): void {
    const found = this.map(store).get(this.key(streamId, o));
    if (found) found.stored = Math.max(found.stored ?? -1, revision);
  }
}

const recentStates = new RecentStates();

/**
 * The state as the snapshot will give it back (JSON): only a state that survives the round trip
 * unchanged is stored (one with Dates, Maps or undefined fields is not, and is folded in full).
 */
function storable(state: unknown, revision: number): StateSnapshot | undefined {
  const copy = JSON.parse(JSON.stringify(state ?? null)) as unknown;
  return isDeepStrictEqual(copy, state ?? null) ? { revision, state: copy } : undefined;
}

/** The stored events of an earlier attempt with the same Idempotency-Key, in the read tail or, under a snapshot, by their keyed ids. */
async function repeatsOf(
  store: EventStore,
  streamId: string,
  tail: readonly RecordedEvent[],
  from: number,
  context: CommandContext,
): Promise<RecordedEvent[]> {
  const key = context.idempotencyKey;
  const same = (e: RecordedEvent) => e.metadata.idempotencyKey === key && e.metadata.actor?.userId === context.actor.userId;
  const inTail = tail.filter(same);
  if (inTail.length > 0 || from === 0 || !store.snapshots) return inTail;
  const first = await store.snapshots.findEvent(keyedEventId(callersKey(context), streamId, 0));
  if (!first || first.streamId !== streamId || first.revision >= from) return [];
  const rest = await store.readStream(streamId, { fromRevision: first.revision });
  return rest.filter(same);
}

const keyedEventId = (key: string, streamId: string, index: number) => stableId(`idempotency|${key}|${streamId}|${index}`);

/** An Idempotency-Key is the caller's own: two users who happen to pick the same key do not meet. */
const callersKey = (context: Pick<CommandContext, 'idempotencyKey' | 'actor'>) => `${context.actor.userId}|${context.idempotencyKey}`;

/**
 * The id of a new aggregate (milestone, knelpunt, …): random, or derived from the caller's
 * Idempotency-Key, so a retried create addresses the same aggregate instead of making a second.
 */
export const newIdFor = (context: Pick<CommandContext, 'idempotencyKey' | 'actor'>, purpose: string): string =>
  context.idempotencyKey ? stableId(`idempotency|${callersKey(context)}|${purpose}`) : newId();

export const metadataOf = (context: CommandContext): EventMetadata => ({
  actor: context.actor,
  correlationId: context.correlationId,
  causationId: context.causationId,
  ...(context.idempotencyKey ? { idempotencyKey: context.idempotencyKey } : {}),
});

/** Folds a stream that was read elsewhere (e.g. for a query that needs aggregate state). */
export const stateOf = <Event extends DomainEvent, State>(
  decider: Pick<Decider<unknown, Event, State>, 'evolve' | 'initialState'>,
  history: readonly RecordedEvent[],
): State => history.reduce((s, e) => decider.evolve(s, e as unknown as Event), decider.initialState());
