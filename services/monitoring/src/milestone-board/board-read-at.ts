import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Clock, EventStore } from '@regie/es-core';
import { DATABASE_URL, MESSAGE_SOURCES } from '@regie/nest-kit';
import { type MessageSources, ReadAt } from '@regie/read-model';
import { monitoringReadModel } from '../read-model/monitoring-read-model';
import { MilestoneBoardQueries } from './board.queries';

/** The mijlpalen board now, or as it was at `asOf` (rebuilt from the actions' events up to then). */
@Injectable()
export class BoardReadAt implements OnApplicationShutdown {
  private readonly readAt: ReadAt;

  constructor(
    private readonly live: MilestoneBoardQueries,
    store: EventStore,
    clock: Clock,
    @Inject(DATABASE_URL) url: string,
    @Inject(MESSAGE_SOURCES) sources: MessageSources,
  ) {
    this.readAt = new ReadAt(store, clock, monitoringReadModel(url), sources);
  }

  async queries(asOf?: string): Promise<{ queries: MilestoneBoardQueries; today: string }> {
    const { dataSource, today } = await this.readAt.at(asOf);
    return { queries: dataSource ? new MilestoneBoardQueries(dataSource) : this.live, today };
  }

  onApplicationShutdown(): Promise<void> {
    return this.readAt.close();
  }
}
