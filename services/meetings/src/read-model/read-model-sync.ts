import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { EventStore } from '@regie/es-core';
import { ReadModelSync } from '@regie/read-model';
import { MeetingsProjection } from './meetings.projection';
import { MEETINGS_DATA_SOURCE } from './tokens';

/** Runs the meetings projection; writes wait on it to read their own writes. */
@Injectable()
export class MeetingsReadModelSync extends ReadModelSync {
  constructor(store: EventStore, @Inject(MEETINGS_DATA_SOURCE) dataSource: DataSource) {
    super('meetings', store, dataSource, [new MeetingsProjection()]);
  }
}
