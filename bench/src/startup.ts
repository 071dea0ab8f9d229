import { freePort } from '@regie/test-kit';
import { type ChildProcess, spawn } from 'node:child_process';
import { BENCH_PASSWORD } from './http-latency';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '@regie/embedded-postgres';
import { ROOT } from './db';

/**
 * Part 5: start-up, from spawning `node -r @swc-node/register services/platform/src/main.ts`
 * (what `npm start` runs) to the first 200 from /health, polled every 25 ms. Baselines: the same
 * node + @swc-node/register answering HTTP with nothing else (the floor of any process), plus
 * for a fresh data dir an embedded PostgreSQL initialised and started on its own.
 */
export interface PlatformChild {
  url: string;
  pid: number;
  startSeconds: number;
  output(): string;
  /** How the process ended ("exit code 1", "signal SIGKILL"), or undefined while it runs. */
  ended(): string | undefined;
  stop(): Promise<void>;
}

export { freePort };

/**
 * Where the platform is started from: this work tree, or BENCH_PLATFORM_DIR, e.g. an export of one
 * commit (`git archive HEAD | tar -x -C /tmp/regie-head` plus a node_modules symlink) when the
 * work tree is being edited while the bench runs.
 */
export const PLATFORM_DIR = process.env.BENCH_PLATFORM_DIR || ROOT;

async function spawnUntilHealthy(args: string[], env: Record<string, string>, timeoutMs: number, cwd = ROOT): Promise<PlatformChild> {
  const port = String(await freePort());
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd,
    env: { ...process.env, REGIE_LOG_LEVEL: 'log', ...env, PORT: port }, // the log is kept for a failure report
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  // The last lines, for a failure report: a platform under load writes a line per request.
  const keep = (chunk: unknown) => (output = (output + String(chunk)).slice(-65_536));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`process exited with ${child.exitCode} before it was healthy:\n${output.split('\n').slice(-40).join('\n')}`);
    if (
      await fetch(`${url}/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    if (performance.now() - started > timeoutMs) {
      child.kill('SIGKILL');
      throw new Error(`not healthy within ${timeoutMs} ms:\n${output.split('\n').slice(-40).join('\n')}`);
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  const startSeconds = (performance.now() - started) / 1000;
  return {
    url,
    pid: child.pid!,
    startSeconds,
    output: () => output,
    ended: () =>
      child.exitCode !== null ? `exit code ${child.exitCode}` : child.signalCode !== null ? `signal ${child.signalCode}` : undefined,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(killer);
    },
  };
}

/** The node options `npm start` gives the platform (its heap limit), as package.json's start script says them. */
export function startFlags(dir = PLATFORM_DIR): string[] {
  const start = (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.start;
  const words = start.trim().split(/\s+/);
  const flags: string[] = [];
  for (const word of words.slice(words.indexOf('node') + 1)) {
    if (!word.startsWith('--')) break;
    flags.push(word);
  }
  return flags;
}

/** The platform as `npm start` runs it (its node options too), with the given environment (DATABASE_URL, REGIE_DATA_DIR…). */
/** How long a platform may take to become healthy (BENCH_START_TIMEOUT_S; a loaded machine compiles the sources slowly). */
const START_TIMEOUT_MS = Number(process.env.BENCH_START_TIMEOUT_S ?? 180) * 1000;
export const spawnPlatform = (env: Record<string, string>, timeoutMs = START_TIMEOUT_MS): Promise<PlatformChild> =>
  spawnUntilHealthy(
    [...startFlags(), '-r', '@swc-node/register', 'services/platform/src/main.ts'],
    // JSON log lines, as production writes them (pino-pretty's lines for a person at a terminal cost
    // more to format than a small read does: docs/performance.md, part 10). No time-travel snapshots
    // taken in the background: on a store loaded a minute ago that one-time work (part 9 measures it)
    // would land in the middle of the request figures.
    { REGIE_SEED: 'true', REGIE_LOCAL_PASSWORD: BENCH_PASSWORD, REGIE_LOG_FORMAT: 'json', REGIE_TIME_TRAVEL_KEEP_UP_MINUTES: '0', ...env },
    timeoutMs,
    PLATFORM_DIR,
  );

/** The floor: node + @swc-node/register serving /health and nothing else. */
export const spawnFloor = (): Promise<PlatformChild> =>
  spawnUntilHealthy(
    ['-r', '@swc-node/register', '-e', `require('node:http').createServer((q, s) => s.end('ok')).listen(process.env.PORT)`],
    {},
    30_000,
  );

/** A fresh temp data dir and a free port for an embedded PostgreSQL; remove() deletes the dir. */
export async function tempDataDir(): Promise<{ dir: string; port: number; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'regie-bench-'));
  return { dir, port: await freePort(), remove: () => rm(dir, { recursive: true, force: true }) };
}

/** Seconds to initialise and start an embedded PostgreSQL in a new data dir (then stopped and removed). */
export async function embeddedInitSeconds(): Promise<number> {
  const temp = await tempDataDir();
  try {
    const started = performance.now();
    const pg = await startEmbeddedPostgres({ dataDir: join(temp.dir, 'pg'), port: temp.port });
    const seconds = (performance.now() - started) / 1000;
    await pg.stop();
    return seconds;
  } finally {
    await temp.remove();
  }
}

/** `npm start` on a fresh data dir: no DATABASE_URL, an embedded PostgreSQL initialised by the platform. */
export async function freshStart(): Promise<{ child: PlatformChild; remove: () => Promise<void> }> {
  const temp = await tempDataDir();
  try {
    const child = await spawnPlatform({ DATABASE_URL: '', REGIE_DATA_DIR: temp.dir, REGIE_PG_PORT: String(temp.port) });
    return { child, remove: temp.remove };
  } catch (error) {
    await temp.remove();
    throw error;
  }
}
