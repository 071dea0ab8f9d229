import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@regie/test-kit';

/** Debian's `prometheus` package puts both here; .ci/run installs it. */
const binary = (name: string): string | undefined => {
  try {
    return execFileSync('which', [name], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
};

/**
 * The path of a Prometheus tool (`prometheus`, `promtool`). In CI a missing one fails the run; locally
 * the suite is skipped with a loud warning.
 */
export function prometheusToolForTests(suite: string, name: 'prometheus' | 'promtool'): string | undefined {
  const path = binary(name);
  if (path) return path;
  if (process.env.CI === 'true') throw new Error(`${suite}: ${name} is not installed; CI installs it with apt-get install prometheus`);
  console.warn(`\n*** ${suite} SKIPPED: ${name} is not installed (apt-get install -y prometheus) ***\n`);
  return undefined;
}

export interface RunningPrometheus {
  /** Instant query through Prometheus's HTTP API: the samples' labels and values. */
  query(expression: string): Promise<{ metric: Record<string, string>; value: [number, string] }[]>;
  stop(): Promise<void>;
}

/** A real Prometheus scraping `target` (host:port, path /metrics) every second, its data in a temp dir. */
export async function startPrometheus(path: string, target: string): Promise<RunningPrometheus> {
  const dir = mkdtempSync(join(tmpdir(), 'regie-prometheus-'));
  const config = join(dir, 'prometheus.yml');
  writeFileSync(
    config,
    [
      'global:',
      '  scrape_interval: 1s',
      'scrape_configs:',
      '  - job_name: regie',
      '    static_configs:',
      `      - targets: ['${target}']`,
      '',
    ].join('\n'),
  );
  const address = `127.0.0.1:${await freePort()}`;
  const child: ChildProcess = spawn(
    path,
    [`--config.file=${config}`, `--storage.tsdb.path=${join(dir, 'data')}`, `--web.listen-address=${address}`],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let log = '';
  child.stderr?.on('data', (chunk: Buffer) => (log = (log + chunk.toString()).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const query: RunningPrometheus['query'] = async (expression) => {
    const res = await fetch(`http://${address}/api/v1/query?query=${encodeURIComponent(expression)}`);
    const body = (await res.json()) as { status: string; data: { result: { metric: Record<string, string>; value: [number, string] }[] } };
    if (body.status !== 'success') throw new Error(`Prometheus query ${expression}: ${JSON.stringify(body)}`);
    return body.data.result;
  };
  for (const deadline = Date.now() + 20_000; ;) {
    if (child.exitCode !== null) throw new Error(`prometheus exited (${child.exitCode}):\n${log}`);
    if (
      await fetch(`http://${address}/-/ready`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    if (Date.now() > deadline) throw new Error(`prometheus not ready after 20 s:\n${log}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    query,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
