import { MONITORING_TOPIC_V1, MonitoringEventV1 } from '@regie/contracts-monitoring';
import type { IntegrationMessage, RecordedEvent } from '@regie/es-core';
import type { IndicatorEvent } from '../indicator/indicator';
import type { PublicationEvent } from '../projection/publication';

type Data = Record<string, unknown>;

/**
 * The one place where monitoring's domain events become integration events (contract v1): only a
 * published projection version leaves, without its document (that stays monitoring's, served by
 * its routes). `null`: stays inside.
 */
const MAPPINGS: Record<(IndicatorEvent | PublicationEvent)['type'], ((d: Data) => Data) | null> = {
  IndicatorDefined: null,
  IndicatorBaselineSet: null,
  IndicatorTargetSet: null,
  IndicatorRedefined: null,
  IndicatorTargetsChanged: null,
  IndicatorAssessmentNoted: null,
  MeasurementRecorded: null,
  ProjectionPublished: (d) => ({
    type: 'ProjectionPublishedV1',
    quarter: d.quarter,
    version: d.version,
    publishedAt: d.publishedAt,
    ...(d.werkagendaId ? { werkagendaId: d.werkagendaId } : {}),
  }),
};

export function toIntegrationMessage(event: RecordedEvent): IntegrationMessage | undefined {
  const map = MAPPINGS[event.type as keyof typeof MAPPINGS];
  if (!map) return undefined;
  const payload = MonitoringEventV1.parse(map(event.data as Data));
  return {
    topic: MONITORING_TOPIC_V1,
    key: event.streamId,
    eventId: event.id,
    type: payload.type,
    payload,
    position: event.position,
    occurredAt: event.occurredAt.toISOString(),
  };
}
