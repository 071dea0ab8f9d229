import { Client } from 'pg';
import { newId } from '@regie/es-core';

/**
 * A fresh database per test file on the real server of this run, dropped afterwards:
 *   const db = await testDatabase('actions-api'); ... await db.drop();
 */
export async function testDatabase(label: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin = process.env.REGIE_TEST_ADMIN_URL;
  if (!admin) throw new Error('REGIE_TEST_ADMIN_URL is not set: run integration tests through jest (global setup starts PostgreSQL)');
  const name = `regie_t_${label.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${newId().slice(-12).replace(/-/g, '')}`;
  await withAdmin(admin, (c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => withAdmin(admin, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

async function withAdmin<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
