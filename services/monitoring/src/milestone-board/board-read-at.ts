import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { Clock, EventStore } from '@regie/es-core';
import { DATABASE_URL, MESSAGE_SOURCES } from '@regie/nest-kit';
import { type MessageSources, ReadAt } from '@regie/read-model';
import { FactsQueries } from '../read-model/facts.queries';
import { monitoringReadModel } from '../read-model/monitoring-read-model';
import { MONITORING_DATA_SOURCE } from '../tokens';
import { MilestoneBoardQueries } from './board.queries';

/** Monitoring's read side at one moment: the board, the facts (indicators, toezeggingen, publications), and "now" then. */
export interface MonitoringView {
  queries: MilestoneBoardQueries;
  facts: FactsQueries;
  dataSource: DataSource;
  today: string;
  now: Date;
}

/**
 * Every monitoring read now, or as it was at `asOf`: one time-travel schema per moment (rebuilt
 * from the actions' and commitments' events and monitoring's own indicator and publication
 * events up to then) serves the board, the indicators, the live projection and the publications.
 */
@Injectable()
export class BoardReadAt implements OnApplicationShutdown {
  private readonly readAt: ReadAt;

  constructor(
    private readonly live: MilestoneBoardQueries,
    private readonly liveFacts: FactsQueries,
    @Inject(MONITORING_DATA_SOURCE) private readonly liveDataSource: DataSource,
    store: EventStore,
    clock: Clock,
    @Inject(DATABASE_URL) url: string,
    @Inject(MESSAGE_SOURCES) sources: MessageSources,
  ) {
    this.readAt = new ReadAt(store, clock, monitoringReadModel(url), sources);
  }

  async queries(asOf?: string): Promise<MonitoringView> {
    const { dataSource, today, now } = await this.readAt.at(asOf);
    if (!dataSource) return { queries: this.live, facts: this.liveFacts, dataSource: this.liveDataSource, today, now };
    return { queries: new MilestoneBoardQueries(dataSource), facts: new FactsQueries(dataSource), dataSource, today, now };
  }

  onApplicationShutdown(): Promise<void> {
    return this.readAt.close();
  }
}
