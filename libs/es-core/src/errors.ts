/** Base class so the HTTP edge can map domain failures without knowing each one. */
export abstract class DomainError extends Error {
  abstract readonly kind: 'conflict' | 'not-found' | 'invalid';
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** Optimistic concurrency: the stream moved on since the writer read it. */
export class WrongExpectedRevision extends DomainError {
  readonly kind = 'conflict';
  constructor(
    readonly streamId: string,
    readonly expected: string,
    readonly actual: number,
  ) {
    super(`stream ${streamId}: expected revision ${expected}, actual ${actual}`);
  }
}

/** A command that the current state does not allow (e.g. achieving a cancelled milestone). */
export class IllegalTransition extends DomainError {
  readonly kind = 'conflict';
}

/** An event id that is already stored in another stream or only partly with this append. */
export class EventIdConflict extends DomainError {
  readonly kind = 'conflict';
}

export class NotFound extends DomainError {
  readonly kind = 'not-found';
}

/** A domain rule about input that a schema cannot express (e.g. a date before another). */
export class InvalidInput extends DomainError {
  readonly kind = 'invalid';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}
