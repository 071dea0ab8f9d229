import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { type NewEvent, newId } from '@regie/es-core';
import { PostgresEventStore } from '@regie/es-postgres';
import { openReadModelDataSource, ProjectionRunner } from '@regie/read-model';
import { ROOT } from './db';
import { type ResultRow, row } from './table';

/**
 * Part 7: Emmett's PostgreSQL event store (@event-driven-io/emmett-postgresql) as a peer, on the
 * same PostgreSQL server in the same run, each store in a database of its own. Emmett lives in
 * bench/peer-emmett with its own package.json (its peer dependencies conflict with ours),
 * installed here on demand with `npm install --prefix`; it is never part of `npm ci`.
 * The same workloads run against both (peer-emmett/run.mjs for Emmett, below for Regie):
 * appends (1 writer; 16 writers on 16 streams with 1 and 10 events), readStream of a 100-event
 * stream, a read of everything in global order in pages of 1,000, and a replay: Emmett's reactor
 * from the beginning with a handler that only counts, against a ProjectionRunner catch-up with a
 * projection that only counts (both store their checkpoint as they go).
 */
const PEER_DIR = join(ROOT, 'bench/peer-emmett');

export function installEmmett(log: (line: string) => void): string | undefined {
  if (existsSync(join(PEER_DIR, 'node_modules/@event-driven-io/emmett-postgresql'))) return undefined;
  log('peer: npm install --prefix bench/peer-emmett (Emmett is not part of npm ci)');
  try {
    execFileSync('npm', ['install', '--prefix', PEER_DIR, '--no-audit', '--no-fund', '--loglevel=error'], {
      stdio: ['ignore', 'ignore', 'pipe'],
      timeout: 300_000,
    });
    return undefined;
  } catch (error) {
    return `npm install --prefix bench/peer-emmett failed: ${String((error as { stderr?: Buffer }).stderr ?? error).slice(0, 300)}`;
  }
}

async function emmett(url: string, name: string, amount: number): Promise<number | null> {
  const child = spawn(process.execPath, [join(PEER_DIR, 'run.mjs'), url, name, String(amount)], {
    cwd: PEER_DIR,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let value: number | null = null;
  let error: string | undefined;
  createInterface({ input: child.stdout! }).on('line', (line) => {
    try {
      ({ value, error } = JSON.parse(line) as { value: number | null; error?: string });
    } catch {
      // not a result line
    }
  });
  await new Promise((resolve) => child.once('exit', resolve));
  if (error) throw new Error(`Emmett ${name}: ${error}`);
  return value;
}

const event = (n: number): NewEvent => ({
  id: newId(),
  type: 'MilestonePlanned',
  schemaVersion: 1,
  occurredAt: new Date(),
  data: {
    milestoneId: newId(),
    actionCode: '2.1',
    title: `Plan van aanpak voor het verbeteren van de samenwerking – regio ${n}`,
    dueDate: '2026-05-31',
  },
  metadata: { actor: { userId: 'bench-actiehouder', role: 'actiehouder' }, correlationId: newId(), causationId: newId() },
});

async function runFor(seconds: number, writers: number, work: (w: number) => Promise<number>): Promise<number> {
  let events = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      while (performance.now() < deadline) {
        const n = await work(w);
        events += n;
      }
    }),
  );
  return events / ((performance.now() - started) / 1000);
}

/** Regie's store under the same workloads as peer-emmett/run.mjs. */
class RegieCases {
  private readonly revisions = new Map<string, number>();
  private constructor(
    private readonly store: PostgresEventStore,
    private readonly url: string,
  ) {}

  static async open(url: string): Promise<RegieCases> {
    return new RegieCases(await PostgresEventStore.open({ connectionString: url, poolSize: 17 }), url);
  }

  private append(tag: string, batch: number) {
    return async (w: number) => {
      const stream = `r-${tag}-${w}`;
      const result = await this.store.append(
        stream,
        Array.from({ length: batch }, (_, i) => event(i)),
        this.revisions.get(stream) ?? 'no_stream',
      );
      this.revisions.set(stream, result.nextExpectedRevision);
      return batch;
    };
  }

  async run(name: string, amount: number): Promise<number> {
    const tag = newId().slice(-8);
    switch (name) {
      case 'append-1w-1e':
        return runFor(amount, 1, this.append(tag, 1));
      case 'append-16w-1e':
        return runFor(amount, 16, this.append(tag, 1));
      case 'append-16w-10e':
        return runFor(amount, 16, this.append(tag, 10));
      case 'fill': {
        let left = amount - 100;
        await this.store.append(
          'r-read',
          Array.from({ length: 100 }, (_, i) => event(i)),
          'no_stream',
        );
        const work = this.append(`fill-${tag}`, 10);
        await Promise.all(
          Array.from({ length: 16 }, async (_, w) => {
            while (left > 0) {
              left -= 10;
              await work(w);
            }
          }),
        );
        return amount;
      }
      case 'read-stream-100':
        return runFor(amount, 1, async () => (await this.store.readStream('r-read')).length);
      case 'read-all': {
        const started = performance.now();
        let events = 0;
        for (let after = 0; ;) {
          const page = await this.store.readAll({ after, limit: 1000 });
          if (page.length === 0) break;
          events += page.length;
          after = page[page.length - 1].position;
        }
        return events / ((performance.now() - started) / 1000);
      }
      case 'replay-reactor': {
        const dataSource = await openReadModelDataSource({ url: this.url, schema: `peer_${tag}`, entities: [], migrations: [] });
        let seen = 0;
        const counting = {
          name: 'count',
          apply: async () => void seen++,
          applyBatch: async (batch: unknown[]) => void (seen += batch.length),
        };
        const runner = new ProjectionRunner({ name: 'count', store: this.store, dataSource, projections: [counting] });
        const started = performance.now();
        await runner.catchUp();
        const value = seen / ((performance.now() - started) / 1000);
        await dataSource.destroy();
        return value;
      }
      default:
        throw new Error(`unknown case ${name}`);
    }
  }

  close(): Promise<void> {
    return this.store.close();
  }
}

const CASES: [string, string][] = [
  ['append-1w-1e', 'append, 1 writer, 1 event/append'],
  ['append-16w-1e', 'append, 16 writers, 16 streams, 1 event/append'],
  ['append-16w-10e', 'append, 16 writers, 16 streams, 10 events/append'],
  ['read-stream-100', 'readStream of a 100-event stream'],
  ['read-all', 'read all in global order, pages of 1,000'],
  ['replay-reactor', 'replay: subscription from the start, handler only counts'],
];

/**
 * Each case runs Emmett, Regie, Regie, Emmett (the mean of two runs each), so both see the same
 * machine as other work on it comes and goes. Appends in one database per store; the read cases
 * in another, filled first with the same number of events by each store's own appends.
 */
export async function peerRows(
  databases: { regie: string; emmett: string; regieRead: string; emmettRead: string },
  seconds: number,
  readEvents: number,
  log: (line: string) => void,
): Promise<ResultRow[]> {
  const failed = installEmmett(log);
  if (failed)
    return CASES.map(([, name]) =>
      row('7', `Regie ${name}`, null, 'events/s', null, 'Emmett', '≥ Emmett', undefined, `not measured: ${failed}`),
    );
  const ours = { write: await RegieCases.open(databases.regie), read: await RegieCases.open(databases.regieRead) };
  try {
    log(`peer: filling a read database per store with ${readEvents.toLocaleString()} events`);
    await emmett(databases.emmettRead, 'fill', readEvents);
    await ours.read.run('fill', readEvents);
    const rows: ResultRow[] = [];
    for (const [key, name] of CASES) {
      log(`peer: ${name} (Emmett, Regie, Regie, Emmett)`);
      const read = !key.startsWith('append');
      const [theirUrl, mine] = read ? [databases.emmettRead, ours.read] : [databases.emmett, ours.write];
      const amount = key === 'read-all' || key === 'replay-reactor' ? readEvents : seconds;
      const e1 = await emmett(theirUrl, key, amount);
      const r1 = await mine.run(key, amount);
      const r2 = await mine.run(key, amount);
      const e2 = await emmett(theirUrl, key, amount);
      const theirs = e1 !== null && e2 !== null ? (e1 + e2) / 2 : null;
      rows.push(
        row(
          '7',
          `Regie ${name}`,
          (r1 + r2) / 2,
          'events/s',
          theirs,
          `Emmett 0.42${key === 'replay-reactor' ? ', reactor' : ''}`,
          '≥ Emmett',
          (_, ratio) => ratio !== null && ratio >= 1,
          read ? `${readEvents.toLocaleString()} events per store` : undefined,
        ),
      );
    }
    return rows;
  } finally {
    await ours.write.close();
    await ours.read.close();
  }
}
