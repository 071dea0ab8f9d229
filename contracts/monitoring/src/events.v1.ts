import { z } from 'zod';

/**
 * Integration events of the monitoring context, version 1. A V1 is never edited: a breaking
 * change adds a V2 beside it.
 */
export const MONITORING_TOPIC_V1 = 'regie.monitoring.v1';

/**
 * A version of the quarterly projection was published (frozen) for the regiegroep. The document
 * itself stays in monitoring (`GET /api/v1/monitoring/projections/{quarter}/versions/{version}`):
 * the message says which version exists, and since when.
 */
export const ProjectionPublishedV1 = z.object({
  type: z.literal('ProjectionPublishedV1'),
  quarter: z.string().regex(/^\d{4}-Q[1-4]$/, 'verwacht een kwartaal als 2026-Q4'),
  version: z.number().int().positive(),
  publishedAt: z.iso.datetime({ offset: true }),
  /** The werkagenda whose projection it is; absent: the first werkagenda (betekenisvol-leven-2025-2028). Optional, so V1 stays compatible. */
  werkagendaId: z.string().optional(),
});
export type ProjectionPublishedV1 = z.infer<typeof ProjectionPublishedV1>;

export const MonitoringEventV1 = z.discriminatedUnion('type', [ProjectionPublishedV1]);
export type MonitoringEventV1 = z.infer<typeof MonitoringEventV1>;
