import { createHash } from 'node:crypto';
import type { RecordedEvent } from '@regie/es-core';

/**
 * Tamper evidence: every event's hash covers its content, its metadata, its place (position,
 * stream, revision), its times and the previous event's hash, in global order. Altering,
 * deleting or reordering a stored row breaks the chain from that row on.
 *
 * The input is canonical JSON (object keys sorted at every depth), because PostgreSQL's jsonb
 * does not keep key order: the same event read back must hash the same.
 */
export const GENESIS = '';

export function chainHash(previous: string, event: Omit<RecordedEvent, 'recordedAt'> & { recordedAt: Date }): string {
  const content = canonicalJson({
    position: event.position,
    id: event.id,
    streamId: event.streamId,
    revision: event.revision,
    type: event.type,
    schemaVersion: event.schemaVersion,
    data: event.data,
    metadata: event.metadata,
    occurredAt: event.occurredAt.toISOString(),
    recordedAt: event.recordedAt.toISOString(),
  });
  return createHash('sha256').update(previous).update('\n').update(content).digest('hex');
}

export function canonicalJson(value: unknown): string {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return canonicalJson((value as { toJSON: () => unknown }).toJSON()); // e.g. a Date: stored as its JSON string
  }
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}
