import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Clock, EventStore } from '@regie/es-core';
import { DATABASE_URL, MESSAGE_SOURCES } from '@regie/nest-kit';
import { type MessageSources, ReadAt } from '@regie/read-model';
import { commitmentsReadModel } from './commitments-read-model';
import { CommitmentsQueries } from './commitments.queries';

/** The commitments read model now, or as it was at `asOf`. */
@Injectable()
export class CommitmentsReadAt implements OnApplicationShutdown {
  private readonly readAt: ReadAt;

  constructor(
    private readonly live: CommitmentsQueries,
    store: EventStore,
    clock: Clock,
    @Inject(DATABASE_URL) url: string,
    @Inject(MESSAGE_SOURCES) sources: MessageSources,
  ) {
    this.readAt = new ReadAt(store, clock, commitmentsReadModel(url), sources);
  }

  async queries(asOf?: string): Promise<CommitmentsQueries> {
    const { dataSource } = await this.readAt.at(asOf);
    return dataSource ? new CommitmentsQueries(dataSource) : this.live;
  }

  onApplicationShutdown(): Promise<void> {
    return this.readAt.close();
  }
}
