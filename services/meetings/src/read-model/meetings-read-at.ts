import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Clock, EventStore } from '@regie/es-core';
import { DATABASE_URL, MESSAGE_SOURCES } from '@regie/nest-kit';
import { type MessageSources, ReadAt } from '@regie/read-model';
import { MEETINGS_CONFIG, type MeetingsConfig } from '../shared/config';
import { meetingsReadModel } from './meetings-read-model';
import { MeetingsQueries } from './meetings.queries';

/** The meetings read model now, or as it was at `asOf`; `now` is that moment (agenda composition). */
@Injectable()
export class MeetingsReadAt implements OnApplicationShutdown {
  private readonly readAt: ReadAt;

  constructor(
    private readonly live: MeetingsQueries,
    store: EventStore,
    clock: Clock,
    @Inject(DATABASE_URL) url: string,
    @Inject(MESSAGE_SOURCES) sources: MessageSources,
    @Inject(MEETINGS_CONFIG) private readonly config: MeetingsConfig,
  ) {
    this.readAt = new ReadAt(store, clock, meetingsReadModel(url), sources);
  }

  async queries(asOf?: string): Promise<{ queries: MeetingsQueries; now: Date }> {
    const { dataSource, now } = await this.readAt.at(asOf);
    return { queries: dataSource ? new MeetingsQueries(dataSource, this.config) : this.live, now };
  }

  onApplicationShutdown(): Promise<void> {
    return this.readAt.close();
  }
}
