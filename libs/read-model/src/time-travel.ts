import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { EventStore } from '@regie/es-core';
import { ProjectionRunner } from './projection-runner';
import { type MessageSources, projectionsOf, type ReadModelDefinition } from './rebuild';

/**
 * `?asOf=<timestamp>`: a read model as it was at a moment, built by replaying the history in
 * global order up to the first event that occurred after that moment (occurredAt: the
 * platform's clock, which REGIE_NOW shifts for demos; without it, it equals the recording time
 * to the millisecond) into a schema of its own (`<schema>__asof_<hash>`), then queried with the
 * same queries as the live one. History is append-only, so a built schema stays valid: it is
 * kept, reused by later requests, and the least recently used beyond `keep` are dropped.
 */
export class TimeTravel {
  private readonly open = new Map<string, Promise<DataSource>>();

  constructor(
    private readonly store: EventStore,
    private readonly model: ReadModelDefinition,
    private readonly keep = 8,
    private readonly sources: MessageSources = {},
  ) {}

  at(asOf: Date): Promise<DataSource> {
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

  async close(): Promise<void> {
    const all = [...this.open.values()];
    this.open.clear();
    await Promise.all(all.map((ds) => ds.then((d) => d.destroy(), () => undefined)));
  }

  private async build(asOf: Date, key: string): Promise<DataSource> {
    const schema = `${this.model.schema}__asof_${createHash('sha256').update(key).digest('hex').slice(0, 12)}`;
    const dataSource = await this.model.openDataSource(schema);
    const runner = new ProjectionRunner({ name: this.model.name, store: this.store, dataSource, projections: projectionsOf(this.model, this.sources), batchSize: 1000 });
    await runner.catchUp(undefined, (event) => event.occurredAt.getTime() <= asOf.getTime());
    return dataSource;
  }

  private async evict(): Promise<void> {
    while (this.open.size > this.keep) {
      const [oldestKey, oldest] = this.open.entries().next().value as [string, Promise<DataSource>];
      this.open.delete(oldestKey);
      const ds = await oldest.catch(() => undefined);
      if (!ds) continue;
      const schema = (ds.options as { schema?: string }).schema;
      await ds.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).catch(() => undefined);
      await ds.destroy();
    }
  }
}
