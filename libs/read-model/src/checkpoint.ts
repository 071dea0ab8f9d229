import type { DataSource, EntityManager } from 'typeorm';

/** The checkpoint lives in the read model's own schema, so a rebuilt schema carries its own. */
const TABLE = 'projection_checkpoints';

const table = (ds: DataSource | EntityManager) => {
  const options = 'connection' in ds ? ds.connection.options : ds.options;
  return `"${(options as { schema?: string }).schema}"."${TABLE}"`;
};

export async function ensureCheckpointTable(ds: DataSource): Promise<void> {
  await ds.query(`CREATE TABLE IF NOT EXISTS ${table(ds)} (name text PRIMARY KEY, position bigint NOT NULL)`);
}

export async function readCheckpoint(ds: DataSource, name: string): Promise<number> {
  const rows = await ds.query(`SELECT position FROM ${table(ds)} WHERE name = $1`, [name]);
  return rows.length ? Number(rows[0].position) : 0;
}

/**
 * Moves the checkpoint from `from` to `to` inside the read-model transaction. If another
 * runner moved it in the meantime the update matches nothing and the whole batch rolls back:
 * a second instance can never apply the same events twice.
 */
export async function advanceCheckpoint(em: EntityManager, name: string, from: number, to: number): Promise<void> {
  const result = await em.query(
    `INSERT INTO ${table(em)} (name, position) VALUES ($1, $3)
     ON CONFLICT (name) DO UPDATE SET position = $3 WHERE ${table(em)}.position = $2
     RETURNING position`,
    [name, from, to],
  );
  if (result.length === 0) throw new CheckpointMoved(name, from);
}

export class CheckpointMoved extends Error {
  constructor(name: string, from: number) {
    super(`checkpoint ${name} is no longer at ${from}: another runner applied these events`);
  }
}
