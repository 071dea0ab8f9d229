import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { EventStore } from '@regie/es-core';
import { ReadModelSync } from '@regie/read-model';
import { CommitmentsProjection } from './commitments.projection';
import { COMMITMENTS_DATA_SOURCE } from './tokens';

/** Runs the commitments projection; writes wait on it to read their own writes. */
@Injectable()
export class CommitmentsReadModelSync extends ReadModelSync {
  constructor(store: EventStore, @Inject(COMMITMENTS_DATA_SOURCE) dataSource: DataSource) {
    super('commitments', store, dataSource, [new CommitmentsProjection()]);
  }
}
