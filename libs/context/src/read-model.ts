import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { type Clock, type EventStore, processChanges } from '@regie/es-core';
import type { TimeTravelKeepUp } from '@regie/nest-kit';
import {
  Answers,
  CheckpointMoved,
  type MessageSources,
  ProjectionRunner,
  ReadAt,
  type ReadModelDefinition,
  type TimeTravelOptions,
} from '@regie/read-model';

/** A context's read side at one moment: its queries, the DataSource under them, and "now" and "today" then. */
export interface View<Q> {
  queries: Q;
  dataSource: DataSource;
  now: Date;
  today: string;
  /**
   * The answer of `compute` (a query of this view, for `key` on `today`), kept until the live read
   * model changes (see Answers); a past view computes it every time.
   */
  remember<T>(key: string, compute: () => Promise<T>): Promise<T>;
}

export interface ReadModelParts<Q> {
  definition: ReadModelDefinition;
  dataSource: DataSource;
  store: EventStore;
  clock: Clock;
  sources: MessageSources;
  /** Snapshot interval and counts for `?asOf` (TimeTravel's defaults if absent). */
  timeTravel?: Omit<TimeTravelOptions, 'dataSource'>;
  /** The context's queries on a DataSource (the live one, or one replayed to a past moment). */
  queriesOn: (dataSource: DataSource) => Q;
  /**
   * When the time-travel snapshots are brought up to date in the background: first this long after
   * start, then at this interval (each time only if the store has moved a snapshot interval on).
   * Default 2 and 10 minutes; false: only at a look (as TimeTravel does by itself).
   */
  keepUpTimeTravel?: TimeTravelKeepUp;
}

export const KEEP_UP_TIME_TRAVEL: TimeTravelKeepUp = { firstAfterMs: 120_000, everyMs: 600_000 };

/**
 * The read models of a process bring their snapshots up to date one at a time: all of them start
 * two minutes after a start, and on a long history each takes minutes and holds its pages and its
 * scratch schema's writes (together they ran the platform out of its heap at 1M events).
 */
let keepingUp: Promise<unknown> = Promise.resolve();

/**
 * A context's read model in Nest, one per context module: it runs the context's projections
 * from the store, answers its queries now or as they were at `asOf`, and lets a write wait
 * until its events are in the read model, so a client reading right after a 201 sees its own
 * write. Routes inject `ReadModel<TheirQueries>`; Nest resolves it within the module.
 */
export class ReadModel<Q> implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly name: string;
  readonly dataSource: DataSource;
  /** The live queries. */
  readonly queries: Q;
  private readonly runner: ProjectionRunner;
  private readonly store: EventStore;
  private readonly readAt: ReadAt;
  private readonly queriesOn: (dataSource: DataSource) => Q;
  private readonly logger: Logger;
  private readonly keepUp: TimeTravelKeepUp;
  private keepUpTimer?: NodeJS.Timeout;
  private readonly answers: Answers;
  private readonly notKeeping: () => void;

  constructor(parts: ReadModelParts<Q>) {
    const { definition, dataSource, store, clock } = parts;
    this.name = definition.name;
    this.dataSource = dataSource;
    this.store = store;
    this.queriesOn = parts.queriesOn;
    this.queries = parts.queriesOn(dataSource);
    this.logger = new Logger(`${definition.name}-projection`);
    this.readAt = new ReadAt(store, clock, definition, parts.sources, { dataSource, ...parts.timeTravel });
    this.keepUp = parts.keepUpTimeTravel ?? KEEP_UP_TIME_TRAVEL;
    // Kept only while this instance runs the projections: a standby's read model is written by another process.
    this.answers = new Answers(dataSource, { keeping: () => this.runner.isLeader, now: () => clock.now().getTime() });
    this.notKeeping = processChanges.keepingOnlyWhile(() => this.runner.isLeader);
    this.runner = new ProjectionRunner({
      name: definition.name,
      store,
      dataSource,
      projections: definition.projections,
      onError: (error) =>
        error instanceof CheckpointMoved
          ? this.logger.log(
              'the read model moved on elsewhere (a replay swapped it in, or another instance): continuing from its checkpoint',
            )
          : this.logger.error(`projection interrupted, retrying: ${String(error)}`),
    });
  }

  /** The read side now (`asOf` undefined), or as it was at `asOf`, replayed into a schema of its own. */
  async at(asOf?: string): Promise<View<Q>> {
    const { dataSource, now, today } = await this.readAt.at(asOf);
    if (!dataSource) {
      const remember = <T>(key: string, compute: () => Promise<T>) => this.answers.remember(`${today} ${key}`, compute);
      return { queries: this.queries, dataSource: this.dataSource, now, today, remember };
    }
    return { queries: this.queriesOn(dataSource), dataSource, now, today, remember: (_key, compute) => compute() };
  }

  /** Takes the time-travel snapshots missing up to the store's head (also started by the first `?asOf` look). */
  prepareTimeTravel(): Promise<void> {
    return this.readAt.prepare();
  }

  /** Waits (bounded) for the read model to include `position`; 0 means nothing was written. */
  async caughtUpTo(position: number, timeoutMs = 5000): Promise<boolean> {
    if (position <= 0 || (await this.runner.waitFor(position, timeoutMs))) return true;
    this.logger.warn(`read model is behind position ${position} after ${timeoutMs} ms; answering anyway`);
    return false;
  }

  /** How many of the store's events the read model has yet to apply (readiness). */
  async lag(): Promise<{ position: number; head: number; behind: number }> {
    const [head, position] = await Promise.all([this.store.headPosition(), this.runner.currentPosition()]);
    return { position, head, behind: Math.max(0, head - position) };
  }

  /** Stops applying events until resume(), e.g. while an operator works on its database; readiness then reports it falling behind. */
  pause(): Promise<void> {
    return this.runner.stop();
  }

  resume(): Promise<void> {
    return this.runner.start();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.runner.start();
    if (this.keepUp) this.scheduleKeepUp(this.keepUp.firstAfterMs, this.keepUp.everyMs);
  }

  /**
   * Brings the time-travel snapshots up to date now and then, in the background: a look at a past
   * moment then replays at most a snapshot interval's events, also the first look after a restart or
   * a quiet spell. One preparation at a time; the next is planned once it has ended.
   */
  private scheduleKeepUp(afterMs: number, everyMs: number): void {
    this.keepUpTimer = setTimeout(() => {
      const turn = keepingUp.then(async () => {
        if (!this.keepUpTimer) return; // shut down while another read model took its turn
        const started = performance.now();
        if (await this.readAt.keepUp())
          this.logger.log(`time-travel snapshots brought up to date in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      });
      keepingUp = turn.catch(() => undefined);
      void turn
        .catch((error) => this.logger.warn(`time-travel snapshots not brought up to date: ${String(error)}`))
        .finally(() => this.keepUpTimer && this.scheduleKeepUp(everyMs, everyMs));
    }, afterMs);
    this.keepUpTimer.unref();
  }

  /** Last in the shutdown order: relays and consumers using the DataSource stopped before (at module destroy). */
  async onApplicationShutdown(): Promise<void> {
    clearTimeout(this.keepUpTimer);
    this.keepUpTimer = undefined;
    this.notKeeping();
    await this.runner.stop();
    await this.readAt.close();
    await this.dataSource.destroy();
  }
}
