/** Who did it: recorded with every event so every write can be attributed. */
export interface Actor {
  userId: string;
  role: string;
}

/** The metadata every stored event carries (see DESIGN.md "Event flow"). */
export interface EventMetadata {
  actor: Actor;
  correlationId: string;
  causationId: string;
  /** Free extras such as the Idempotency-Key of the request that caused the event. */
  [key: string]: unknown;
}

/** A domain event as a decider produces it: a string-literal type and plain data. */
export interface DomainEvent<Type extends string = string, Data = unknown> {
  type: Type;
  data: Data;
}

/** An event ready to append: the store assigns revision, position and recordedAt. */
export interface NewEvent<Type extends string = string, Data = unknown> extends DomainEvent<Type, Data> {
  /** UUIDv7, chosen by the writer; appends are idempotent by this id. */
  id: string;
  schemaVersion: number;
  occurredAt: Date;
  metadata: EventMetadata;
}

export interface RecordedEvent<Type extends string = string, Data = unknown> extends NewEvent<Type, Data> {
  streamId: string;
  /** 0-based, contiguous within the stream. */
  revision: number;
  /** Position in the global order of all streams: strictly increasing (PostgreSQL: contiguous from 1). */
  position: number;
  recordedAt: Date;
}
