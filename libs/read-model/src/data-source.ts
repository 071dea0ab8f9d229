import { Client, type Pool, type QueryConfig, type QueryResultRow } from 'pg';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { ensureCheckpointTable } from './checkpoint';
import { ensureProcessedMessagesTable } from './idempotent-consumer';
import { DataSource, type DataSourceOptions, type MigrationInterface, type QueryRunner } from 'typeorm';

export interface ReadModelDataSourceOptions {
  url: string;
  schema: string;
  entities: DataSourceOptions['entities'];
  migrations: (new () => MigrationInterface)[];
  poolSize?: number;
}

/**
 * A TypeORM DataSource bound to one schema: entities name no schema, so the same entities
 * and migrations serve the live schema and a rebuild schema. Migrations run on open, and
 * the projection checkpoint table is created there, before any runner starts.
 */
export async function openReadModelDataSource(options: ReadModelDataSourceOptions): Promise<DataSource> {
  // Instances starting together must not migrate the same schema at once: a session lock
  // per schema serialises them; the second finds nothing left to do.
  const client = new Client({ connectionString: options.url });
  await client.connect();
  try {
    await client.query(`SELECT pg_advisory_lock(hashtextextended($1, 0))`, [`migrations:${options.schema}`]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${options.schema}"`);
    return await migrated(options);
  } finally {
    await client.end(); // ends the session, which releases the lock
  }
}

async function migrated(options: ReadModelDataSourceOptions): Promise<DataSource> {
  const ds = new DataSource({
    type: 'postgres',
    url: options.url,
    schema: options.schema,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'migrations',
    synchronize: false,
    extra: { max: options.poolSize ?? 10 },
  });
  await ds.initialize();
  await ds.runMigrations({ transaction: 'all' });
  await ensureCheckpointTable(ds);
  await ensureProcessedMessagesTable(ds);
  return ds;
}

/** The schema a migration runs in: migrations interpolate it rather than hard-code one. */
export const schemaOf = (runner: QueryRunner): string => `"${(runner.connection.options as { schema?: string }).schema}"`;

/**
 * A named (prepared) statement on a read model's DataSource: PostgreSQL plans it once per
 * connection, which pays where planning costs more than running (the agenda draft's query).
 * TypeORM's `query()` cannot name a statement; its PostgreSQL driver's pg pool can.
 */
export async function queryPrepared<Row extends QueryResultRow>(dataSource: DataSource, statement: QueryConfig): Promise<Row[]> {
  const pool = (dataSource.driver as PostgresDriver).master as Pool;
  return (await pool.query<Row>(statement)).rows;
}
