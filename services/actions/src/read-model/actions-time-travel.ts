import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Clock, EventStore } from '@regie/es-core';
import { DATABASE_URL } from '@regie/nest-kit';
import { ReadAt } from '@regie/read-model';
import { actionsReadModel } from './actions-read-model';
import { ActionsQueries } from './actions.queries';

/** The actions read model now, or as it was at `asOf` (and "today" as it was then). */
@Injectable()
export class ActionsReadAt implements OnApplicationShutdown {
  private readonly readAt: ReadAt;

  constructor(
    private readonly live: ActionsQueries,
    clock: Clock,
    store: EventStore,
    @Inject(DATABASE_URL) url: string,
  ) {
    this.readAt = new ReadAt(store, clock, actionsReadModel(url));
  }

  async at(asOf?: string): Promise<{ queries: ActionsQueries; today: string }> {
    const { dataSource, today } = await this.readAt.at(asOf);
    return { queries: dataSource ? new ActionsQueries(dataSource) : this.live, today };
  }

  onApplicationShutdown(): Promise<void> {
    return this.readAt.close();
  }
}
