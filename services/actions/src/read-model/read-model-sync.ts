import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { EventStore } from '@regie/es-core';
import { ReadModelSync } from '@regie/read-model';
import { ActionsProjection } from './actions.projection';
import { ACTIONS_DATA_SOURCE } from './tokens';

/** Runs the actions projection; writes wait on it to read their own writes. */
@Injectable()
export class ActionsReadModelSync extends ReadModelSync {
  constructor(store: EventStore, @Inject(ACTIONS_DATA_SOURCE) dataSource: DataSource) {
    super('actions', store, dataSource, [new ActionsProjection()]);
  }
}
