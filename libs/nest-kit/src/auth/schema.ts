import type { Pool } from 'pg';

/** Two processes creating the schema at once: one wins, the other's "already exists" is harmless. */
export async function createOnce(pool: Pool, ddl: string): Promise<void> {
  await pool.query(ddl).catch((error: { code?: string }) => {
    if (error.code !== '23505' && error.code !== '42P07' && error.code !== '42P06') throw error;
  });
}
