import type { RecordedEvent } from '@regie/es-core';

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
