import type { EntityManager } from 'typeorm';
import { amsterdamDate } from '@regie/calendar';
import { MONITORING_TOPIC_V1, MonitoringEventV1 } from '@regie/contracts-monitoring';
import { appliedTypes, type IntegrationMessage } from '@regie/es-core';
import { InboundProjectionRow } from '../read-model/entities';

export { MONITORING_TOPIC_V1 };

/** A published version of the quarterly projection: the regiegroep agenda of its quarter names it. */
export const appliesMonitoringEvent = appliedTypes<MonitoringEventV1>({ ProjectionPublishedV1: true });

export async function applyMonitoringEvent(message: IntegrationMessage, em: EntityManager): Promise<void> {
  if (!appliesMonitoringEvent(message.type)) return;
  const event = MonitoringEventV1.parse(message.payload);
  const known = await em.findOneBy(InboundProjectionRow, { quarter: event.quarter });
  if (known && known.version >= event.version) return; // a later version is already known (or this one, delivered again)
  await em.upsert(
    InboundProjectionRow,
    { quarter: event.quarter, version: event.version, publishedOn: amsterdamDate(new Date(event.publishedAt)) },
    ['quarter'],
  );
}
