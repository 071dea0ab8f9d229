import { createHash, randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { EventStore, RecordedEvent } from '@regie/es-core';
import { ProjectionRunner } from './projection-runner';
import { type MessageSources, projectionsOf, type ReadModelDefinition } from './rebuild';

/**
 * `?asOf=<timestamp>`: a read model as it was at a moment, built by replaying, in global order,
 * the events that had occurred by then (occurredAt: the platform's clock, which REGIE_NOW shifts
 * for demos; without it, it equals the recording time to the millisecond) into a schema of its
 * own, then queried with the same queries as the live one. Only moments in the past are
 * replayed (`at` answers undefined for now or later: read the live model).
 *
 * Two things keep a look fast on a long history (docs/performance.md):
 * - **Snapshots by position.** `prepare()` replays the history once into a scratch schema and,
 *   every `snapshotEvery` positions, copies its tables into a snapshot schema
 *   `<schema>__snap_<position>` (with the newest occurredAt up to there). A look at `asOf`
 *   starts from the newest snapshot all of whose events had occurred by `asOf`, copies it into
 *   the fresh schema and replays only the events after it, up to the last one that had
 *   occurred by `asOf`. The answer is the full replay's: the events up to the snapshot are
 *   exactly those a full replay would apply first. The first look starts `prepare()` in the
 *   background; at most `snapshotsKept` snapshots are kept (the one leaving the smallest gap
 *   goes first), shared by every instance, and kept across restarts.
 * - **Replays keyed by what they contain.** A replay is cached by the count and last position
 *   of the events that had occurred by `asOf`, so moments with no event between them share one
 *   schema; the least recently used beyond `keep` are dropped. As no new event can have occurred
 *   in the past, a built schema stays valid. Schema names carry this process's id, so instances
 *   never drop each other's replays.
 */
const INSTANCE = randomBytes(3).toString('hex');

export interface TimeTravelOptions {
  /** Replayed moments kept open (least recently used dropped first). Default 8. */
  keep?: number;
  /** A snapshot every this many store positions. Default 20,000. */
  snapshotEvery?: number;
  /** Snapshots kept per read model. Default 50 (1M events at the default interval). */
  snapshotsKept?: number;
  /** A DataSource on the read model's database for bookkeeping (e.g. the live one); opened on the live schema if absent. */
  dataSource?: DataSource;
  /** Start `prepare()` at every look, in the background (default true). */
  prepareOnFirstLook?: boolean;
  /** Told of each replay built: the snapshot position it started from (0: none) and the position it replayed to. */
  onBuild?: (replay: { from: number; to: number; seconds: number }) => void;
}

export interface TimeTravelSnapshot {
  schema: string;
  position: number;
  /** The newest occurredAt among the events up to `position`: the snapshot serves moments from then on. */
  occurredUpTo: Date;
}

/** Tables that are bookkeeping of the schema itself, not read-model content. */
const NOT_COPIED = new Set(['migrations', 'typeorm_metadata', 'time_travel_snapshot']);
const PAGE = 5000;

export class TimeTravel {
  private readonly open = new Map<string, Promise<DataSource>>();
  private readonly keep: number;
  private readonly every: number;
  private readonly kept: number;
  private admin?: Promise<DataSource>;
  private ownsAdmin = false;
  private preparing?: Promise<void>;
  private running = false;
  private closed = false;

  constructor(
    private readonly store: EventStore,
    private readonly model: ReadModelDefinition,
    private readonly sources: MessageSources = {},
    private readonly options: TimeTravelOptions = {},
  ) {
    this.keep = options.keep ?? 8;
    this.every = options.snapshotEvery ?? 20_000;
    this.kept = options.snapshotsKept ?? 50;
  }

  at(asOf: Date, now: Date): Promise<DataSource> | undefined {
    if (asOf.getTime() >= now.getTime() - 1000) return undefined;
    // Each look brings the snapshots up to date in the background (little to do when they are).
    if (this.options.prepareOnFirstLook !== false && !this.running) void this.prepare().catch(() => undefined);
    return this.look(asOf);
  }

  private async look(asOf: Date): Promise<DataSource> {
    const occurred = await this.store.occurredBy(asOf);
    // Without the adapter's count (KurrentDB), the moment itself is the key, as before.
    const key = occurred ? `${occurred.events}@${occurred.lastPosition}` : asOf.toISOString();
    const cached = this.open.get(key);
    if (cached) {
      this.open.delete(key); // refresh its place in the LRU order
      this.open.set(key, cached);
      return cached;
    }
    const built = this.build(asOf, key, occurred?.lastPosition);
    this.open.set(key, built);
    built.catch(() => this.open.delete(key));
    void this.evict();
    return built;
  }

  /** Drops this process's time-travel schemas (snapshots stay: they serve the next start too). */
  async close(): Promise<void> {
    this.closed = true;
    await this.preparing;
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
    if (this.admin && this.ownsAdmin) await (await this.admin.catch(() => undefined))?.destroy();
  }

  /** The snapshots there are, oldest first. */
  async snapshots(): Promise<TimeTravelSnapshot[]> {
    const ds = await this.adminDataSource();
    const schemas: { nspname: string }[] = await ds.query(`SELECT nspname FROM pg_namespace WHERE starts_with(nspname, $1)`, [
      `${this.model.schema}__snap_`,
    ]);
    const found: TimeTravelSnapshot[] = [];
    for (const { nspname } of schemas) {
      const [info] = await ds
        .query(`SELECT position, occurred_up_to FROM "${nspname}".time_travel_snapshot`)
        .catch(() => [] as { position: string; occurred_up_to: Date }[]); // dropped meanwhile
      if (info) found.push({ schema: nspname, position: Number(info.position), occurredUpTo: new Date(info.occurred_up_to) });
    }
    return found.sort((a, b) => a.position - b.position);
  }

  /**
   * Takes the snapshots missing up to the store's head: from the newest one, replays every event
   * into a scratch schema and copies it at each multiple of `snapshotEvery`. One at a time per
   * instance; another instance taking the same snapshot at once is harmless (the first one stays).
   */
  prepare(): Promise<void> {
    const run = (this.preparing ?? Promise.resolve()).then(async () => {
      this.running = true;
      try {
        await this.takeSnapshots();
      } finally {
        this.running = false;
      }
    });
    this.preparing = run.catch(() => undefined); // a failed preparation leaves looks on longer replays
    return run;
  }

  private async takeSnapshots(): Promise<void> {
    const head = await this.store.headPosition();
    const existing = await this.snapshots();
    const base = existing[existing.length - 1];
    if (head - (base?.position ?? 0) < this.every || this.closed) return;
    if (!(await this.copyable(base?.schema))) return;
    const scratch = `${this.model.schema}__snapwork_${INSTANCE}`;
    const ds = await this.model.openDataSource(scratch);
    try {
      if (base) await copyTables(ds, base.schema, scratch);
      const runner = this.runnerOn(ds);
      let position = await runner.resume();
      let occurredUpTo = base?.occurredUpTo.getTime() ?? 0;
      while (!this.closed) {
        const mark = (Math.floor(position / this.every) + 1) * this.every;
        if (mark > head) break;
        const page = await this.store.readAll({ after: position, limit: Math.min(PAGE, mark - position) });
        if (page.length === 0) break;
        for (const event of page) occurredUpTo = Math.max(occurredUpTo, event.occurredAt.getTime());
        await runner.applyPage(page);
        position = page[page.length - 1].position;
        if (position === mark) await this.snapshot(scratch, position, new Date(occurredUpTo));
      }
    } finally {
      await ds.query(`DROP SCHEMA IF EXISTS "${scratch}" CASCADE`).catch(() => undefined);
      await ds.destroy();
    }
    await this.thin();
  }

  /** Copies the scratch schema into `<schema>__snap_<position>`, made complete before it gets its name. */
  private async snapshot(from: string, position: number, occurredUpTo: Date): Promise<void> {
    const work = `${this.model.schema}__snaptmp_${INSTANCE}`;
    const name = `${this.model.schema}__snap_${position}`;
    const ds = await this.model.openDataSource(work);
    try {
      await copyTables(ds, from, work);
      await ds.query(`CREATE TABLE "${work}".time_travel_snapshot (position bigint NOT NULL, occurred_up_to timestamptz NOT NULL)`);
      await ds.query(`INSERT INTO "${work}".time_travel_snapshot VALUES ($1, $2)`, [position, occurredUpTo]);
      await ds.query(`ALTER SCHEMA "${work}" RENAME TO "${name}"`).catch(() => undefined); // another instance took it first
    } finally {
      await ds.query(`DROP SCHEMA IF EXISTS "${work}" CASCADE`).catch(() => undefined);
      await ds.destroy();
    }
  }

  /** Beyond `snapshotsKept`, drops the snapshot whose neighbours are closest (never the newest). */
  private async thin(): Promise<void> {
    const all = await this.snapshots();
    const ds = await this.adminDataSource();
    while (all.length > this.kept) {
      let victim = 0;
      let smallest = Number.POSITIVE_INFINITY;
      for (let i = 0; i < all.length - 1; i++) {
        const gap = all[i + 1].position - (i > 0 ? all[i - 1].position : 0);
        if (gap < smallest) [smallest, victim] = [gap, i];
      }
      const [dropped] = all.splice(victim, 1);
      await ds.query(`DROP SCHEMA IF EXISTS "${dropped.schema}" CASCADE`);
    }
  }

  private async drop(ds: DataSource): Promise<void> {
    const schema = (ds.options as { schema?: string }).schema;
    await ds.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).catch(() => undefined);
    await ds.destroy();
  }

  private runnerOn(dataSource: DataSource): ProjectionRunner {
    return new ProjectionRunner({
      name: this.model.name,
      store: this.store,
      dataSource,
      projections: projectionsOf(this.model, this.sources),
      batchSize: PAGE,
      relaxedDurability: true, // a scratch or replayed schema: a crash loses nothing that matters
    });
  }

  private async build(asOf: Date, key: string, last?: number): Promise<DataSource> {
    const schema = `${this.model.schema}__asof_${INSTANCE}_${createHash('sha256').update(key).digest('hex').slice(0, 10)}`;
    const dataSource = await this.model.openDataSource(schema);
    try {
      const base = await this.baseFor(asOf, last);
      // A snapshot dropped meanwhile (thinned) rolls the copy back: then this look replays from the start.
      if (base) await copyTables(dataSource, base.schema, schema).catch(() => undefined);
      const runner = this.runnerOn(dataSource);
      const started = performance.now();
      let position = await runner.resume();
      const from = position;
      const bound = last ?? Number.POSITIVE_INFINITY;
      const include = (event: RecordedEvent) => event.occurredAt.getTime() <= asOf.getTime();
      let next = position < bound ? this.store.readAll({ after: position, limit: PAGE }) : Promise.resolve([]);
      for (;;) {
        const read = await next;
        if (read.length === 0) break;
        position = read[read.length - 1].position;
        next = position < bound ? this.store.readAll({ after: position, limit: PAGE }) : Promise.resolve([]);
        next.catch(() => undefined); // a failure surfaces at the next await
        await runner.applyPage(read.filter((event) => event.position <= bound && include(event)));
      }
      this.options.onBuild?.({ from, to: position, seconds: (performance.now() - started) / 1000 });
      return dataSource;
    } catch (error) {
      await this.drop(dataSource);
      throw error;
    }
  }

  /** The newest snapshot every event of which had occurred by `asOf`, and not past the last one that had. */
  private async baseFor(asOf: Date, last?: number): Promise<TimeTravelSnapshot | undefined> {
    const usable = (await this.snapshots().catch(() => [])).filter(
      (s) => s.occurredUpTo.getTime() <= asOf.getTime() && (last === undefined || s.position <= last),
    );
    const base = usable[usable.length - 1];
    return base && (await this.copyable(base.schema)) ? base : undefined;
  }

  /** Tables whose rows a plain copy reproduces: no sequence or identity would be left behind. */
  private async copyable(schema?: string): Promise<boolean> {
    const ds = await this.adminDataSource();
    const [row] = await ds.query(
      `SELECT count(*)::int AS n FROM information_schema.columns
       WHERE table_schema = $1 AND (column_default LIKE 'nextval(%' OR is_identity = 'YES') AND NOT table_name = ANY($2)`,
      [schema ?? this.model.schema, [...NOT_COPIED]],
    );
    return row.n === 0;
  }

  private adminDataSource(): Promise<DataSource> {
    if (!this.admin) {
      this.ownsAdmin = !this.options.dataSource;
      this.admin = this.options.dataSource ? Promise.resolve(this.options.dataSource) : this.model.openDataSource(this.model.schema);
    }
    return this.admin;
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

/** Copies every read-model table of `from` into the same tables of `to` (same migrations, so the same columns). */
async function copyTables(ds: DataSource, from: string, to: string): Promise<void> {
  const columns: { table_name: string; column_name: string }[] = await ds.query(
    `SELECT c.table_name, c.column_name FROM information_schema.columns c
     JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
     WHERE c.table_schema = $1 AND c.is_generated = 'NEVER'
     ORDER BY c.table_name, c.ordinal_position`,
    [from],
  );
  const tables = new Map<string, string[]>();
  for (const { table_name, column_name } of columns) {
    if (NOT_COPIED.has(table_name)) continue;
    tables.set(table_name, [...(tables.get(table_name) ?? []), `"${column_name}"`]);
  }
  await ds.transaction(async (em) => {
    await em.query('SET LOCAL synchronous_commit = off');
    for (const [table, cols] of tables) {
      await em.query(`DELETE FROM "${to}"."${table}"`);
      await em.query(`INSERT INTO "${to}"."${table}" (${cols.join(', ')}) SELECT ${cols.join(', ')} FROM "${from}"."${table}"`);
    }
  });
}
