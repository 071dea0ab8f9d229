import { join } from 'node:path';
import { Client } from 'pg';
import { type RunningPostgres, startEmbeddedPostgres } from '@regie/embedded-postgres';
import type { PlatformConfig } from './config';

export interface PlatformDatabase {
  url: string;
  /** Set when the database is the embedded server. */
  embedded?: RunningPostgres;
  release(): Promise<void>;
}

const EMBEDDED_DATABASE = 'regie';

/** DATABASE_URL when set; otherwise a real PostgreSQL from `embedded-postgres` in the data dir. */
export async function openDatabase(config: PlatformConfig, log: (line: string) => void): Promise<PlatformDatabase> {
  if (config.DATABASE_URL) return { url: config.DATABASE_URL, release: async () => undefined };
  const embedded = await startEmbeddedPostgres({ dataDir: join(config.REGIE_DATA_DIR, 'pg'), port: config.REGIE_PG_PORT, log });
  await createDatabaseIfMissing(embedded.url('postgres'), EMBEDDED_DATABASE);
  return { url: embedded.url(EMBEDDED_DATABASE), embedded, release: () => embedded.stop() };
}

async function createDatabaseIfMissing(adminUrl: string, name: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
}
