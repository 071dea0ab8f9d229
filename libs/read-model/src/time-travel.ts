import { randomBytes } from 'node:crypto';
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
 * - **Snapshots by moment.** `prepare()` replays the history once into a scratch schema and,
 *   about every `snapshotEvery` positions, copies its tables into a snapshot schema
 *   `<schema>__snap_<position>`: the read model as of a moment T, the last position P of the
 *   events that had occurred by then, and its validity V (the earliest occurrence after T among
 *   the events up to P). A look at `asOf` starts from the newest snapshot (or earlier replay of
 *   this object) with T ≤ asOf < V, copies it into the fresh schema and replays only the events
 *   after P that had occurred by `asOf`. The answer is the full replay's: the snapshot's events
 *   are exactly those a full replay would apply first (docs/audit-and-time-travel.md). Each look
 *   starts `prepare()` in the background; at most `snapshotsKept` snapshots are kept (the one
 *   leaving the smallest gap goes first), shared by every instance, and kept across restarts.
 * - **Replays keyed by what they contain.** A replay is cached by the count and last position
 *   of the events that had occurred by `asOf`, so moments with no event between them share one
 *   schema; the least recently used beyond `keep` are dropped. The next look finds an empty schema
 *   made ready after the previous one (opening a schema runs every migration), and tables are
 *   copied at once, each on a connection of its own. As no new event can have occurred
 *   in the past, a built schema stays valid. Schema names carry this process's id, so instances
 *   never drop each other's replays.
 */
const INSTANCE = randomBytes(3).toString('hex');
let instances = 0;

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
  /** Every look replays from the start, using no snapshot or earlier replay (the reference for tests and the bench). */
  fullReplay?: boolean;
  /** Told of each replay built: the snapshot position it started from (0: none) and the position it replayed to. */
  onBuild?: (replay: { from: number; to: number; seconds: number }) => void;
}

/**
 * The read model as of `moment`: the events that had occurred by then, the last of which is at
 * `position`. It serves a later moment `asOf` as the start of its replay as long as no event up
 * to `position` occurred between `moment` and `asOf`: up to `validUntil` (exclusive; none: for
 * ever), the earliest occurredAt after `moment` among the events up to `position`.
 */
export interface TimeTravelSnapshot {
  schema: string;
  position: number;
  moment: Date;
  validUntil?: Date;
}

/** Tables that are bookkeeping of the schema itself, not read-model content. */
const NOT_COPIED = new Set(['migrations', 'typeorm_metadata', 'time_travel_snapshot']);
const PAGE = 5000;

export class TimeTravel {
  private readonly open = new Map<string, Promise<DataSource>>();
  /** The replays built here, as bases for later looks (a look a day later starts from the one before). */
  private readonly replays = new Map<string, TimeTravelSnapshot>();
  /** This process's id and this object's: two TimeTravels on one read model never share a replay schema. */
  private readonly id = `${INSTANCE}${(++instances).toString(36)}`;
  private readonly keep: number;
  private readonly every: number;
  private readonly kept: number;
  private admin?: Promise<DataSource>;
  private ownsAdmin = false;
  private preparing?: Promise<void>;
  private spare?: Promise<DataSource>;
  private schemas = 0;
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
    const built = this.build(asOf, occurred?.lastPosition);
    this.open.set(key, built);
    built.catch(() => this.open.delete(key));
    void this.evict();
    return built;
  }

  /** Drops this process's time-travel schemas (snapshots stay: they serve the next start too). */
  async close(): Promise<void> {
    this.closed = true;
    await this.preparing;
    const all = [...this.open.values(), ...(this.spare ? [this.spare] : [])];
    this.spare = undefined;
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
        .query(`SELECT position, moment, valid_until FROM "${nspname}".time_travel_snapshot`)
        .catch(() => [] as { position: string; moment: Date; valid_until: Date | null }[]); // dropped meanwhile
      if (info)
        found.push({
          schema: nspname,
          position: Number(info.position),
          moment: new Date(info.moment),
          ...(info.valid_until ? { validUntil: new Date(info.valid_until) } : {}),
        });
    }
    return found.sort((a, b) => a.position - b.position);
  }

  /**
   * Takes the snapshots missing up to the store's head, each about `snapshotEvery` positions after
   * the one before: from the newest one, into a scratch schema, then copied. One at a time per
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

  /**
   * The chain of snapshots: from one at (position P, moment T, valid until V) the next is the
   * read model as of a moment T' in (T, V): the events up to the `snapshotEvery`-th after P mostly
   * occurred by T' (T' is the 90th percentile of their occurredAt). The scratch schema as of T
   * becomes the one as of T' by applying the events after P that occurred by T', up to the last of
   * them; those after P that occur later bound the new snapshot's validity, with V.
   */
  private async takeSnapshots(): Promise<void> {
    const head = await this.store.headPosition();
    const existing = await this.snapshots();
    const base = existing[existing.length - 1];
    if (head - (base?.position ?? 0) < this.every || this.closed) return;
    if (!(await this.store.occurredBy(new Date(0))) || !(await this.copyable(base?.schema))) return;
    const scratch = `${this.model.schema}__snapwork_${this.id}`;
    const ds = await this.model.openDataSource(scratch);
    try {
      if (base) await copyTables(ds, base.schema, scratch);
      const runner = this.runnerOn(ds);
      const resumed = await runner.resume(); // the snapshot's checkpoint: its last applied event
      let position = base?.position ?? resumed;
      let moment = base?.moment.getTime() ?? Number.NEGATIVE_INFINITY;
      let validUntil = base?.validUntil?.getTime() ?? Number.POSITIVE_INFINITY;
      while (!this.closed && head - position >= this.every) {
        const ahead = await this.readRange(position, position + this.every);
        const times = ahead.map((e) => e.occurredAt.getTime()).sort((a, b) => a - b);
        const next = Math.min(Math.max(moment + 1, times[Math.floor(times.length * 0.9)]), validUntil - 1);
        if (!(next > moment)) break; // events occurring ahead of their neighbours pin the chain here
        const last = (await this.store.occurredBy(new Date(next)))!.lastPosition;
        const events = last > position + this.every ? [...ahead, ...(await this.readRange(position + this.every, last))] : ahead;
        const applied = events.filter((e) => e.position <= last && e.occurredAt.getTime() <= next);
        for (const e of events)
          if (e.position <= last && e.occurredAt.getTime() > next) validUntil = Math.min(validUntil, e.occurredAt.getTime());
        for (let i = 0; i < applied.length; i += PAGE) await runner.applyPage(applied.slice(i, i + PAGE));
        [position, moment] = [last, next];
        await this.snapshot(scratch, position, new Date(moment), Number.isFinite(validUntil) ? new Date(validUntil) : undefined);
      }
    } finally {
      await ds.query(`DROP SCHEMA IF EXISTS "${scratch}" CASCADE`).catch(() => undefined);
      await ds.destroy();
    }
    await this.thin();
  }

  /** The events at positions in (after, to]. */
  private async readRange(after: number, to: number): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    for (let from = after; from < to;) {
      const page = await this.store.readAll({ after: from, limit: Math.min(PAGE, to - from) });
      if (page.length === 0) break;
      events.push(...page);
      from = page[page.length - 1].position;
    }
    return events;
  }

  /** Copies the scratch schema into `<schema>__snap_<position>`, made complete before it gets its name. */
  private async snapshot(from: string, position: number, moment: Date, validUntil?: Date): Promise<void> {
    const work = `${this.model.schema}__snaptmp_${this.id}`;
    const name = `${this.model.schema}__snap_${position}`;
    const ds = await this.model.openDataSource(work);
    try {
      await copyTables(ds, from, work);
      await ds.query(
        `CREATE TABLE "${work}".time_travel_snapshot (position bigint NOT NULL, moment timestamptz NOT NULL, valid_until timestamptz)`,
      );
      await ds.query(`INSERT INTO "${work}".time_travel_snapshot VALUES ($1, $2, $3)`, [position, moment, validUntil ?? null]);
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
    if (schema) this.replays.delete(schema);
    await ds.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).catch(() => undefined);
    await ds.destroy();
  }

  private nextSchema(): string {
    return `${this.model.schema}__asof_${this.id}_${(++this.schemas).toString(36)}`;
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

  private async build(asOf: Date, last?: number): Promise<DataSource> {
    // An empty schema made ready after the previous look (opening one runs every migration), else a new one.
    const spare = this.spare;
    this.spare = undefined;
    const dataSource = (await spare?.catch(() => undefined)) ?? (await this.model.openDataSource(this.nextSchema()));
    const schema = (dataSource.options as { schema: string }).schema;
    try {
      const started = performance.now();
      const base = await this.baseFor(asOf, last);
      // A snapshot dropped meanwhile (thinned) rolls the copy back: then this look replays from the start.
      const copied = base
        ? await copyTables(dataSource, base.schema, schema).then(
            () => base.position,
            () => 0,
          )
        : 0;
      const runner = this.runnerOn(dataSource);
      // From the snapshot's position: the events up to it that it did not apply occurred after `asOf` (its validity).
      let position = Math.max(await runner.resume(), copied);
      const from = position;
      const bound = last ?? Number.POSITIVE_INFINITY;
      const include = (event: RecordedEvent) => event.occurredAt.getTime() <= asOf.getTime();
      // Its validity as a base: the earliest occurrence after `asOf` among the events up to the last one applied.
      let validUntil = (copied && base?.validUntil?.getTime()) || Number.POSITIVE_INFINITY;
      let next = position < bound ? this.store.readAll({ after: position, limit: PAGE }) : Promise.resolve([]);
      for (;;) {
        const read = await next;
        if (read.length === 0) break;
        position = read[read.length - 1].position;
        next = position < bound ? this.store.readAll({ after: position, limit: PAGE }) : Promise.resolve([]);
        next.catch(() => undefined); // a failure surfaces at the next await
        await runner.applyPage(read.filter((event) => event.position <= bound && include(event)));
        for (const e of read) if (e.position <= bound && !include(e)) validUntil = Math.min(validUntil, e.occurredAt.getTime());
      }
      this.replays.set(schema, {
        schema,
        position: Math.min(position, bound),
        moment: asOf,
        ...(Number.isFinite(validUntil) ? { validUntil: new Date(validUntil) } : {}),
      });
      this.options.onBuild?.({ from, to: position, seconds: (performance.now() - started) / 1000 });
      if (!this.closed && !this.options.fullReplay) {
        this.spare = this.model.openDataSource(this.nextSchema());
        this.spare.catch(() => undefined);
      }
      return dataSource;
    } catch (error) {
      await this.drop(dataSource);
      throw error;
    }
  }

  /** The newest snapshot or earlier replay that starts the replay to `asOf`: taken at or before it, and valid until after it. */
  private async baseFor(asOf: Date, last?: number): Promise<TimeTravelSnapshot | undefined> {
    const t = asOf.getTime();
    if (this.options.fullReplay) return undefined;
    const candidates = [...(await this.snapshots().catch(() => [])), ...this.replays.values()].sort((a, b) => a.position - b.position);
    const usable = candidates.filter(
      (s) =>
        s.moment.getTime() <= t && (s.validUntil === undefined || t < s.validUntil.getTime()) && (last === undefined || s.position <= last),
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
  // Tables at once, each on a connection of its own; should one fail, none keeps rows (the look then replays from the start).
  const copied = await Promise.allSettled(
    [...tables].map(([table, cols]) =>
      ds.transaction(async (em) => {
        await em.query('SET LOCAL synchronous_commit = off');
        await em.query(`DELETE FROM "${to}"."${table}"`);
        await em.query(`INSERT INTO "${to}"."${table}" (${cols.join(', ')}) SELECT ${cols.join(', ')} FROM "${from}"."${table}"`);
      }),
    ),
  );
  const failed = copied.find((c): c is PromiseRejectedResult => c.status === 'rejected');
  if (failed) {
    for (const table of tables.keys()) await ds.query(`DELETE FROM "${to}"."${table}"`).catch(() => undefined);
    throw failed.reason;
  }
}
