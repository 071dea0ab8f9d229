import { Client } from 'pg';
import type { DataSource } from 'typeorm';

/**
 * Which time-travel schemas are in use. A process holds, on a connection of its own per database, a
 * session advisory lock named after its instance id for as long as any of its TimeTravels is open,
 * and takes it before it makes a schema (a look, a spare, a snapshot's scratch work), whose name
 * carries the id. A process that ended without dropping its schemas (a crash, a kill, out of
 * memory) holds no lock any more: its schemas are leftovers, which the next preparation anywhere
 * drops (TimeTravel.prepare). Should the claim's connection be lost while the process runs, its
 * schemas may be taken for leftovers: a look on one then fails and the next look builds anew.
 */
const claims = new Map<string, { client: Promise<Client>; users: number }>();

const lockName = (instance: string) => `time-travel:${instance}`;

/** The database URL a DataSource was opened with (a claim is per database). */
export const urlOf = (dataSource: DataSource): string | undefined => (dataSource.options as { url?: string }).url;

/** Holds the claim of `instance` (this process) on the database at `url` until every user has called the release it answers. */
export async function claimInstance(url: string, instance: string): Promise<() => Promise<void>> {
  const key = `${instance} ${url}`;
  let entry = claims.get(key);
  if (!entry) {
    const client = new Client({ connectionString: url });
    client.on('error', () => undefined); // a lost connection is a lost claim (see above), not a crash of the process
    const connected = client
      .connect()
      .then(() => client.query(`SELECT pg_advisory_lock(hashtextextended($1, 0))`, [lockName(instance)]))
      .then(() => client);
    const made = { client: connected, users: 0 };
    connected.catch(() => claims.get(key) === made && claims.delete(key));
    claims.set(key, (entry = made));
  }
  const claim = entry;
  claim.users++;
  try {
    await claim.client;
  } catch (error) {
    claim.users--;
    throw error;
  }
  let released = false;
  return async () => {
    if (released) return;
    released = true;
    if (--claim.users > 0) return;
    if (claims.get(key) === claim) claims.delete(key);
    await (await claim.client.catch(() => undefined))?.end().catch(() => undefined);
  };
}

/** Whether process `instance` still holds its claim on the database of `dataSource`: if not, its schemas are leftovers. */
export async function instanceRunning(dataSource: DataSource, instance: string): Promise<boolean> {
  const runner = dataSource.createQueryRunner();
  try {
    const [row] = await runner.query(`SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS free`, [lockName(instance)]);
    if (row.free) await runner.query(`SELECT pg_advisory_unlock(hashtextextended($1, 0))`, [lockName(instance)]);
    return !row.free;
  } finally {
    await runner.release();
  }
}
