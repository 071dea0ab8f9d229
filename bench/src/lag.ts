import { Client } from 'pg';
import { login } from './http-latency';
import { type ResultRow, row, timedBar } from './table';

/**
 * Part 4: projection lag, embedded. One write at a time: POST a milestone through the HTTP API;
 * from its 201 (which the actions service only sends once its own read model shows the write),
 * poll another service's read model, monitoring's mijlpalen board (monitoring.board_milestone,
 * fed by the actions integration events through the in-process bus), until the milestone is
 * there. The baseline is the probe's own resolution: one poll query's round trip.
 */
export interface LagFigures {
  p50: number;
  p99: number;
  max: number;
  samples: number;
  pollP50: number;
  timeouts: number;
}

const CODES = ['0', '1.1', '1.2', '1.3', '1.4', '2.1', '2.2', '2.3', '2.4', '2.5', '3.1', '3.2'];
const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN);

export async function measureLag(platformUrl: string, databaseUrl: string, size: string, samples: number): Promise<LagFigures> {
  const headers = { 'content-type': 'application/json', ...(await login(platformUrl)) };
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const lags: number[] = [];
  const polls: number[] = [];
  let timeouts = 0;
  const bar = timedBar(`projection lag @${size}: ${samples} writes, one at a time`, samples / 20);
  try {
    for (let i = 0; i < samples; i++) {
      const response = await fetch(`${platformUrl}/api/v1/actions/${CODES[i % CODES.length]}/milestones`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ title: `Vertragingsmeting ${size} ${i}`, dueDate: '2027-09-30' }),
      });
      const answered = performance.now();
      if (response.status !== 201) throw new Error(`lag probe: POST answered ${response.status}: ${await response.text()}`);
      const { id } = (await response.json()) as { id: string };
      for (;;) {
        const t = performance.now();
        const { rowCount } = await client.query('SELECT 1 FROM monitoring.board_milestone WHERE id = $1', [id]);
        polls.push(performance.now() - t);
        if (rowCount) {
          lags.push(performance.now() - answered);
          break;
        }
        if (performance.now() - answered > 10_000) {
          timeouts++;
          break;
        }
      }
      await new Promise((r) => setTimeout(r, 20)); // writes one at a time, not back to back
    }
  } finally {
    bar.stop();
    await client.end();
  }
  lags.sort((a, b) => a - b);
  polls.sort((a, b) => a - b);
  return { p50: percentile(lags, 50), p99: percentile(lags, 99), max: lags[lags.length - 1] ?? NaN, samples: lags.length, pollP50: percentile(polls, 50), timeouts };
}

export function lagRows(size: string, f: LagFigures): ResultRow[] {
  const note = `${f.samples} writes one at a time${f.timeouts ? `, ${f.timeouts} not visible within 10 s` : ''}; max ${f.max.toFixed(1)} ms; includes up to one poll round trip`;
  return [
    row('4', `projection lag, 201 → monitoring's board (in-process bus) p50 @${size}`, f.p50, 'ms', f.pollP50, 'one poll query p50', '—', undefined, note),
    row('4', `projection lag, 201 → monitoring's board (in-process bus) p99 @${size}`, f.p99, 'ms', f.pollP50, 'one poll query p50', 'p99 < 100 ms', (v) => v < 100),
  ];
}
