import type { DataSource } from 'typeorm';
import { amsterdamDate, type Clock, type EventStore } from '@regie/es-core';
import type { MessageSources, ReadModelDefinition } from './rebuild';
import { TimeTravel, type TimeTravelOptions } from './time-travel';

/**
 * `?asOf` for a service's queries: the live DataSource, or one replayed to that moment (with
 * the consumer-fed tables rebuilt through the producers' message mappings), and "today" as it
 * was then. Each service wraps it in an injectable and builds its query class on the answer.
 */
export class ReadAt {
  private readonly travel: TimeTravel;

  constructor(
    store: EventStore,
    private readonly clock: Clock,
    model: ReadModelDefinition,
    sources: MessageSources = {},
    options: TimeTravelOptions = {},
  ) {
    this.travel = new TimeTravel(store, model, sources, options);
  }

  /** Takes the time-travel snapshots missing up to the store's head (see TimeTravel). */
  prepare(): Promise<void> {
    return this.travel.prepare();
  }

  /** `dataSource` is undefined for "now" (read the live model). */
  async at(asOf?: string): Promise<{ dataSource?: DataSource; now: Date; today: string }> {
    const moment = asOf ? new Date(asOf) : undefined;
    const past = moment && this.travel.at(moment, this.clock.now());
    if (!moment || !past) return { now: this.clock.now(), today: this.clock.today() };
    return { dataSource: await past, now: moment, today: amsterdamDate(moment) };
  }

  /** Takes the snapshots missing if the store has moved far enough past the newest (see TimeTravel.keepUp). */
  keepUp(): Promise<boolean> {
    return this.travel.keepUp();
  }

  close(): Promise<void> {
    return this.travel.close();
  }
}
