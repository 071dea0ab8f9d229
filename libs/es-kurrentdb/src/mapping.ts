import {
  ANY,
  type AllStreamResolvedEvent,
  type AppendStreamState,
  type CurrentStreamState,
  type EventData,
  jsonEvent,
  type JSONType,
  NO_STREAM,
  type ReadPosition,
  type ResolvedEvent,
  START,
} from '@kurrent/kurrentdb-client';
import type { EventMetadata, ExpectedRevision, NewEvent, RecordedEvent } from '@regie/es-core';

/**
 * Pure translations between the port's types and the KurrentDB client's. No I/O here, so
 * every rule of the mapping is unit-tested without a server (mapping.unit.spec.ts).
 */

/** Keys this adapter adds to the stored metadata; a writer's own metadata may not use them. */
export const RESERVED_METADATA_KEYS = ['schemaVersion', 'occurredAt'] as const;

/** What KurrentDB stores as an event's metadata: ours plus the two NewEvent fields it has no column for. */
export interface StoredMetadata extends EventMetadata {
  schemaVersion: number;
  /** ISO-8601 with milliseconds, as Date.toISOString() writes it. */
  occurredAt: string;
}

export function toEventData(event: NewEvent): EventData {
  for (const key of RESERVED_METADATA_KEYS) {
    if (key in event.metadata) {
      throw new Error(`event ${event.id}: metadata key "${key}" is reserved by the KurrentDB adapter`);
    }
  }
  const metadata: StoredMetadata = {
    ...event.metadata,
    schemaVersion: event.schemaVersion,
    occurredAt: event.occurredAt.toISOString(),
  };
  return jsonEvent({
    id: event.id,
    type: event.type,
    // The port's data is any JSON value; the client's type only names the common shapes.
    data: event.data as JSONType,
    metadata: metadata as unknown as JSONType,
  });
}

type AnyResolvedEvent = ResolvedEvent | AllStreamResolvedEvent;

const NO_POSITION = 0xffff_ffff_ffff_ffffn;

/**
 * A read event as the port's RecordedEvent. Events not written by this adapter (no
 * schemaVersion/occurredAt in their metadata) still read: schema version 1, occurredAt =
 * the time KurrentDB recorded them.
 */
export function toRecordedEvent(resolved: AnyResolvedEvent): RecordedEvent {
  const event = resolved.event;
  if (!event) throw new Error('KurrentDB returned a link whose event could not be resolved');
  const { schemaVersion, occurredAt, ...metadata } = metadataObject(event.metadata);
  return {
    id: event.id,
    streamId: event.streamId,
    revision: toSafeNumber(event.revision, `revision of event ${event.id}`),
    position: positionOf(resolved),
    type: event.type,
    data: event.data,
    schemaVersion: typeof schemaVersion === 'number' ? schemaVersion : 1,
    occurredAt: typeof occurredAt === 'string' ? new Date(occurredAt) : event.created,
    recordedAt: event.created,
    metadata: metadata as EventMetadata,
  };
}

/**
 * The port's global position: the event's commit position in the transaction log. Every
 * append is written as self-committed prepare records, so each event has its own commit
 * position (= its prepare position): increasing in $all order, but a byte offset, so not
 * contiguous and not starting at 1.
 */
export function positionOf(resolved: AnyResolvedEvent): number {
  const commit = resolved.commitPosition ?? resolved.event?.position?.commit;
  // Servers before 22.6 send no position (or ulong.MaxValue) for events read from a stream.
  if (commit === undefined || commit === NO_POSITION) {
    throw new Error(`event ${resolved.event?.id ?? '?'} came without a log position (KurrentDB/EventStoreDB 22.6 or later is needed)`);
  }
  return toSafeNumber(commit, `position of event ${resolved.event?.id ?? '?'}`);
}

/** Only events of our own streams: no system event types (`$…`, which includes links `$>`) and no system streams. */
export function isUserEvent(resolved: AnyResolvedEvent): boolean {
  const event = resolved.event;
  return event !== undefined && !event.type.startsWith('$') && !event.streamId.startsWith('$');
}

/**
 * 'any' → ANY, 'no_stream' → NO_STREAM, n → BigInt(n). -1 ("the stream has no last event")
 * means no_stream, as it does in the PostgreSQL adapter.
 */
export function toStreamState(expected: ExpectedRevision): AppendStreamState {
  if (expected === 'any') return ANY;
  if (expected === 'no_stream') return NO_STREAM;
  if (!Number.isSafeInteger(expected) || expected < -1) {
    throw new RangeError(`expected revision must be 'any', 'no_stream' or an integer ≥ 0, got ${expected}`);
  }
  return expected === -1 ? NO_STREAM : BigInt(expected);
}

/** The stream's actual revision from a WrongExpectedVersionError: -1 when it does not exist. */
export function actualRevisionOf(state: CurrentStreamState): number {
  return state === NO_STREAM ? -1 : toSafeNumber(state, 'actual revision');
}

/** The first revision an append at `expected` would take, when the expectation pins it. */
export function firstRevisionFor(expected: ExpectedRevision): number | undefined {
  if (expected === 'no_stream' || expected === -1) return 0;
  return typeof expected === 'number' ? expected + 1 : undefined;
}

/**
 * Where a forward read or subscription starts for the port's exclusive `after`. KurrentDB's
 * positions are inclusive, so callers still drop events at `after` itself. Only 0 and positions
 * that this adapter returned are valid: the server seeks to the byte offset.
 */
export function readPositionAfter(after: number): ReadPosition {
  if (!Number.isSafeInteger(after) || after < 0) throw new RangeError(`position must be an integer ≥ 0, got ${after}`);
  return after === 0 ? START : { commit: BigInt(after), prepare: BigInt(after) };
}

function metadataObject(metadata: unknown): Record<string, unknown> {
  if (metadata === null || typeof metadata !== 'object' || Array.isArray(metadata) || metadata instanceof Uint8Array) return {};
  return metadata as Record<string, unknown>;
}

function toSafeNumber(value: bigint, what: string): number {
  if (value < 0n || value > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError(`${what} out of range: ${value}`);
  return Number(value);
}
