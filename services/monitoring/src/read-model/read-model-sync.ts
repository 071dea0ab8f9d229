import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { EventStore } from '@regie/es-core';
import { ReadModelSync } from '@regie/read-model';
import { MONITORING_DATA_SOURCE } from '../tokens';
import { MonitoringProjection } from './monitoring.projection';

/**
 * Runs the projection of monitoring's own events (indicators, published projections); writes wait
 * on it to read their own writes. Closes the DataSource last, after the consumers stopped.
 */
@Injectable()
export class MonitoringReadModelSync extends ReadModelSync {
  constructor(store: EventStore, @Inject(MONITORING_DATA_SOURCE) dataSource: DataSource) {
    super('monitoring', store, dataSource, [new MonitoringProjection()]);
  }
}
