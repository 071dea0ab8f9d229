import type { EntityManager } from 'typeorm';
import type { RecordedEvent } from '@regie/es-core';

/**
 * Turns store events into read-model rows. `apply` runs inside the transaction that also
 * moves the checkpoint, so it must only write through `em`, and must be deterministic:
 * times come from the event (occurredAt/recordedAt), never from a clock, so that a rebuild
 * produces the same rows as the live run.
 */
export interface Projection {
  readonly name: string;
  apply(event: RecordedEvent, em: EntityManager): Promise<void>;
  /** Optional: handle a whole batch at once (e.g. publish it in one request); replaces `apply`. */
  applyBatch?(events: RecordedEvent[], em: EntityManager): Promise<void>;
  /**
   * Optional: whether this projection wants the event. The runner gives `apply`/`applyBatch`
   * only the events it handles, and passes over a batch no projection of it handles without a
   * transaction (see ProjectionRunner). Without it, every event counts.
   */
  handles?(event: RecordedEvent): boolean;
}
