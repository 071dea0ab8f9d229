import type { RecordedEvent } from '@regie/es-core';

/** The columns toRecorded reads: what a paged read selects (not the chain hash, which readers of events never use). */
export const RECORDED_COLUMNS = 'position, event_id, stream_id, revision, type, schema_version, data, metadata, occurred_at, recorded_at';

/** A row of the events table as a RecordedEvent. */
export const toRecorded = (row: Record<string, any>): RecordedEvent => ({
  id: row.event_id,
  streamId: row.stream_id,
  revision: Number(row.revision),
  position: Number(row.position),
  type: row.type,
  schemaVersion: row.schema_version,
  data: row.data,
  metadata: row.metadata,
  occurredAt: row.occurred_at,
  recordedAt: row.recorded_at,
});
