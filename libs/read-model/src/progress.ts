import type { Pool } from 'pg';

/** How far a read model has come, as `regie status` shows it. */
export interface ReadModelProgress {
  /** Its projections of its own context's events: the checkpoint (global position) of each. */
  projections: { name: string; position: number }[];
  /** Its consumers of other contexts' messages: how far each has come (its newest message, or the store position it has read up to). */
  consumers: { name: string; position: number }[];
}

/**
 * Reads the bookkeeping tables (`projection_checkpoints`, `processed_messages`) of the read model in
 * `schema`, by name order. A read model that has not run yet here has no such tables: it has come nowhere.
 */
export async function readModelProgress(pool: Pool, schema: string): Promise<ReadModelProgress> {
  const s = `"${schema.replace(/"/g, '""')}"`;
  const { rows } = await pool.query<{ checkpoints: string | null; processed: string | null; read: string | null }>(
    `SELECT to_regclass($1)::text AS checkpoints, to_regclass($2)::text AS processed, to_regclass($3)::text AS read`,
    [`${s}.projection_checkpoints`, `${s}.processed_messages`, `${s}.consumer_positions`],
  );
  const positions = async (sql: string) =>
    (await pool.query<{ name: string; position: string }>(sql)).rows.map((r) => ({ name: r.name, position: Number(r.position) }));
  return {
    projections: rows[0].checkpoints ? await positions(`SELECT name, position FROM ${s}.projection_checkpoints ORDER BY name`) : [],
    consumers: rows[0].processed
      ? await positions(
          `SELECT consumer AS name, max(position) AS position FROM (
             SELECT consumer, position FROM ${s}.processed_messages
             ${rows[0].read ? `UNION ALL SELECT consumer, position FROM ${s}.consumer_positions` : ''}) c
           GROUP BY consumer ORDER BY consumer`,
        )
      : [],
  };
}
