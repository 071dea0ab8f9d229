import type { Pool } from 'pg';
import type { RecordedEvent } from '@regie/es-core';
import { toRecorded } from './rows';

export interface AuditQuery {
  stream?: string;
  /** An action by its code: its own stream and every event whose data names it (its milestones, knelpunten). */
  action?: string;
  /** Words in the event's data (titles, reasons, descriptions), case-insensitive. */
  text?: string;
  type?: string;
  /** The actor's user id. */
  actor?: string;
  /**
   * A person: what they did (as any of `actors`, the accounts acting for them) and what is recorded
   * about them (their own `stream`, and events whose data names them as `personId`).
   */
  person?: { id: string; stream: string; actors: readonly string[] };
  from?: Date;
  to?: Date;
  /** Exclusive global position to page from (oldest first). */
  after?: number;
  /** `desc`: newest first, paged with `before`. */
  order?: 'asc' | 'desc';
  /** Exclusive global position to page back from (newest first). */
  before?: number;
  limit: number;
}

export type AuditedEvent = RecordedEvent & { hash: string | null };

/** The full history for auditors, filtered in SQL and paged by global position. */
export async function queryAuditLog(pool: Pool, schema: string, query: AuditQuery): Promise<AuditedEvent[]> {
  const where: string[] = ['position > $1'];
  const params: unknown[] = [query.after ?? 0];
  const desc = query.order === 'desc';
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (query.stream) add('stream_id = ?', query.stream);
  if (query.action) {
    add(`(stream_id = ? OR data->>'actionCode' = $${params.length + 2})`, `action-${query.action}`);
    params.push(query.action);
  }
  if (query.text) add(`data::text ILIKE ? ESCAPE '\\'`, `%${query.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  if (desc && query.before !== undefined) add('position < ?', query.before);
  if (query.type) add('type = ?', query.type);
  if (query.actor) add(`metadata->'actor'->>'userId' = ?`, query.actor);
  if (query.person) {
    const { id, stream, actors } = query.person;
    const n = params.length;
    params.push([...actors], stream, id);
    where.push(`(metadata->'actor'->>'userId' = ANY($${n + 1}::text[]) OR stream_id = $${n + 2} OR data->>'personId' = $${n + 3})`);
  }
  if (query.from) add('recorded_at >= ?', query.from);
  if (query.to) add('recorded_at < ?', query.to);
  params.push(query.limit);
  const { rows } = await pool.query(
    `SELECT * FROM "${schema}".events WHERE ${where.join(' AND ')} ORDER BY position ${desc ? 'DESC' : ''} LIMIT $${params.length}`,
    params,
  );
  return rows.map((row) => ({ ...toRecorded(row), hash: row.hash }));
}
