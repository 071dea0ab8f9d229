import { join } from 'node:path';
import { Client } from 'pg';
// Jest loads global setup without moduleNameMapper, so the alias cannot resolve here.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startEmbeddedPostgres } from '../../embedded-postgres/src';

/**
 * Every integration tier talks to a real PostgreSQL: the server in DATABASE_URL when set
 * (CI uses the machine's), else an embedded one started here for the run.
 * Test files then create their own database from REGIE_TEST_ADMIN_URL (see testDatabase()).
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.REGIE_TEST_ADMIN_URL) return; // a second tier in the same run
  const configured = process.env.DATABASE_URL;
  if (configured) {
    await assertReachable(configured);
    process.env.REGIE_TEST_ADMIN_URL = configured;
    return;
  }
  const pg = await startEmbeddedPostgres({
    dataDir: join(__dirname, '../../../.regie/test-pg'),
    port: Number(process.env.REGIE_TEST_PG_PORT ?? 54331),
    log: (line) => console.log(`[test-pg] ${line}`),
  });
  process.env.REGIE_TEST_ADMIN_URL = pg.url('postgres');
  (globalThis as { __regieTestPg?: typeof pg }).__regieTestPg = pg;
}

async function assertReachable(url: string): Promise<void> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    throw new Error(`DATABASE_URL is set but PostgreSQL does not answer there (${String(error)}). Integration tests need a real server.`);
  } finally {
    await client.end().catch(() => undefined);
  }
}
