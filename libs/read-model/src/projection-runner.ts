import type { DataSource, QueryRunner } from 'typeorm';
import { backoffDelay, type EventStore, type RecordedEvent, type Subscription } from '@regie/es-core';
import { advanceCheckpoint, CheckpointMoved, readCheckpoint } from './checkpoint';
import type { Projection } from './projection';

export interface ProjectionRunnerOptions {
  /** Name of the checkpoint, e.g. 'actions'. One runner per name and schema. */
  name: string;
  store: EventStore;
  dataSource: DataSource;
  projections: Projection[];
  batchSize?: number;
  /**
   * How often a standby instance retries to become the runner, and polls the checkpoint; also the
   * first pause after a failed batch, doubling (up to 30 s) while batches fail at the same position.
   */
  standbyIntervalMs?: number;
  onError?: (error: unknown) => void;
  /**
   * How soon the checkpoint is stored after batches were passed over (default 1 s): after a crash
   * at most that much of other contexts' events is read again and passed over again. Every runner
   * that passes over a write stores it, so a shorter wait costs each write a share of five commits.
   */
  lazyCheckpointMs?: number;
  /**
   * Rebuilds only: commit batches without waiting for the WAL flush (synchronous_commit off). A
   * crash may then undo the last batches, rows and checkpoint together (still atomic), and the
   * resumable rebuild redoes them; whatever commits durably later (the swap) flushes them first.
   */
  relaxedDurability?: boolean;
}

/**
 * Feeds store events to projections, one transaction per batch, and moves the checkpoint in
 * that same transaction: after a crash the read model and its checkpoint agree, so nothing
 * is lost and nothing is applied twice.
 *
 * With several instances of a service, exactly one runs each projection: the one holding a
 * PostgreSQL session advisory lock named after the schema and checkpoint. The others stand
 * by, retry the lock, and follow the checkpoint table so `waitFor` works everywhere. If the
 * runner's connection dies, PostgreSQL releases the lock and a standby takes over; should two
 * ever overlap, the guarded checkpoint update makes the second one's batch roll back.
 *
 * A batch of events that none of the projections handles (Projection.handles: e.g. other
 * contexts' events in a shared store) changes nothing: it is passed over without a
 * transaction, and the stored checkpoint catches up with the next batch that writes, or shortly
 * after (lazyCheckpointMs). After a crash such events are read again and passed over again.
 */
export class ProjectionRunner {
  private position = 0;
  /** The checkpoint as stored; behind `position` while batches nothing here handles are passed over. */
  private stored = 0;
  private lazyCheckpoint?: NodeJS.Timeout;
  /** Checkpoint writes one at a time (a batch's and a lazy one), each from the stored value. */
  private writes: Promise<unknown> = Promise.resolve();
  private subscription?: Subscription;
  private lock?: QueryRunner;
  private running = false;
  private timer?: NodeJS.Timeout;
  /** Failed batches in a row at `failedAt`: the pause before the next try grows with them. */
  private failures = 0;
  private failedAt = -1;
  private readonly waiters = new Set<{ position: number; resolve: () => void }>();

  constructor(private readonly options: ProjectionRunnerOptions) {}

  get checkpoint(): number {
    return this.position;
  }

  /** Where the read model is: here, if this instance runs it, or as the instance that does last stored it. */
  async currentPosition(): Promise<number> {
    return this.isLeader ? this.position : Math.max(this.position, await readCheckpoint(this.options.dataSource, this.options.name));
  }

  get isLeader(): boolean {
    return this.subscription !== undefined;
  }

  async start(): Promise<void> {
    this.running = true;
    this.position = this.stored = await readCheckpoint(this.options.dataSource, this.options.name);
    await this.elect();
  }

  /**
   * Reads and applies until the store's head, without a live subscription (rebuilds, CLI);
   * with `include`, only the events it accepts are applied (time travel: events that had
   * occurred by a moment), while the checkpoint passes over all of them.
   */
  async catchUp(onProgress?: (position: number) => void, include?: (event: RecordedEvent) => boolean): Promise<number> {
    this.position = this.stored = await readCheckpoint(this.options.dataSource, this.options.name);
    const limit = this.options.batchSize ?? 1000;
    let next = this.options.store.readAll({ after: this.position, limit });
    for (;;) {
      const read = await next;
      if (read.length === 0) return this.position;
      const to = read[read.length - 1].position;
      // Read the next page while this one is applied (the store and the read model have their own connections).
      next = this.options.store.readAll({ after: to, limit });
      next.catch(() => undefined); // a failure surfaces at the next await
      await this.applyBatch(include ? read.filter(include) : read, to, true);
      onProgress?.(this.position);
    }
  }

  /** For a reader that feeds several runners (rebuildAll): where this one's checkpoint is. */
  async resume(): Promise<number> {
    this.position = this.stored = await readCheckpoint(this.options.dataSource, this.options.name);
    return this.position;
  }

  /** For a reader that feeds several runners: applies the page's events after this runner's position. */
  async applyPage(page: RecordedEvent[]): Promise<void> {
    const batch = page.filter((e) => e.position > this.position);
    if (batch.length > 0) await this.applyBatch(batch, batch[batch.length - 1].position, true);
  }

  /** Resolves when the read model includes `position` (read-your-writes after a command). */
  waitFor(position: number, timeoutMs = 5000): Promise<boolean> {
    if (this.position >= position) return Promise.resolve(true);
    const deadline = Date.now() + timeoutMs;
    return new Promise((resolve) => {
      const waiter = { position, resolve: () => resolve(true) };
      this.waiters.add(waiter);
      setTimeout(() => {
        if (this.waiters.delete(waiter)) resolve(false);
      }, timeoutMs).unref();
      if (!this.isLeader) void this.pollCheckpoint(deadline);
    });
  }

  /** On a standby instance another process moves the checkpoint: follow it while someone waits. */
  private async pollCheckpoint(deadline: number): Promise<void> {
    while (this.waiters.size > 0 && !this.isLeader && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 25));
      this.follow(await readCheckpoint(this.options.dataSource, this.options.name).catch(() => this.position));
    }
  }

  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    await this.subscription?.stop();
    if (this.subscription) await this.storeCheckpoint().catch((error) => this.options.onError?.(error));
    this.subscription = undefined;
    await this.releaseLock();
  }

  private async elect(): Promise<void> {
    if (!this.running) return;
    try {
      if (await this.tryLock()) {
        if (!this.running) return void (await this.releaseLock()); // stopped while we waited
        this.position = this.stored = await readCheckpoint(this.options.dataSource, this.options.name);
        this.follow(this.position); // a checkpoint moved on elsewhere (a replay swapped in) may already answer waiters
        const subscription = this.options.store.subscribeAll({ after: this.position, batchSize: this.options.batchSize ?? 500 }, (batch) =>
          this.applyBatch(batch),
        );
        this.subscription = subscription;
        subscription.done.then(
          () => undefined,
          (error) => this.recover(error),
        );
        return;
      }
      this.follow(await readCheckpoint(this.options.dataSource, this.options.name));
    } catch (error) {
      this.options.onError?.(error);
      await this.releaseLock(); // a broken lock connection must not stay: the next try opens a new one
    }
    if (!this.running) return;
    this.timer = setTimeout(() => void this.elect(), this.options.standbyIntervalMs ?? 1000);
    this.timer.unref();
  }

  /** A failed batch (database gone, a bug, another runner) ends the subscription: retry later. */
  private async recover(error: unknown): Promise<void> {
    this.options.onError?.(error);
    this.subscription = undefined;
    await this.releaseLock();
    // A checkpoint that moved on (a replay swapped the read model in) is no fault: go on from it at once.
    this.failures = this.position === this.failedAt ? this.failures + 1 : 1;
    this.failedAt = this.position;
    const base = this.options.standbyIntervalMs ?? 1000;
    const pause = error instanceof CheckpointMoved ? 0 : backoffDelay(this.failures, { baseMs: base, maxMs: Math.max(base, 30_000) });
    if (this.running) this.timer = setTimeout(() => void this.elect(), pause);
  }

  private async tryLock(): Promise<boolean> {
    if (!this.lock) {
      const lock = this.options.dataSource.createQueryRunner();
      const connection = (await lock.connect()) as { on?: (event: string, listener: (error: unknown) => void) => void };
      // If the session holding the lock dies, PostgreSQL frees the lock and a standby may take
      // over: stop relaying/projecting here at once instead of running as a second leader.
      connection.on?.('error', (error) => {
        if (this.lock === lock && this.subscription) void this.subscription.stop().then(() => this.recover(error));
      });
      this.lock = lock;
    }
    const [row] = await this.lock.query(`SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS locked`, [this.lockName()]);
    return row.locked === true;
  }

  private async releaseLock(): Promise<void> {
    const lock = this.lock;
    this.lock = undefined;
    if (!lock) return;
    await lock.query(`SELECT pg_advisory_unlock_all()`).catch(() => undefined);
    await lock.release().catch(() => undefined);
  }

  private lockName(): string {
    const schema = (this.options.dataSource.options as { schema?: string }).schema ?? 'public';
    return `projection:${schema}:${this.options.name}`;
  }

  private async applyBatch(batch: RecordedEvent[], to = batch[batch.length - 1].position, final = false): Promise<void> {
    const { projections } = this.options;
    const handled = projections.some((p) => !p.handles || batch.some((event) => p.handles!(event)));
    if (!handled && !final) {
      this.follow(to);
      if (!this.lazyCheckpoint) {
        this.lazyCheckpoint = setTimeout(
          () => void this.storeCheckpoint().catch((error) => this.options.onError?.(error)),
          this.options.lazyCheckpointMs ?? 1000,
        );
        this.lazyCheckpoint.unref();
      }
      return;
    }
    await this.serially(async () => {
      const from = this.stored;
      await this.options.dataSource.transaction(async (em) => {
        if (this.options.relaxedDurability) await em.query('SET LOCAL synchronous_commit = off');
        // The checkpoint first: a runner that lost the race, or a read model swapped in under it by a
        // replay, is found out before it writes anything (and the row stays locked until commit).
        await advanceCheckpoint(em, this.options.name, from, to);
        for (const projection of projections) {
          const events = projection.handles ? batch.filter((event) => projection.handles!(event)) : batch;
          if (events.length === 0) continue;
          if (projection.applyBatch) await projection.applyBatch(events, em);
          else for (const event of events) await projection.apply(event, em);
        }
      });
      this.stored = to;
    });
    this.follow(to);
  }

  private serially(work: () => Promise<void>): Promise<void> {
    const run = this.writes.then(work, work);
    this.writes = run.catch(() => undefined);
    return run;
  }

  /** Stores the checkpoint of batches passed over (only the leader does: the guard catches a second runner). */
  private async storeCheckpoint(): Promise<void> {
    clearTimeout(this.lazyCheckpoint);
    this.lazyCheckpoint = undefined;
    await this.serially(async () => {
      const [from, to] = [this.stored, this.position];
      if (to <= from || !this.isLeader) return;
      // One statement, no transaction around it (three round trips fewer): it writes only the checkpoint.
      await advanceCheckpoint(this.options.dataSource.manager, this.options.name, from, to);
      this.stored = to;
    });
  }

  private follow(position: number): void {
    this.position = Math.max(this.position, position);
    for (const waiter of this.waiters) {
      if (waiter.position <= this.position) {
        this.waiters.delete(waiter);
        waiter.resolve();
      }
    }
  }
}
