import { execSync } from 'node:child_process';
import { basename, join } from 'node:path';
import { Client } from 'pg';
import { type RunningPostgres, startEmbeddedPostgres } from '@regie/embedded-postgres';

export const ROOT = join(__dirname, '../..');

/** The PostgreSQL server of this run: DATABASE_URL's, or an embedded one in .regie/bench-pg. */
export interface BenchServer {
  adminUrl: string;
  describe: string;
  embedded?: RunningPostgres;
  stop(): Promise<void>;
}

export async function startServer(log: (line: string) => void): Promise<BenchServer> {
  const configured = process.env.DATABASE_URL;
  if (configured) {
    await withClient(configured, (c) => c.query('SELECT 1'));
    return { adminUrl: configured, describe: `DATABASE_URL (${new URL(configured).host})`, stop: async () => undefined };
  }
  const embedded = await startEmbeddedPostgres({
    dataDir: join(ROOT, '.regie/bench-pg'),
    port: Number(process.env.REGIE_BENCH_PG_PORT ?? 54341),
    log,
  });
  return {
    adminUrl: embedded.url('postgres'),
    describe: `embedded PostgreSQL, ${embedded.dataDir} (port ${embedded.port})`,
    embedded,
    stop: () => embedded.stop(),
  };
}

export async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  client.on('error', () => undefined); // reported by the query that fails, if any
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The URL of database `name` on the server of `adminUrl`. */
export const databaseUrl = (adminUrl: string, name: string): string => {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
};

/** A fresh database for one phase; the returned drop() is safe to call twice. */
export async function freshDatabase(server: BenchServer, name: string): Promise<{ url: string; drop: () => Promise<void> }> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`unsafe database name ${name}`);
  await withClient(server.adminUrl, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${name}`);
  });
  return {
    url: databaseUrl(server.adminUrl, name),
    drop: () => withClient(server.adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

/** Version and the settings that decide write speed, for the JSON file and the report. */
export async function serverSettings(url: string): Promise<Record<string, string>> {
  return withClient(url, async (c) => {
    const { rows } = await c.query(
      `SELECT name, setting, unit FROM pg_settings
       WHERE name IN ('server_version', 'shared_buffers', 'fsync', 'synchronous_commit', 'wal_sync_method', 'max_connections', 'work_mem')`,
    );
    return Object.fromEntries(rows.map((r) => [r.name, r.unit ? `${r.setting} ${r.unit}` : r.setting]));
  });
}

/** The commit the bench ran on, and whether the work tree had changes (it may be edited while the bench runs). */
export function gitState(dir: string): string {
  try {
    const commit = execSync('git rev-parse --short HEAD', { cwd: dir, encoding: 'utf8' }).trim();
    return execSync('git status --porcelain -- libs services contracts', { cwd: dir, encoding: 'utf8' }).trim()
      ? `${commit} + uncommitted changes`
      : commit;
  } catch {
    return `unknown (${basename(dir)})`; // e.g. an exported commit /tmp/regie-<commit>
  }
}

/**
 * `VACUUM (ANALYZE)` of the whole database, timed: after a bulk load, as an operator runs it. A
 * history loaded in one go is otherwise vacuumed by autovacuum a minute or more later, all of it at
 * once (its inserts count towards `autovacuum_vacuum_insert_threshold`): in the middle of whatever
 * is measured then.
 */
export async function vacuumAnalyze(url: string): Promise<number> {
  const started = performance.now();
  await withClient(url, (c) => c.query('VACUUM (ANALYZE)'));
  return (performance.now() - started) / 1000;
}

/** Samples, once a second until stopped, which tables of this database autovacuum is working on. */
export function watchAutovacuum(url: string): { stop(): Promise<{ seconds: number; tables: string[] }> } {
  const tables = new Set<string>();
  let seconds = 0;
  let stopped = false;
  const sampling = withClient(url, async (c) => {
    while (!stopped) {
      const { rows } = await c.query<{ name: string }>(
        `SELECT p.relid::regclass::text AS name FROM pg_stat_progress_vacuum p
         JOIN pg_stat_activity a USING (pid) WHERE a.backend_type = 'autovacuum worker' AND p.datname = current_database()`,
      );
      if (rows.length > 0) seconds++;
      for (const r of rows) tables.add(r.name);
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  });
  return {
    async stop() {
      stopped = true; // a second stop finds the loop ended and answers the same
      await sampling;
      return { seconds, tables: [...tables] };
    },
  };
}
