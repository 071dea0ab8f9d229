import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { freshDatabase, startServer, withClient } from '../db';
import { BENCH_PASSWORD } from '../http-latency';
import { loadHistory } from '../load-history';
import { promoteRebuild, rebuildInChild } from '../replay';

/**
 * The API reads behind the portal's heaviest pages (/audit and /voortgangsrapportage), on a
 * synthetic history, by CPU time per request of the platform process and wall time, for two
 * builds of the platform alternately (A, B, A, B…) on the same database:
 *
 *   REGIE_BENCH_PG_PORT=54511 node -r @swc-node/register bench/src/request-cost/heavy-reads.ts \
 *     <events> <dir A> <dir B> [rounds] [requests]
 *
 * A directory is a work tree or an export of one commit (`git archive <commit> | tar -x -C dir`
 * plus a node_modules symlink). Each request is timed alone (one connection, one at a time).
 */
const ticks = (pid: number) => {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
};

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

async function platform(dir: string, databaseUrl: string): Promise<{ url: string; pid: number; stop: () => Promise<void> }> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    ['--max-old-space-size=320', '-r', '@swc-node/register', 'services/platform/src/main.ts'],
    {
      cwd: dir,
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        REGIE_SEED: 'true',
        REGIE_LOCAL_PASSWORD: BENCH_PASSWORD,
        REGIE_LOG_FORMAT: 'json',
        REGIE_LOG_LEVEL: 'warn',
        // The same chain key for both builds: each verifies the seals the other wrote.
        REGIE_CHAIN_KEY: Buffer.alloc(32, 7).toString('base64'),
        PORT: String(port),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk) => (output = (output + String(chunk)).slice(-8192)));
  const url = `http://127.0.0.1:${port}`;
  const started = Date.now();
  while (
    !(await fetch(`${url}/health`).then(
      (r) => r.ok,
      () => false,
    ))
  ) {
    if (child.exitCode !== null || Date.now() - started > 900_000) {
      child.kill('SIGKILL');
      throw new Error(`platform in ${dir} did not start (exit ${child.exitCode}):\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return { url, pid: child.pid!, stop: async () => (child.kill('SIGTERM'), await exited) };
}

async function token(url: string, username: string): Promise<string> {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: BENCH_PASSWORD }),
  });
  return ((await res.json()) as { accessToken: string }).accessToken;
}

async function cost(
  pid: number,
  url: string,
  auth: string,
  requests: number,
): Promise<{ cpuMs: number; wallMs: number; status: number; bytes: number }> {
  const one = async () => {
    const res = await fetch(url, { headers: { authorization: `Bearer ${auth}` } });
    const body = await res.arrayBuffer();
    return { status: res.status, bytes: body.byteLength };
  };
  await one(); // warm-up
  await one();
  const [cpu, started] = [ticks(pid), performance.now()];
  let last = { status: 0, bytes: 0 };
  for (let i = 0; i < requests; i++) last = await one();
  return { cpuMs: ((ticks(pid) - cpu) / requests) * 1000, wallMs: (performance.now() - started) / requests, ...last };
}

async function main(): Promise<void> {
  const [eventsArg, dirA, dirB, roundsArg = '2', requestsArg = '20', reuse] = process.argv.slice(2);
  const events = Number(eventsArg);
  const server = await startServer((line) => process.stderr.write(`${line}\n`));
  try {
    const name = `regie_perf2_${events}`;
    let url: string;
    const exists = await withClient(
      server.adminUrl,
      async (c) => (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount,
    );
    if (exists && reuse !== 'fresh') {
      url = new URL(server.adminUrl).toString().replace(/\/[^/]*$/, `/${name}`);
      console.log(`reusing ${name}`);
    } else {
      url = (await freshDatabase(server, name)).url;
      await (await platform(dirB, url)).stop();
      console.log(`loading ${events} events`);
      await loadHistory(url, { seed: 20250311, events });
      await rebuildInChild(url, () => undefined, 'all').done;
      await promoteRebuild(url, 'all');
      console.log('loaded');
    }
    const quarter = (() => {
      const now = new Date();
      return `${now.getUTCFullYear()}-Q${Math.floor(now.getUTCMonth() / 3) + 1}`;
    })();
    const paths: Record<string, string> = {
      'GET /health': '/health',
      'GET /api/v1/audit/events?order=desc&limit=50': '/api/v1/audit/events?order=desc&limit=50',
      'GET /api/v1/audit/verify': '/api/v1/audit/verify',
      'GET /api/v1/actions': '/api/v1/actions',
      [`GET /api/v1/monitoring/projections/${quarter}`]: `/api/v1/monitoring/projections/${quarter}`,
    };
    const rounds = Number(roundsArg);
    for (let round = 1; round <= rounds; round++)
      for (const [label, dir] of [
        ['A', dirA],
        ['B', dirB],
      ] as const) {
        const p = await platform(dir, url);
        try {
          const auditor = await token(p.url, 'auditor');
          for (const [name, path] of Object.entries(paths)) {
            const r = await cost(p.pid, `${p.url}${path}`, auditor, path === '/health' ? 200 : Number(requestsArg));
            console.log(
              `@${events} ${label}${round} ${name}: ${r.cpuMs.toFixed(2)} ms CPU, ${r.wallMs.toFixed(1)} ms wall, status ${r.status}, ${r.bytes} bytes`,
            );
          }
        } finally {
          await p.stop();
        }
      }
  } finally {
    await server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
