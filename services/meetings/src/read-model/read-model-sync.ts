import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { EventStore } from '@regie/es-core';
import { ProjectionRunner } from '@regie/read-model';
import { MeetingsProjection } from './meetings.projection';
import { MEETINGS_DATA_SOURCE } from './tokens';

/**
 * Runs the meetings projection and lets a write wait until its events are in the read model,
 * so that a client reading right after a 201 sees its own write.
 */
@Injectable()
export class MeetingsReadModelSync implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('meetings-projection');
  readonly runner: ProjectionRunner;

  constructor(store: EventStore, @Inject(MEETINGS_DATA_SOURCE) private readonly ds: DataSource) {
    this.runner = new ProjectionRunner({
      name: 'meetings',
      store,
      dataSource: ds,
      projections: [new MeetingsProjection()],
      onError: (error) => this.logger.error(`projection interrupted, retrying: ${String(error)}`),
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.runner.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.runner.stop();
    await this.ds.destroy();
  }

  /** Waits (bounded) for the read model to include `position`; 0 means nothing was written. */
  async caughtUpTo(position: number): Promise<void> {
    if (position > 0 && !(await this.runner.waitFor(position, 5000))) {
      this.logger.warn(`read model is behind position ${position} after 5 s; answering anyway`);
    }
  }
}
