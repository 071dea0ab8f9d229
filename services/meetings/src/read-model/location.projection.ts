import type { EntityManager } from 'typeorm';
import { appliedTypes, type RecordedEvent } from '@regie/es-core';
import type { Projection } from '@regie/read-model';
import type { LocationEvent } from '../location/location';
import { LocationRow } from './entities';

const handlesType = appliedTypes<LocationEvent>({ LocationSet: true });

/** The location of each series and meeting that has one (table `location`). */
export class LocationProjection implements Projection {
  readonly name = 'meetings-location';

  handles(event: RecordedEvent): boolean {
    return handlesType(event.type);
  }

  async apply(recorded: RecordedEvent, em: EntityManager): Promise<void> {
    if (!handlesType(recorded.type)) return;
    const { target, targetId, location } = (recorded as unknown as LocationEvent).data;
    if (location === null) await em.delete(LocationRow, { target, targetId });
    else await em.upsert(LocationRow, { target, targetId, location }, ['target', 'targetId']);
  }
}
