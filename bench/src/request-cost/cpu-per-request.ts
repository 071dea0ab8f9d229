import autocannon from 'autocannon';
import { readFileSync } from 'node:fs';

/**
 * CPU time a server process spends per request, over a fixed number of requests on one connection
 * (after a warm-up): utime + stime of the whole process and of its main thread from /proc, less
 * what the process uses idle (its pollers, measured for 4 s before). On a machine shared with other
 * work, requests/s move with the load; CPU time per request moves far less.
 *
 *   node -r @swc-node/register bench/src/request-cost/cpu-per-request.ts <pid> <url> [requests] [header: value]
 *
 * `pid` is the server's (e.g. the platform's `node` process; `--cpu-prof` on it gives the profile
 * that profile-categories.ts attributes).
 */
const ticks = (stat: string) => {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime (USER_HZ = 100)
};
const cpu = (pid: number) => ticks(readFileSync(`/proc/${pid}/stat`, 'utf8'));
const mainThread = (pid: number) => ticks(readFileSync(`/proc/${pid}/task/${pid}/stat`, 'utf8'));

export interface RequestCost {
  /** CPU time of the whole process per request, less its idle use, in µs. */
  cpuMicros: number;
  mainThreadMicros: number;
  perSecond: number;
  p99Ms: number;
  non2xx: number;
  idlePercent: number;
}

/** The CPU time process `pid` spends per request to `url`, `amount` requests on one connection after a warm-up of `warm`. */
export async function requestCost(
  pid: number,
  url: string,
  options: { amount?: number; warm?: number; headers?: Record<string, string> } = {},
): Promise<RequestCost> {
  const { amount = 2000, warm = 2000, headers = {} } = options;
  await autocannon({ url, connections: 1, amount: warm, headers });
  const [idleFrom, idleStarted] = [cpu(pid), performance.now()];
  await new Promise((r) => setTimeout(r, 4000));
  const idlePerSecond = (cpu(pid) - idleFrom) / ((performance.now() - idleStarted) / 1000);
  const [from, mainFrom, started] = [cpu(pid), mainThread(pid), performance.now()];
  const result = await autocannon({ url, connections: 1, amount, headers });
  const seconds = (performance.now() - started) / 1000;
  const total = result.requests.total;
  const used = cpu(pid) - from - idlePerSecond * seconds;
  return {
    cpuMicros: (used / total) * 1e6,
    mainThreadMicros: ((mainThread(pid) - mainFrom) / total) * 1e6,
    perSecond: total / seconds,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    idlePercent: idlePerSecond * 100,
  };
}

async function main(): Promise<void> {
  const [pidArg, url, amount = '2000', header] = process.argv.slice(2);
  const headers: Record<string, string> = {};
  if (header) headers[header.slice(0, header.indexOf(':')).trim()] = header.slice(header.indexOf(':') + 1).trim();
  const cost = await requestCost(Number(pidArg), url, { amount: Number(amount), warm: Number(process.env.WARM ?? 2000), headers });
  console.log(
    `${url}: ${cost.cpuMicros.toFixed(0)} µs CPU per request (main thread ${cost.mainThreadMicros.toFixed(0)}), ` +
      `${cost.perSecond.toFixed(0)} req/s, p99 ${cost.p99Ms} ms, non-2xx ${cost.non2xx}; idle ${cost.idlePercent.toFixed(1)} % CPU`,
  );
}

if (require.main === module)
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
