import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { EventStore, RecordedEvent } from '@regie/es-core';
import { copyTables, emptyTables, NOT_COPIED, unlogged } from './copy-tables';
import { claimInstance, instanceRunning, urlOf } from './time-travel-claims';
import { holdInScope } from './look-scope';
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
 *   schema; the least recently used beyond `keep` that nobody reads are dropped. As no new event
 *   can have occurred in the past, a built schema stays valid. Schema names carry this process's
 *   id, so instances never drop each other's replays.
 * - **A later look brings an idle one forward in place.** A look at a later moment than a look
 *   nobody holds any more (look-scope.ts) takes that schema and applies only the events between:
 *   no copy at all. Otherwise the look takes a spare schema made ready in the background (opening
 *   one runs every migration): one holds a copy of the newest snapshot, made after `prepare()`;
 *   the other a copy of the snapshot the previous look copied, so a look back from there does not
 *   copy it again. A moment a spare's snapshot serves only replays; any other copies its base
 *   over a spare (tables unlogged, rows first and indexes after, each table on a connection of
 *   its own). The spares cost the disk of two snapshots of the newest size.
 */
/** A snapshot about every this many store positions, unless `snapshotEvery` says otherwise. */
export const TIME_TRAVEL_SNAPSHOT_EVERY = 20_000;

const INSTANCE = randomBytes(3).toString('hex');
let instances = 0;

export interface TimeTravelOptions {
  /** Replayed moments kept open (least recently used dropped first). Default 8. */
  keep?: number;
  /** A snapshot every this many store positions. Default 20,000. */
  snapshotEvery?: number;
  /** Snapshots kept per read model. Default 50 (1M events at the default interval). */
  snapshotsKept?: number;
  /** Events read and applied at a time (what a replay or a snapshot holds in memory). Default 5,000. */
  pageSize?: number;
  /**
   * A spare is made once no look has been built for this long (default 1,000 ms), or at once when a
   * look waits for it: looks clicked one after another do not share the database with it.
   */
  sparesAfterMs?: number;
  /** A DataSource on the read model's database for bookkeeping (e.g. the live one); opened on the live schema if absent. */
  dataSource?: DataSource;
  /** Start `prepare()` at every look, in the background (default true). */
  prepareOnFirstLook?: boolean;
  /** Every look replays from the start, using no snapshot or earlier replay (the reference for tests and the bench). */
  fullReplay?: boolean;
  /**
   * Told of each replay built: the position it started from (0: none), the position it replayed to,
   * whether it brought an earlier look's schema forward in place, and whether it started from the spare
   * already holding its snapshot (else it copied a snapshot or replay, or replayed from the start).
   */
  onBuild?: (replay: { from: number; to: number; seconds: number; inPlace: boolean; readyCopy: boolean }) => void;
}

/** A look schema opened ahead of the next look, holding a copy of `holds` (else empty). */
interface Spare {
  dataSource: DataSource;
  holds?: TimeTravelSnapshot;
}

/**
 * The spares kept: `newest` holds the newest snapshot (a look after it only replays); `base` the
 * snapshot the last look copied (a look back from there, to a moment that snapshot also serves,
 * does not copy it again).
 */
type SpareKind = 'newest' | 'base';

/** A spare being made: `of` the snapshot it is to hold (for `base`), `settled` once made. */
interface SpareEntry {
  ready: Promise<Spare>;
  settled?: Spare;
  of?: TimeTravelSnapshot;
  /** A look waits for it, or for one after it in line: it is made without waiting for a quiet spell. */
  hurried?: boolean;
  /** Replaced by a newer spare of its kind before its turn came: not made at all. */
  replaced?: boolean;
}

/** A replayed moment, open for queries. */
interface Look {
  dataSource: Promise<DataSource>;
  /** Where its replay stands once built: a base for later looks (copied, or brought forward in place). */
  replay?: TimeTravelSnapshot;
  /** Scopes reading it now, and copies being made of it: while there are any, it does not change. */
  readers: number;
  /** Handed out outside every scope: its readers are unknown, so it never changes. */
  pinned: boolean;
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

export class TimeTravel {
  /** The snapshots as last listed (a look brought forward in place checks there is no much nearer one). */
  private known: TimeTravelSnapshot[] = [];
  /** The looks open here by the events they contain, least recently used first. */
  private readonly open = new Map<string, Look>();
  /** This process's id and this object's: two TimeTravels on one read model never share a replay schema. */
  private readonly id = `${INSTANCE}${(++instances).toString(36)}`;
  private readonly keep: number;
  private readonly every: number;
  private readonly kept: number;
  private readonly pageSize: number;
  private admin?: Promise<DataSource>;
  private ownsAdmin = false;
  /** This process's claim on its time-travel schemas (time-travel-claims.ts), taken before the first one is made. */
  private claimed?: Promise<() => Promise<void>>;
  private preparing?: Promise<void>;
  /** Schemas made ready for the next looks that copy: each taken by one look. */
  private readonly spares = new Map<SpareKind, SpareEntry>();
  /** Spares are made one after the other, in the background. */
  private making: Promise<unknown> = Promise.resolve();
  private schemas = 0;
  private readonly sparesAfter: number;
  /** Looks being built now, and when the last one ended (performance.now()): spares wait for a quiet spell. */
  private building = 0;
  private lastBuilt = Number.NEGATIVE_INFINITY;
  /** Spares whose making has not started yet, in their order. */
  private readonly inLine: SpareEntry[] = [];
  /** Wakes the spares waiting for a quiet spell, to look again. */
  private wake: () => void = () => undefined;
  private woken = new Promise<void>((resolve) => (this.wake = resolve));
  private running = false;
  private closed = false;

  constructor(
    private readonly store: EventStore,
    private readonly model: ReadModelDefinition,
    private readonly sources: MessageSources = {},
    private readonly options: TimeTravelOptions = {},
  ) {
    this.keep = options.keep ?? 8;
    this.every = options.snapshotEvery ?? TIME_TRAVEL_SNAPSHOT_EVERY;
    this.kept = options.snapshotsKept ?? 50;
    this.pageSize = options.pageSize ?? 5000;
    this.sparesAfter = options.sparesAfterMs ?? 1000;
  }

  /** The read model at `asOf`, held by the caller's scope (see look-scope.ts) until it ends. */
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
    // From here to `hold` nothing awaits: a look found idle is taken, or held, before anyone else can.
    const look = this.open.get(key) ?? this.forward(asOf, occurred?.lastPosition) ?? this.copied(asOf, occurred?.lastPosition);
    this.open.delete(key); // (re)inserted last: the LRU order
    this.open.set(key, look);
    this.hold(look);
    look.dataSource.catch(() => this.open.get(key) === look && this.open.delete(key));
    void this.evict();
    return look.dataSource;
  }

  private hold(look: Look): void {
    look.readers++;
    if (!holdInScope(() => look.readers--)) [look.readers, look.pinned] = [look.readers - 1, true];
  }

  /**
   * A later moment, near an idle look's: that look's schema brought forward in place by the events
   * between (no copy). Idle: no scope reads it and it was never handed out beyond one. Its own key
   * leaves the cache at once, so a look at its moment builds anew rather than see the later one.
   */
  private forward(asOf: Date, last?: number): Look | undefined {
    if (this.options.fullReplay) return undefined;
    let base: { key: string; look: Look; replay: TimeTravelSnapshot } | undefined;
    for (const [key, look] of this.open) {
      const { replay } = look;
      if (!replay || look.readers > 0 || look.pinned || !this.startsNear(replay, asOf, last)) continue;
      if (!base || replay.position > base.replay.position) base = { key, look, replay };
    }
    if (!base) return undefined;
    const { key, look, replay } = base;
    this.open.delete(key);
    return this.entry(
      look.dataSource.then(async (ds) => {
        const started = performance.now();
        return { dataSource: ds, replay: await this.replayInto(ds, replay, asOf, last, started, true) };
      }),
    );
  }

  /** A look in a schema of its own: a copy of the newest snapshot or replay it can start from, then the events after it. */
  private copied(asOf: Date, last?: number): Look {
    return this.entry(this.build(asOf, last));
  }

  private entry(built: Promise<{ dataSource: DataSource; replay: TimeTravelSnapshot }>): Look {
    this.building++;
    const done = () => {
      this.building--;
      this.lastBuilt = performance.now();
    };
    built.then(done, done);
    const look: Look = {
      readers: 0,
      pinned: false,
      dataSource: built.then(({ dataSource, replay }) => {
        look.replay = replay;
        return dataSource;
      }),
    };
    return look;
  }

  /** Drops this process's time-travel schemas (snapshots stay: they serve the next start too). */
  async close(): Promise<void> {
    this.closed = true;
    this.wakeSpares();
    await this.preparing;
    const spares = [...this.spares.values()].map((entry) => entry.ready.then((s) => s.dataSource));
    const all = [...[...this.open.values()].map((look) => look.dataSource), ...spares];
    this.spares.clear();
    this.open.clear();
    await Promise.all(
      all.map((ds) =>
        ds.then(
          (d) => this.drop(d),
          () => undefined,
        ),
      ),
    );
    const release = await this.claimed?.catch(() => undefined);
    await release?.();
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
    this.known = found.sort((a, b) => a.position - b.position);
    return this.known;
  }

  /**
   * Takes the snapshots missing if the store has moved `snapshotEvery` positions or more past the
   * newest one (else does nothing, not even the spare): what a running platform calls now and then,
   * so that the first look after a long quiet spell or a restart finds its snapshot ready. Answers
   * whether it prepared.
   */
  async keepUp(): Promise<boolean> {
    if (this.closed || this.running) return false;
    const [head, snapshots] = await Promise.all([this.store.headPosition(), this.snapshots(), this.summarizeOccurrences()]);
    if (head - (snapshots.at(-1)?.position ?? 0) < this.every) return false;
    await this.prepare();
    return true;
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
        await this.dropLeftovers();
        await this.summarizeOccurrences();
        await this.takeSnapshots();
        await this.spareOfNewest();
      } finally {
        this.running = false;
      }
    });
    this.preparing = run.catch(() => undefined); // a failed preparation leaves looks on longer replays
    return run;
  }

  /**
   * Has the store summarize which events occurred when (PostgreSQL: OccurrenceBlocks, once per
   * process and then only the new blocks), so that the first look after a start does not wait for
   * it (0.5 s at 1M events).
   */
  private async summarizeOccurrences(): Promise<void> {
    await this.store.occurredBy(new Date(0));
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
    // Opened, with the newest snapshot copied into it, once a step moves the chain on: where events
    // recorded out of their time order pin the chain, a keep-up reads a little and copies nothing.
    let work: { ds: DataSource; runner: ProjectionRunner } | undefined;
    let position = base?.position ?? 0;
    let moment = base?.moment.getTime() ?? Number.NEGATIVE_INFINITY;
    let validUntil = base?.validUntil?.getTime() ?? Number.POSITIVE_INFINITY;
    try {
      while (!this.closed && head - position >= this.every) {
        // The next snapshot's moment from the occurrence times of the next `every` events (only the times are kept).
        const times = await this.occurrenceTimes(position, position + this.every);
        times.sort((a, b) => a - b);
        const next = Math.min(Math.max(moment + 1, times[Math.floor(times.length * 0.9)]), validUntil - 1);
        if (!(next > moment)) break; // events occurring ahead of their neighbours pin the chain here
        const last = (await this.store.occurredBy(new Date(next)))!.lastPosition;
        if (last <= position) break; // no later event had occurred by then: the validity pins the chain here
        work ??= await this.openScratch(scratch, base);
        const { runner } = work;
        // Then the events up to `last` a page at a time: those that had occurred by then are applied,
        // the later ones bound the snapshot's validity. A page in memory, not the snapshot's interval.
        await this.eachPage(position, last, async (page) => {
          for (const e of page) if (e.occurredAt.getTime() > next) validUntil = Math.min(validUntil, e.occurredAt.getTime());
          await runner.applyPage(page.filter((e) => e.occurredAt.getTime() <= next));
        });
        [position, moment] = [last, next];
        await this.snapshot(scratch, position, new Date(moment), Number.isFinite(validUntil) ? new Date(validUntil) : undefined);
      }
    } finally {
      if (work) await this.drop(work.ds);
    }
    await this.thin();
  }

  /** The scratch schema a chain of snapshots is built in, from a copy of the newest (or empty). */
  private async openScratch(scratch: string, base?: TimeTravelSnapshot): Promise<{ ds: DataSource; runner: ProjectionRunner }> {
    await this.claim();
    const ds = await this.model.openDataSource(scratch);
    try {
      if (base) await copyTables(ds, base.schema, scratch);
      const runner = this.runnerOn(ds);
      await runner.resume(); // the snapshot's checkpoint: its last applied event
      return { ds, runner };
    } catch (error) {
      await this.drop(ds);
      throw error;
    }
  }

  /** The occurrence times (ms) of the events at positions in (after, to]. */
  private async occurrenceTimes(after: number, to: number): Promise<number[]> {
    const times: number[] = [];
    await this.eachPage(after, to, (page) => {
      for (const e of page) times.push(e.occurredAt.getTime());
    });
    return times;
  }

  /** Hands the events at positions in (after, to] to `handle` a page at a time, reading the next page meanwhile. */
  private async eachPage(after: number, to: number, handle: (page: RecordedEvent[]) => Promise<void> | void): Promise<void> {
    const read = (from: number) =>
      from < to ? this.store.readAll({ after: from, limit: Math.min(this.pageSize, to - from) }) : Promise.resolve([]);
    let next = read(after);
    for (;;) {
      const page = await next;
      if (page.length === 0) return;
      const end = page[page.length - 1].position;
      next = read(end);
      next.catch(() => undefined); // a failure surfaces at the next await
      await handle(end > to ? page.filter((e) => e.position <= to) : page);
    }
  }

  /** Copies the scratch schema into `<schema>__snap_<position>`, made complete before it gets its name. */
  private async snapshot(from: string, position: number, moment: Date, validUntil?: Date): Promise<void> {
    const work = `${this.model.schema}__snaptmp_${this.id}`;
    const name = `${this.model.schema}__snap_${position}`;
    await this.claim();
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
    await ds.query(`DROP SCHEMA IF EXISTS "${schemaOf(ds)}" CASCADE`).catch(() => undefined);
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
      batchSize: this.pageSize,
      relaxedDurability: true, // a scratch or replayed schema: a crash loses nothing that matters
    });
  }

  private async build(asOf: Date, last?: number): Promise<{ dataSource: DataSource; replay: TimeTravelSnapshot }> {
    // A schema made ready after an earlier look (opening one runs every migration), else a new one.
    const spare = await this.takeSpare(asOf, last);
    const dataSource = spare?.dataSource ?? (await this.openLookSchema());
    try {
      const started = performance.now();
      const base = await this.baseFor(asOf, last);
      // The spare already holds a snapshot that starts this replay, and no base starts it much nearer: no copy.
      const ready =
        spare?.holds && serves(spare.holds, asOf, last) && !(base && base.snapshot.position > spare.holds.position + this.every);
      if (ready) base?.release();
      // A snapshot dropped meanwhile (thinned) rolls the copy back: then this look replays from the start.
      const copied = ready
        ? spare.holds
        : base &&
          (await copyTables(dataSource, base.snapshot.schema, schemaOf(dataSource))
            .then(() => base.snapshot)
            .catch(() => undefined)
            .finally(base.release));
      // The spare's snapshot unused and nothing copied over it: the replay starts from nothing.
      if (spare?.holds && !ready && !copied) await emptyTables(dataSource, schemaOf(dataSource));
      const replay = await this.replayInto(dataSource, copied, asOf, last, started, false, !!ready);
      // A snapshot copied for this look is copied again in the background, for a look back from here.
      if (copied && !ready && this.known.some((s) => s.schema === copied.schema)) this.refreshSpare('base', copied);
      if (!this.spares.has('newest')) this.refreshSpare('newest');
      return { dataSource, replay };
    } catch (error) {
      await this.drop(dataSource);
      throw error;
    }
  }

  /**
   * A spare for a look at `asOf`, handed to the caller alone (taken before anything awaits): one
   * made that holds a snapshot serving it (the nearest; none if a snapshot more than `snapshotEvery`
   * nearer serves it too), else one being made to hold such a snapshot (waited for: the rest of its
   * copy is shorter than a copy of its own), else any made (its schema is reused, the newest
   * snapshot's last).
   */
  private async takeSpare(asOf: Date, last?: number): Promise<Spare | undefined> {
    const entries = [...this.spares.entries()];
    const serving = ([, e]: [SpareKind, SpareEntry]) => {
      const holds = e.settled ? e.settled.holds : e.of;
      return holds && this.startsNear(holds, asOf, last) ? holds.position : -1;
    };
    const [best] = entries.filter((e) => serving(e) >= 0).sort((a, b) => serving(b) - serving(a));
    const [kind, entry] = best ?? entries.find(([k, e]) => k === 'base' && e.settled) ?? entries.find(([, e]) => e.settled) ?? [];
    if (!kind || !entry) return undefined;
    this.spares.delete(kind);
    if (entry.settled) return entry.settled;
    // Waited for: it and the spares before it in line are made without waiting for a quiet spell.
    const at = this.inLine.indexOf(entry);
    if (at >= 0) {
      for (const before of this.inLine.slice(0, at + 1)) before.hurried = true;
      this.wakeSpares();
    }
    return entry.ready.catch(() => undefined);
  }

  /**
   * Makes a spare of a kind, in the background after the spares before it: a look schema holding a
   * copy of `of`, or of the newest snapshot (empty if there is none to copy). It replaces the spare
   * of that kind, whose schema is dropped.
   */
  private refreshSpare(kind: SpareKind, of?: TimeTravelSnapshot): void {
    if (this.closed || this.options.fullReplay) return;
    const make = async (): Promise<Spare> => {
      if (this.closed) throw new Error('time travel closed');
      const dataSource = await this.openLookSchema();
      const snapshot = of ?? (await this.snapshots().catch(() => [])).at(-1);
      if (!snapshot || !(await this.copyable(snapshot.schema))) return { dataSource };
      // Should the snapshot be thinned meanwhile, the copy rolls back and the spare is just empty.
      const copied = await copyTables(dataSource, snapshot.schema, schemaOf(dataSource)).then(
        () => true,
        () => false,
      );
      return copied ? { dataSource, holds: snapshot } : { dataSource };
    };
    const ready = this.making
      .then(() => this.quietSpell(entry))
      .then(() => {
        this.inLine.splice(this.inLine.indexOf(entry), 1);
        if (entry.replaced) throw new Error('replaced before it was made');
        return make();
      });
    this.making = ready.catch(() => undefined);
    const entry: SpareEntry = { ready, ...(of ? { of } : {}) };
    this.inLine.push(entry);
    ready.then(
      (spare) => (entry.settled = spare),
      () => this.spares.get(kind) === entry && this.spares.delete(kind),
    );
    const old = this.spares.get(kind);
    if (old && this.inLine.includes(old)) old.replaced = true;
    this.spares.set(kind, entry);
    void old?.ready.then((spare) => this.drop(spare.dataSource)).catch(() => undefined);
  }

  /**
   * Resolves once no look has been built for `sparesAfterMs`, or at once when a look waits for this
   * spare or one after it: making one copies a whole snapshot, which would otherwise share the two
   * cores with the next look a user clicks (a look back in time at 1M: 1.1 s alone, 2.1 s beside
   * a spare's copy).
   */
  private async quietSpell(entry: SpareEntry): Promise<void> {
    for (;;) {
      const wait = this.building > 0 ? this.sparesAfter : this.lastBuilt + this.sparesAfter - performance.now();
      if (wait <= 0 || entry.hurried || this.closed) return;
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([this.woken, new Promise<void>((resolve) => (timer = setTimeout(resolve, wait).unref()))]);
      clearTimeout(timer);
    }
  }

  private wakeSpares(): void {
    const wake = this.wake;
    this.woken = new Promise<void>((resolve) => (this.wake = resolve));
    wake();
  }

  /** After snapshots are taken: a spare holding the newest one, so a look after it only replays. */
  private async spareOfNewest(): Promise<void> {
    const newest = this.known.at(-1);
    const entry = this.spares.get('newest');
    const current = await entry?.ready.catch(() => undefined);
    if (!entry || (newest && (current?.holds?.position ?? -1) < newest.position && this.spares.get('newest') === entry))
      this.refreshSpare('newest');
    await this.spares.get('newest')?.ready.catch(() => undefined);
  }

  /** A new schema for a look, its tables unlogged. */
  private async openLookSchema(): Promise<DataSource> {
    await this.claim();
    const dataSource = await this.model.openDataSource(this.nextSchema());
    await unlogged(dataSource, schemaOf(dataSource));
    return dataSource;
  }

  /**
   * Applies to `dataSource`, which holds the read model as `base` describes it (or nothing), the
   * events after it that had occurred by `asOf`, up to `last`; answers where it then stands.
   */
  private async replayInto(
    dataSource: DataSource,
    base: TimeTravelSnapshot | undefined,
    asOf: Date,
    last: number | undefined,
    started: number,
    inPlace: boolean,
    readyCopy = false,
  ): Promise<TimeTravelSnapshot> {
    const runner = this.runnerOn(dataSource);
    // From the base's position: the events up to it that it did not apply occurred after `asOf` (its validity).
    let position = Math.max(await runner.resume(), base?.position ?? 0);
    const from = position;
    const bound = last ?? Number.POSITIVE_INFINITY;
    const include = (event: RecordedEvent) => event.occurredAt.getTime() <= asOf.getTime();
    // Its validity as a base: the earliest occurrence after `asOf` among the events up to the last one applied.
    let validUntil = base?.validUntil?.getTime() ?? Number.POSITIVE_INFINITY;
    // No further than `last`: a look a day on reads that day's events, not a page of later ones.
    const page = (after: number) =>
      after < bound ? this.store.readAll({ after, limit: Math.min(this.pageSize, bound - after) }) : Promise.resolve([]);
    let next = page(position);
    for (;;) {
      const read = await next;
      if (read.length === 0) break;
      position = read[read.length - 1].position;
      next = page(position);
      next.catch(() => undefined); // a failure surfaces at the next await
      await runner.applyPage(read.filter((event) => event.position <= bound && include(event)));
      for (const e of read) if (e.position <= bound && !include(e)) validUntil = Math.min(validUntil, e.occurredAt.getTime());
    }
    this.options.onBuild?.({ from, to: position, seconds: (performance.now() - started) / 1000, inPlace, readyCopy });
    return {
      schema: schemaOf(dataSource),
      position: Math.min(position, bound),
      moment: asOf,
      ...(Number.isFinite(validUntil) ? { validUntil: new Date(validUntil) } : {}),
    };
  }

  /**
   * The newest snapshot or replay open here that starts the replay to `asOf` (taken at or before
   * it, valid until after it), with what to call once copied: a replay is held meanwhile, so it is
   * not brought forward while being copied.
   */
  private async baseFor(asOf: Date, last?: number): Promise<{ snapshot: TimeTravelSnapshot; release: () => void } | undefined> {
    if (this.options.fullReplay) return undefined;
    const snapshots = (await this.snapshots().catch(() => [])).filter((s) => serves(s, asOf, last));
    const snapshot = snapshots[snapshots.length - 1];
    if (!(await this.copyable(snapshot?.schema))) return undefined;
    // No await from here on: the replay chosen is held before anyone can take it.
    let newest: { look: Look; replay: TimeTravelSnapshot } | undefined;
    for (const look of this.open.values()) {
      const { replay } = look;
      if (replay && serves(replay, asOf, last) && replay.position > (newest?.replay.position ?? snapshot?.position ?? -1))
        newest = { look, replay };
    }
    if (!newest) return snapshot && { snapshot, release: () => undefined };
    const { look, replay } = newest;
    look.readers++;
    return { snapshot: replay, release: () => look.readers-- };
  }

  /**
   * Whether the replay to `asOf` may start from `start`: it serves that moment, and no snapshot
   * known here that serves it too lies more than `snapshotEvery` positions nearer (a copy of
   * that one is then the quicker start).
   */
  private startsNear(start: TimeTravelSnapshot, asOf: Date, last?: number): boolean {
    return serves(start, asOf, last) && !this.known.some((s) => s.position > start.position + this.every && serves(s, asOf, last));
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

  /** Holds this process's claim before it makes a schema of its own (a database without a URL: none). */
  private async claim(): Promise<void> {
    const url = urlOf(await this.adminDataSource());
    if (!url) return;
    this.claimed ??= claimInstance(url, INSTANCE).catch((error: unknown) => {
      this.claimed = undefined;
      throw error;
    });
    await this.claimed;
  }

  /** Drops this read model's looks, spares and scratch schemas left by processes that no longer run. */
  private async dropLeftovers(): Promise<void> {
    const ds = await this.adminDataSource();
    if (!urlOf(ds)) return;
    const prefix = `${this.model.schema}__`;
    const schemas: { nspname: string }[] = await ds.query(
      `SELECT nspname FROM pg_namespace WHERE starts_with(nspname, $1) AND substr(nspname, length($1) + 1) ~ '^(asof|snapwork|snaptmp)_'`,
      [prefix],
    );
    const byInstance = new Map<string, string[]>();
    for (const { nspname } of schemas) {
      const instance = nspname.slice(prefix.length).split('_')[1].slice(0, INSTANCE.length);
      byInstance.set(instance, [...(byInstance.get(instance) ?? []), nspname]);
    }
    for (const [instance, left] of byInstance) {
      if (instance === INSTANCE || (await instanceRunning(ds, instance))) continue;
      for (const schema of left) await ds.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    }
  }

  private adminDataSource(): Promise<DataSource> {
    if (!this.admin) {
      this.ownsAdmin = !this.options.dataSource;
      this.admin = this.options.dataSource ? Promise.resolve(this.options.dataSource) : this.model.openDataSource(this.model.schema);
    }
    return this.admin;
  }

  /** Beyond `keep`, drops the least recently used looks nobody is reading. */
  private async evict(): Promise<void> {
    for (const [key, look] of this.open) {
      if (this.open.size <= this.keep) return;
      if (look.readers > 0) continue;
      this.open.delete(key);
      const ds = await look.dataSource.catch(() => undefined);
      if (ds) await this.drop(ds);
    }
  }
}

const schemaOf = (dataSource: DataSource) => (dataSource.options as { schema: string }).schema;

/** Whether the read model as of `base` starts the replay to `asOf`, up to position `last`. */
const serves = (base: TimeTravelSnapshot, asOf: Date, last?: number) =>
  base.moment.getTime() <= asOf.getTime() &&
  (base.validUntil === undefined || asOf.getTime() < base.validUntil.getTime()) &&
  (last === undefined || base.position <= last);
