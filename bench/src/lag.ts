import { randomBytes } from 'node:crypto';
import { newId } from '@regie/es-core';
import { Client } from 'pg';
import { type BenchServer, freshDatabase, withClient } from './db';
import { login } from './http-latency';
import { withBroker } from './kafka-clients';
import { type PlatformChild, spawnPlatform } from './startup';
import { type ResultRow, row, timedBar } from './table';

/**
 * Part 4: projection lag. One write at a time: POST a milestone through the HTTP API; from its
 * 201 (which the actions service only sends once its own read model shows the write), poll
 * another service's read model, monitoring's mijlpalen board (monitoring.board_milestone), until
 * the milestone is there. The baseline is the probe's own resolution: one poll query's round trip.
 * Two shapes: embedded (one platform process, the in-process bus: measureLag on the bench's
 * platform) and distributed (kafkaLag: actions and monitoring as separate processes over a Kafka
 * broker, as e2e/src/distributed.e2e.spec.ts starts them, on a fresh seeded database).
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
const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN;

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
  return {
    p50: percentile(lags, 50),
    p99: percentile(lags, 99),
    max: lags[lags.length - 1] ?? NaN,
    samples: lags.length,
    pollP50: percentile(polls, 50),
    timeouts,
  };
}

/** `shape`: 'in-process bus' or 'Kafka, separate processes'; `where`: e.g. ' @10k'; `about`: added to the note. */
export function lagRows(shape: string, where: string, f: LagFigures, about = ''): ResultRow[] {
  const note = `${f.samples} writes one at a time${f.timeouts ? `, ${f.timeouts} not visible within 10 s` : ''}; max ${f.max.toFixed(1)} ms; includes up to one poll round trip${about}`;
  return [
    row(
      '4',
      `projection lag, 201 → monitoring's board (${shape}) p50${where}`,
      f.p50,
      'ms',
      f.pollP50,
      'one poll query p50',
      '—',
      undefined,
      note,
    ),
    row(
      '4',
      `projection lag, 201 → monitoring's board (${shape}) p99${where}`,
      f.p99,
      'ms',
      f.pollP50,
      'one poll query p50',
      'p99 < 100 ms',
      (v) => v < 100,
    ),
  ];
}

/**
 * The distributed shape: a Kafka broker (withBroker: KAFKA_BROKERS, or one started for the
 * purpose), a fresh database `dbName`, the platform as two processes sharing only the bus and the
 * PostgreSQL server: actions (seeds the werkagenda, relays its events to Kafka) and monitoring
 * (REGIE_SEED=false, consumes them). Once the seed's milestones are on monitoring's board, the same
 * probe as the embedded shape runs against the actions process. Processes, broker and database
 * are gone afterwards, also when something fails.
 */
export async function kafkaLag(
  server: BenchServer,
  dbName: string,
  samples: number,
  log: (line: string) => void,
): Promise<LagFigures & { seeded: number }> {
  const db = await freshDatabase(server, dbName);
  try {
    return await withBroker(log, async (brokers) => {
      const env = {
        DATABASE_URL: db.url,
        REGIE_BUS: 'kafka',
        KAFKA_BROKERS: brokers.join(','),
        REGIE_BUS_KEYS: `k1:${randomBytes(32).toString('base64')}`, // the processes sign and verify with one key
        KAFKA_NAMESPACE: `bench-${newId().slice(-8)}.`,
      };
      const processes: PlatformChild[] = [];
      try {
        log(`projection lag over Kafka: actions and monitoring as separate processes (namespace ${env.KAFKA_NAMESPACE})`);
        const actions = await spawnPlatform({ ...env, REGIE_SERVICES: 'actions' });
        processes.push(actions);
        processes.push(await spawnPlatform({ ...env, REGIE_SERVICES: 'monitoring', REGIE_SEED: 'false' }));
        const seeded = await seedRelayed(db.url, 120_000);
        return { ...(await measureLag(actions.url, db.url, 'Kafka', samples)), seeded };
      } catch (error) {
        for (const p of processes) log(`process output (last lines):\n${p.output().split('\n').slice(-20).join('\n')}`);
        throw error;
      } finally {
        await Promise.all(processes.map((p) => p.stop()));
      }
    });
  } finally {
    await db.drop();
  }
}

/** Waits until monitoring's board holds every milestone of actions' read model (the seed, relayed over Kafka); their number. */
async function seedRelayed(databaseUrl: string, timeoutMs: number): Promise<number> {
  const count = `SELECT (SELECT count(*) FROM actions.milestone)::int AS planned, (SELECT count(*) FROM monitoring.board_milestone)::int AS board`;
  let last = { planned: 0, board: 0 };
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await new Promise((r) => setTimeout(r, 200))) {
    last = await withClient(databaseUrl, (c) => c.query(count)).then(
      (r) => r.rows[0],
      () => last,
    );
    if (last.planned > 0 && last.board >= last.planned) return last.planned;
  }
  throw new Error(
    `the seed did not reach monitoring over Kafka within ${timeoutMs / 1000} s: ${last.board} of ${last.planned} milestones on the board`,
  );
}
