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

/**
 * Who opens the database: the `server` owns the embedded PostgreSQL and stops it at the end,
 * also one it adopted (left running by a platform that was killed). A `tool` (a CLI command) is
 * a guest: it stops only a server it started itself, never the one a running platform uses.
 */
export type DatabaseUser = 'server' | 'tool';

/** DATABASE_URL when set; otherwise a real PostgreSQL from `embedded-postgres` in the data dir. */
export async function openDatabase(
  config: PlatformConfig,
  log: (line: string) => void,
  user: DatabaseUser = 'server',
): Promise<PlatformDatabase> {
  if (config.DATABASE_URL) return { url: config.DATABASE_URL, release: async () => undefined };
  const embedded = await startEmbeddedPostgres({ dataDir: join(config.REGIE_DATA_DIR, 'pg'), port: config.REGIE_PG_PORT, log });
  await createDatabaseIfMissing(embedded.url('postgres'), EMBEDDED_DATABASE);
  const release = user === 'tool' && !embedded.startedHere ? async () => undefined : () => embedded.stop();
  return { url: embedded.url(EMBEDDED_DATABASE), embedded, release };
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
