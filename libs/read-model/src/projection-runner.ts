import type { DataSource } from 'typeorm';
import type { EventStore, RecordedEvent, Subscription } from '@regie/es-core';
import { advanceCheckpoint, readCheckpoint } from './checkpoint';
import type { Projection } from './projection';

export interface ProjectionRunnerOptions {
  /** Name of the checkpoint, e.g. 'actions'. One runner per name and schema. */
  name: string;
  store: EventStore;
  dataSource: DataSource;
  projections: Projection[];
  batchSize?: number;
  onError?: (error: unknown) => void;
}

/**
 * Feeds store events to projections, one transaction per batch, and moves the checkpoint in
 * that same transaction: after a crash the read model and its checkpoint agree, so nothing
 * is lost and nothing is applied twice.
 */
export class ProjectionRunner {
  private position = 0;
  private subscription?: Subscription;
  private readonly waiters = new Set<{ position: number; resolve: () => void }>();

  constructor(private readonly options: ProjectionRunnerOptions) {}

  get checkpoint(): number {
    return this.position;
  }

  async start(): Promise<void> {
    this.position = await readCheckpoint(this.options.dataSource, this.options.name);
    this.subscription = this.options.store.subscribeAll(
      { after: this.position, batchSize: this.options.batchSize ?? 500 },
      (batch) => this.applyBatch(batch),
    );
    this.subscription.done.catch((error) => this.options.onError?.(error));
  }

  /** Reads and applies until the store's head, without a live subscription (rebuilds, CLI). */
  async catchUp(onProgress?: (position: number) => void): Promise<number> {
    this.position = await readCheckpoint(this.options.dataSource, this.options.name);
    for (;;) {
      const batch = await this.options.store.readAll({ after: this.position, limit: this.options.batchSize ?? 1000 });
      if (batch.length === 0) return this.position;
      await this.applyBatch(batch);
      onProgress?.(this.position);
    }
  }

  /** Resolves when the read model includes `position` (read-your-writes after a command). */
  waitFor(position: number, timeoutMs = 5000): Promise<boolean> {
    if (this.position >= position) return Promise.resolve(true);
    return new Promise((resolve) => {
      const waiter = { position, resolve: () => resolve(true) };
      this.waiters.add(waiter);
      setTimeout(() => {
        if (this.waiters.delete(waiter)) resolve(false);
      }, timeoutMs).unref();
    });
  }

  async stop(): Promise<void> {
    await this.subscription?.stop();
    this.subscription = undefined;
  }

  private async applyBatch(batch: RecordedEvent[]): Promise<void> {
    const from = this.position;
    const to = batch[batch.length - 1].position;
    await this.options.dataSource.transaction(async (em) => {
      for (const event of batch) {
        for (const projection of this.options.projections) await projection.apply(event, em);
      }
      await advanceCheckpoint(em, this.options.name, from, to);
    });
    this.position = to;
    for (const waiter of this.waiters) {
      if (waiter.position <= to) {
        this.waiters.delete(waiter);
        waiter.resolve();
      }
    }
  }
}
