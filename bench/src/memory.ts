import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { withClient } from './db';

/** Part 8: memory probes (ps and /proc) and a peak sampler; main.ts turns the peaks into rows. */

const exec = promisify(execFile);

/** The postmaster's pid, found from a backend of ours: works for the embedded and a local external server. */
export async function postmasterPid(url: string): Promise<number> {
  return withClient(url, async (c) => {
    const backend = Number((await c.query('SELECT pg_backend_pid() AS pid')).rows[0].pid);
    const { stdout } = await exec('ps', ['-o', 'ppid=', '-p', String(backend)]); // while the backend lives
    return Number(stdout.trim());
  });
}

/** RSS of one process in MB (0 when it is gone). */
export async function rssMb(pid: number): Promise<number> {
  const { stdout } = await exec('ps', ['-o', 'rss=', '-p', String(pid)]).catch(() => ({ stdout: '0' }));
  return Number(stdout.trim() || 0) / 1024;
}

/**
 * Memory of a PostgreSQL server: the sum of RSS of the postmaster and all its children (as `ps`
 * reports it; shared buffers touched by several backends count once per backend), and the
 * proportional set size (PSS, shared pages divided among their users) from /proc when readable.
 */
export async function postgresMemoryMb(postmaster: number): Promise<{ rss: number; pss: number }> {
  const { stdout } = await exec('ps', ['-e', '-o', 'pid=,ppid=,rss=']);
  const procs = stdout
    .trim()
    .split('\n')
    .map((l) => l.trim().split(/\s+/).map(Number))
    .filter(([pid, ppid]) => pid === postmaster || ppid === postmaster);
  let pss = 0;
  for (const [pid] of procs) {
    const rollup = await readFile(`/proc/${pid}/smaps_rollup`, 'utf8').catch(() => '');
    pss += Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
  }
  return { rss: procs.reduce((sum, [, , rss]) => sum + rss, 0) / 1024, pss: pss / 1024 };
}

/** Samples a probe every `intervalMs` until stopped and keeps the peak of each field. */
export class PeakSampler<T extends Record<string, number>> {
  private peak: Partial<T> = {};
  private timer?: NodeJS.Timeout;
  private busy = false;

  constructor(
    private readonly probe: () => Promise<T>,
    private readonly intervalMs = 250,
  ) {}

  start(): this {
    const tick = async () => {
      if (this.busy) return;
      this.busy = true;
      await this.probe().then(
        (sample) => this.record(sample),
        () => undefined,
      );
      this.busy = false;
    };
    void tick();
    this.timer = setInterval(() => void tick(), this.intervalMs);
    return this;
  }

  async stop(): Promise<T> {
    clearInterval(this.timer);
    await this.probe().then(
      (sample) => this.record(sample),
      () => undefined,
    );
    return this.peak as T;
  }

  private record(sample: T): void {
    const peak = this.peak as Record<string, number>;
    for (const [key, value] of Object.entries(sample)) peak[key] = Math.max(peak[key] ?? 0, value);
  }
}

/** CPU time (user + system) a process has used, in seconds, from /proc (0 when it is gone). */
export async function cpuSeconds(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11] ?? 0) + Number(fields[12] ?? 0)) / 100; // utime, stime in clock ticks (USER_HZ = 100)
}

/**
 * Waits until the process is quiet: under `percent` % of a core in `windows` windows of a second in
 * a row (the platform's work after start-up, such as the meetings horizon filling a year ahead for
 * thousands of series in the background, is done), at most `maxSeconds`. Returns the seconds it
 * waited and whether it became quiet.
 */
export async function waitUntilQuiet(
  pid: number,
  { percent = 10, windows = 3, maxSeconds = 300 }: { percent?: number; windows?: number; maxSeconds?: number } = {},
): Promise<{ seconds: number; quiet: boolean }> {
  const started = performance.now();
  let calm = 0;
  let before = await cpuSeconds(pid);
  while (calm < windows && (performance.now() - started) / 1000 < maxSeconds) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const now = await cpuSeconds(pid);
    calm = (now - before) * 100 < percent ? calm + 1 : 0;
    before = now;
  }
  return { seconds: (performance.now() - started) / 1000, quiet: calm >= windows };
}
