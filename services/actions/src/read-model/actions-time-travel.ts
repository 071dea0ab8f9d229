import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { amsterdamDate, Clock, EventStore } from '@regie/es-core';
import { DATABASE_URL } from '@regie/nest-kit';
import { TimeTravel } from '@regie/read-model';
import { actionsReadModel } from './actions-read-model';
import { ActionsQueries } from './actions.queries';

/** The actions read model now, or as it was at `asOf` (and "today" as it was then). */
@Injectable()
export class ActionsReadAt implements OnApplicationShutdown {
  private readonly travel: TimeTravel;

  constructor(
    private readonly live: ActionsQueries,
    private readonly clock: Clock,
    store: EventStore,
    @Inject(DATABASE_URL) url: string,
  ) {
    this.travel = new TimeTravel(store, actionsReadModel(url));
  }

  async at(asOf?: string): Promise<{ queries: ActionsQueries; today: string }> {
    const moment = asOf ? new Date(asOf) : undefined;
    const past = moment && this.travel.at(moment, this.clock.now());
    if (!moment || !past) return { queries: this.live, today: this.clock.today() };
    return { queries: new ActionsQueries(await past), today: amsterdamDate(moment) };
  }

  onApplicationShutdown(): Promise<void> {
    return this.travel.close();
  }
}
