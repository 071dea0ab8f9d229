import type { RecordedEvent } from '@regie/es-core';

/** An event this process appended, as stored (its data and metadata as the JSON text written). */
export interface CommittedEvent {
  id: string;
  streamId: string;
  revision: number;
  position: number;
  type: string;
  schemaVersion: number;
  data: string;
  metadata: string;
  occurredAt: Date;
  recordedAt: Date;
}

/**
 * The events this process appended last, by position, so that its own live subscriptions (every
 * projection runner and in-process consumer wakes up after each append) read them from memory
 * instead of each asking the database again. Only subscriptions use it, which read on while a
 * later position has been announced (every append announces its position locally and by NOTIFY
 * to every process): `readAll` itself always reads the table, so a reader that takes a short page
 * for the end never misses what another process committed.
 *
 * Only committed events are added, and a read is answered from here only when the event right
 * after `after` is here, and then with the run of consecutive positions that follows it: as
 * positions are handed out in commit order (see PostgresEventStore), every position below a
 * committed one is committed too, so whatever is missing here (another process's appends, or
 * older events) is read from the database, and no reader skips an event. Each read gets objects
 * of its own, parsed from the JSON text as a database read would be.
 */
export class RecentEvents {
  private readonly byPosition = new Map<number, CommittedEvent>();

  constructor(private readonly capacity = 4096) {}

  add(events: CommittedEvent[]): void {
    for (const event of events) this.byPosition.set(event.position, event);
    // Maps iterate in insertion order: the oldest additions go first.
    for (const position of this.byPosition.keys()) {
      if (this.byPosition.size <= this.capacity) break;
      this.byPosition.delete(position);
    }
  }

  /** Up to `limit` consecutive events from `after + 1`, or none when `after + 1` is not here. */
  read(after: number, limit: number): RecordedEvent[] {
    const events: RecordedEvent[] = [];
    for (let position = after + 1; events.length < limit; position++) {
      const event = this.byPosition.get(position);
      if (!event) break;
      events.push({
        ...event,
        data: JSON.parse(event.data),
        metadata: JSON.parse(event.metadata),
        occurredAt: new Date(event.occurredAt.getTime()),
        recordedAt: new Date(event.recordedAt.getTime()),
      });
    }
    return events;
  }
}
