import type { Pool } from 'pg';
import type { PostgresEventStore } from '@regie/es-postgres';
import { BOOKKEEPING_TABLES } from '@regie/read-model';

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
  eventStore: Pick<PostgresEventStore, 'eventsContaining'> | undefined,
  readModelSchemas: string[],
): Promise<PlainMentions> {
  const clean = name.replace(/\s+/g, ' ').trim();
  const pattern = like(clean);
  const events = eventStore ? await eventStore.eventsContaining(clean) : [];
  const { rows: tables } = await pool.query(
    `SELECT table_schema, table_name FROM information_schema.tables
     WHERE table_schema = ANY($1) AND table_type = 'BASE TABLE' AND NOT (table_name = ANY ($2))
     ORDER BY table_schema, table_name`,
    [readModelSchemas, BOOKKEEPING_TABLES],
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
