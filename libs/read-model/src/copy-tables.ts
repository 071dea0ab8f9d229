import type { DataSource, EntityManager } from 'typeorm';

/** Tables that are bookkeeping of the schema itself, not read-model content. */
export const NOT_COPIED = new Set(['migrations', 'typeorm_metadata', 'time_travel_snapshot']);

/** Copies every read-model table of `from` into the same tables of `to` (same migrations, so the same columns). */
export async function copyTables(ds: DataSource, from: string, to: string): Promise<void> {
  const columns: { table_name: string; column_name: string }[] = await ds.query(
    `SELECT c.table_name, c.column_name FROM information_schema.columns c
     JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
     WHERE c.table_schema = $1 AND c.is_generated = 'NEVER'
     ORDER BY c.table_name, c.ordinal_position`,
    [from],
  );
  const tables = new Map<string, string[]>();
  for (const { table_name, column_name } of columns) {
    if (NOT_COPIED.has(table_name)) continue;
    tables.set(table_name, [...(tables.get(table_name) ?? []), `"${column_name}"`]);
  }
  // Tables at once, each on a connection of its own; should one fail, none keeps rows (the look then replays from the start).
  const copied = await Promise.allSettled(
    [...tables].map(([table, cols]) =>
      ds.transaction(async (em) => {
        await em.query('SET LOCAL synchronous_commit = off');
        // Rows first, indexes after: one sorted build per index instead of an insert into each per row (half the time).
        const indexes = await indexesOf(em, to, table);
        for (const index of indexes) await em.query(index.drop);
        await em.query(`TRUNCATE "${to}"."${table}"`);
        await em.query(`INSERT INTO "${to}"."${table}" (${cols.join(', ')}) SELECT ${cols.join(', ')} FROM "${from}"."${table}"`);
        for (const index of indexes) await em.query(index.create);
      }),
    ),
  );
  const failed = copied.find((c): c is PromiseRejectedResult => c.status === 'rejected');
  if (failed) {
    for (const table of tables.keys()) await ds.query(`DELETE FROM "${to}"."${table}"`).catch(() => undefined);
    throw failed.reason;
  }
}

/** Empties every read-model table of `schema` (a look schema about to replay from the start). */
export async function emptyTables(ds: DataSource, schema: string): Promise<void> {
  const tables: { relname: string }[] = await ds.query(
    `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind = 'r'`,
    [schema],
  );
  const emptied = tables.filter(({ relname }) => !NOT_COPIED.has(relname)).map(({ relname }) => `"${schema}"."${relname}"`);
  if (emptied.length > 0) await ds.query(`TRUNCATE ${emptied.join(', ')}`);
}

/**
 * The indexes of a table, each as the statements that drop and re-create it (a primary key or
 * unique constraint as that constraint). None when another table's foreign key depends on one.
 */
async function indexesOf(em: EntityManager, schema: string, table: string): Promise<{ drop: string; create: string }[]> {
  const rows: { name: string; constraint: string | null; index: string; referenced: boolean }[] = await em.query(
    `SELECT i.relname AS name, pg_get_constraintdef(con.oid) AS constraint, pg_get_indexdef(i.oid) AS index,
            EXISTS (SELECT 1 FROM pg_constraint f WHERE f.contype = 'f' AND f.confrelid = t.oid) AS referenced
     FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
     JOIN pg_namespace n ON n.oid = t.relnamespace LEFT JOIN pg_constraint con ON con.conindid = i.oid AND con.conrelid = t.oid
     WHERE n.nspname = $1 AND t.relname = $2`,
    [schema, table],
  );
  if (rows.some((r) => r.referenced)) return [];
  const qualified = `"${schema}"."${table}"`;
  return rows.map(({ name, constraint, index }) =>
    constraint
      ? {
          drop: `ALTER TABLE ${qualified} DROP CONSTRAINT "${name}"`,
          create: `ALTER TABLE ${qualified} ADD CONSTRAINT "${name}" ${constraint}`,
        }
      : { drop: `DROP INDEX "${schema}"."${name}"`, create: index },
  );
}

/**
 * Makes every table of a look's schema unlogged: a look is thrown away after use (and after a crash
 * PostgreSQL empties unlogged tables, which a fresh process never reads), so its copies and replays
 * need not be written to the WAL. Done while the tables are empty, where it costs nothing.
 */
export async function unlogged(ds: DataSource, schema: string): Promise<void> {
  const tables: { relname: string }[] = await ds.query(
    `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = $1 AND c.relkind = 'r' AND c.relpersistence = 'p'`,
    [schema],
  );
  for (const { relname } of tables) await ds.query(`ALTER TABLE "${schema}"."${relname}" SET UNLOGGED`);
}
