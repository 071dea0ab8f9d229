import type { RecordedEvent } from './event';
import {
  type AppendResult,
  type BatchHandler,
  EventStore,
  type EventStoreStatistics,
  type ExpectedRevision,
  type OccurredBy,
  type ReadAllOptions,
  type ReadStreamOptions,
  type SubscribeAllOptions,
  type Subscription,
} from './event-store';
import type { NewEvent } from './event';

/** Turns the data of one schema version of an event type into the next version's data. */
export interface Upcaster {
  type: string;
  /** The version it reads; it produces `fromVersion + 1`. */
  fromVersion: number;
  upcast: (data: unknown) => unknown;
}

/**
 * Old events are read through upcasters, version by version, up to the current version of
 * their type; stored history is never rewritten. Writers use `currentVersions` so new events
 * are stored at the current version.
 */
export class Upcasters {
  private readonly byType = new Map<string, Map<number, Upcaster['upcast']>>();

  constructor(upcasters: Upcaster[] = []) {
    for (const u of upcasters) {
      const versions = this.byType.get(u.type) ?? new Map();
      if (versions.has(u.fromVersion)) throw new Error(`two upcasters for ${u.type} v${u.fromVersion}`);
      versions.set(u.fromVersion, u.upcast);
      this.byType.set(u.type, versions);
    }
  }

  /** The schema version new events of a type are written at. */
  get currentVersions(): Record<string, number> {
    return Object.fromEntries([...this.byType].map(([type, versions]) => [type, Math.max(...versions.keys()) + 1]));
  }

  upcast(event: RecordedEvent): RecordedEvent {
    const versions = this.byType.get(event.type);
    if (!versions) return event;
    let { data, schemaVersion } = event;
    for (let step = versions.get(schemaVersion); step; step = versions.get(schemaVersion)) {
      data = step(data);
      schemaVersion++;
    }
    return schemaVersion === event.schemaVersion ? event : { ...event, data, schemaVersion };
  }
}

/** An EventStore whose reads pass through the upcasters; writes go through unchanged. */
export class UpcastingEventStore extends EventStore {
  constructor(
    private readonly inner: EventStore,
    private readonly upcasters: Upcasters,
  ) {
    super();
  }

  get kind() {
    return this.inner.kind;
  }

  override schemaVersionOf(type: string): number {
    return this.upcasters.currentVersions[type] ?? this.inner.schemaVersionOf(type);
  }

  /** The adapter's snapshots: states folded from upcast events (a new upcaster is a decider version bump). */
  override get snapshots() {
    return this.inner.snapshots;
  }

  /** The adapter underneath (for adapter-specific tools such as the chain verification). */
  get unwrapped(): EventStore {
    return this.inner;
  }

  append(streamId: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    return this.inner.append(streamId, events, expected);
  }

  async readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return (await this.inner.readStream(streamId, options)).map((e) => this.upcasters.upcast(e));
  }

  async readAll(options: ReadAllOptions): Promise<RecordedEvent[]> {
    return (await this.inner.readAll(options)).map((e) => this.upcasters.upcast(e));
  }

  subscribeAll(options: SubscribeAllOptions, handler: BatchHandler): Subscription {
    return this.inner.subscribeAll(options, (batch) => handler(batch.map((e) => this.upcasters.upcast(e))));
  }

  headPosition(): Promise<number> {
    return this.inner.headPosition();
  }

  override occurredBy(moment: Date): Promise<OccurredBy | undefined> {
    return this.inner.occurredBy(moment);
  }

  override statistics(): Promise<EventStoreStatistics | undefined> {
    return this.inner.statistics();
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
