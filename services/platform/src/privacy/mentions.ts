import type { Pool } from 'pg';

export interface PlainMentions {
  /** Stored events whose data holds the name as plain text (recorded before sealing, or in free text). */
  events: { position: number; streamId: string; type: string }[];
  /** Read-model tables with rows that hold the name as plain text. */
  tables: { table: string; rows: number }[];
}

const like = (name: string) => `%${name.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Where a name still occurs as plain text, which erasure of its key cannot reach: events stored
 * before personal data was sealed (history is never rewritten) and free-text fields (summaries,
 * reasons, titles) that someone typed it into. Reported to the auditor with every erasure.
 */
export async function plainMentions(
  pool: Pool,
  name: string,
  eventSchema: string | undefined,
  readModelSchemas: string[],
): Promise<PlainMentions> {
  const pattern = like(name.replace(/\s+/g, ' ').trim());
  const events = eventSchema
    ? (
        await pool.query(
          `SELECT position, stream_id, type FROM "${eventSchema}".events WHERE data::text ILIKE $1 OR metadata::text ILIKE $1 ORDER BY position LIMIT 100`,
          [pattern],
        )
      ).rows.map((r) => ({ position: Number(r.position), streamId: r.stream_id, type: r.type }))
    : [];
  const { rows: tables } = await pool.query(
    `SELECT table_schema, table_name FROM information_schema.tables
     WHERE table_schema = ANY($1) AND table_type = 'BASE TABLE' AND table_name NOT IN ('migrations', 'projection_checkpoints', 'processed_messages')
     ORDER BY table_schema, table_name`,
    [readModelSchemas],
  );
  const found: PlainMentions['tables'] = [];
  for (const t of tables) {
    const [row] = (
      await pool.query(`SELECT count(*)::int AS n FROM "${t.table_schema}"."${t.table_name}" t WHERE t::text ILIKE $1`, [pattern])
    ).rows;
    if (row.n > 0) found.push({ table: `${t.table_schema}.${t.table_name}`, rows: row.n });
  }
  return { events, tables: found };
}
