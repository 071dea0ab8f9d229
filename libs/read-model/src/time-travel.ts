import { createHash, randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { EventStore } from '@regie/es-core';
import { ProjectionRunner } from './projection-runner';
import { type MessageSources, projectionsOf, type ReadModelDefinition } from './rebuild';

/**
 * `?asOf=<timestamp>`: a read model as it was at a moment, built by replaying, in global order,
 * the events that had occurred by then (occurredAt: the platform's clock, which REGIE_NOW shifts
 * for demos; without it, it equals the recording time to the millisecond) into a schema of its
 * own, then queried with the same queries as the live one. Only moments in the past are
 * replayed (`at` answers undefined for now or later: read the live model); as no new event can
 * have occurred in the past, a built schema stays valid, is reused, and the least recently
 * used beyond `keep` are dropped. Schema names carry this process's id, so instances never
 * drop each other's.
 */
const INSTANCE = randomBytes(3).toString('hex');

export class TimeTravel {
  private readonly open = new Map<string, Promise<DataSource>>();

  constructor(
    private readonly store: EventStore,
    private readonly model: ReadModelDefinition,
    private readonly keep = 8,
    private readonly sources: MessageSources = {},
  ) {}

  at(asOf: Date, now: Date): Promise<DataSource> | undefined {
    if (asOf.getTime() >= now.getTime() - 1000) return undefined;
    const key = asOf.toISOString();
    const cached = this.open.get(key);
    if (cached) {
      this.open.delete(key); // refresh its place in the LRU order
      this.open.set(key, cached);
      return cached;
    }
    const built = this.build(asOf, key);
    this.open.set(key, built);
    built.catch(() => this.open.delete(key));
    void this.evict();
    return built;
  }

  /** Drops this process's time-travel schemas. */
  async close(): Promise<void> {
    const all = [...this.open.values()];
    this.open.clear();
    await Promise.all(
      all.map((ds) =>
        ds.then(
          (d) => this.drop(d),
          () => undefined,
        ),
      ),
    );
  }

  private async drop(ds: DataSource): Promise<void> {
    const schema = (ds.options as { schema?: string }).schema;
    await ds.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).catch(() => undefined);
    await ds.destroy();
  }

  private async build(asOf: Date, key: string): Promise<DataSource> {
    const schema = `${this.model.schema}__asof_${INSTANCE}_${createHash('sha256').update(key).digest('hex').slice(0, 10)}`;
    const dataSource = await this.model.openDataSource(schema);
    const runner = new ProjectionRunner({
      name: this.model.name,
      store: this.store,
      dataSource,
      projections: projectionsOf(this.model, this.sources),
      batchSize: 5000,
    });
    await runner.catchUp(undefined, (event) => event.occurredAt.getTime() <= asOf.getTime());
    return dataSource;
  }

  private async evict(): Promise<void> {
    while (this.open.size > this.keep) {
      const [oldestKey, oldest] = this.open.entries().next().value as [string, Promise<DataSource>];
      this.open.delete(oldestKey);
      const ds = await oldest.catch(() => undefined);
      if (ds) await this.drop(ds);
    }
  }
}
