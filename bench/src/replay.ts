import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { Client } from 'pg';
import { ACTIONS_UPCASTERS, actionsReadModel } from '@regie/actions';
import { Upcasters, UpcastingEventStore } from '@regie/es-core';
import { PostgresEventStore } from '@regie/es-postgres';
import { rebuildAllInto, rebuildInto, swapIn } from '@regie/read-model';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the platform's list of read models is what `regie replay` rebuilds
import { MESSAGE_SOURCES, readModels } from '../../services/platform/src/read-models';
import { ROOT } from './db';

/** The schemas of the platform's read models (the live ones; time travel's are named after them). */
export const readModelSchemas = (url: string): string[] => readModels(url).map((m) => m.schema);

/**
 * Part 3: replay rate. (a) the limit: a raw sequential read of all events in pages of 1,000 with
 * `pg` (which parses the jsonb columns with JSON.parse and the timestamps into Dates, as the
 * store does); (b) the real rebuilds, each in a Node process of its own (this file is its entry
 * point) so that its RSS is the replay's: the actions read model alone
 * (rebuildInto(store, actionsReadModel(url), { fresh: true })), and every read model of the
 * platform as `regie replay` rebuilds them (rebuildAllInto: one pass, consumer-fed tables through
 * the producers' message mappings).
 */
export type ReplayMode = 'actions' | 'all';

export interface Timed {
  events: number;
  seconds: number;
  perSecond: number;
}

const timed = (events: number, started: number): Timed => {
  const seconds = (performance.now() - started) / 1000;
  return { events, seconds, perSecond: events / seconds };
};

export async function rawSequentialRead(url: string, onProgress: (position: number) => void): Promise<Timed> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const started = performance.now();
    let position = 0;
    let events = 0;
    let parsed = 0;
    for (;;) {
      const { rows } = await client.query(`SELECT * FROM es.events WHERE position > $1 ORDER BY position LIMIT 1000`, [position]);
      if (rows.length === 0) break;
      events += rows.length;
      position = Number(rows[rows.length - 1].position);
      if (typeof rows[0].data === 'object') parsed++; // jsonb arrives parsed, as in readAll
      onProgress(position);
    }
    if (events > 0 && parsed === 0) throw new Error('jsonb was not parsed');
    return timed(events, started);
  } finally {
    await client.end();
  }
}

/** The real rebuild into `<schema>__rebuild`, from position 0: the actions read model, or all of them as `regie replay` does it. */
export async function rebuildActions(url: string, onProgress: (position: number) => void, mode: ReplayMode = 'actions'): Promise<Timed> {
  // Like the platform and the CLI: the PostgreSQL store read through the services' upcasters.
  const store = new UpcastingEventStore(
    await PostgresEventStore.open({ connectionString: url, poolSize: 4 }),
    new Upcasters(ACTIONS_UPCASTERS),
  );
  try {
    const started = performance.now();
    if (mode === 'actions') {
      const rebuilt = await rebuildInto(store, actionsReadModel(url), { fresh: true, onProgress });
      const result = timed(rebuilt.position, started);
      await rebuilt.dataSource.destroy();
      return result;
    }
    const all = await rebuildAllInto(store, readModels(url), { fresh: true, onProgress, sources: MESSAGE_SOURCES });
    const result = timed(all.position, started);
    for (const r of all.rebuilt) await r.dataSource.destroy();
    return result;
  } finally {
    await store.close();
  }
}

/**
 * Makes the rebuilt read models (`actions`: the actions one alone; `all`: every one) the live
 * ones and marks their relays as caught up, so a platform started on this database finds every
 * projection and consumer at the head (the steady state parts 2, 5 and 8 measure) with tables
 * that hold the whole history, instead of replaying it again at start.
 */
export async function promoteRebuild(url: string, mode: ReplayMode = 'actions'): Promise<string[]> {
  const models = mode === 'actions' ? [actionsReadModel(url)] : readModels(url);
  for (const model of models) {
    const live = await model.openDataSource(model.schema);
    try {
      await swapIn(live, model.schema, `${model.schema}__rebuild`);
      if (RELAYS.has(model.name)) {
        await live.query(
          `INSERT INTO "${model.schema}".projection_checkpoints (name, position) SELECT $1, position FROM es.head
           ON CONFLICT (name) DO UPDATE SET position = excluded.position`,
          [`${model.name}-relay`],
        );
      }
    } finally {
      await live.destroy();
    }
  }
  return models.map((m) => m.name);
}

/** The read models whose context publishes integration events (a relay with its own checkpoint). */
const RELAYS = new Set(['actions', 'commitments', 'meetings']);

/**
 * The heap limit `npm run regie` gives the CLI (package.json): V8's default lets the heap grow to
 * gigabytes before a full collection, so without it the RSS shows lazy collection, not what a
 * replay holds (1M events: 560 MB without, 280 MB with a 256 MB limit, at the same rate).
 */
const CLI_NODE_FLAGS = ['--max-old-space-size=384'];

/** Runs rebuildActions in a child process; `pid` is there for memory sampling while it runs. */
export function rebuildInChild(
  url: string,
  onProgress: (position: number) => void,
  mode: ReplayMode = 'actions',
): { pid: number; done: Promise<Timed & { rssBeforeMb: number }> } {
  const child = spawn(process.execPath, [...CLI_NODE_FLAGS, '-r', '@swc-node/register', __filename, url, mode], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const done = new Promise<Timed & { rssBeforeMb: number }>((resolve, reject) => {
    let result: (Timed & { rssBeforeMb: number }) | undefined;
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const [kind, value] = [line.slice(0, line.indexOf(' ')), line.slice(line.indexOf(' ') + 1)];
      if (kind === 'progress') onProgress(Number(value));
      if (kind === 'result') result = JSON.parse(value);
    });
    child.once('exit', (code) => (code === 0 && result ? resolve(result) : reject(new Error(`replay process exited with ${code}`))));
  });
  return { pid: child.pid!, done };
}

if (require.main === module) {
  const rssBeforeMb = process.memoryUsage().rss / 2 ** 20;
  let last = 0;
  rebuildActions(
    process.argv[2],
    (position) => {
      if (position - last >= 1000) console.log(`progress ${(last = position)}`);
    },
    (process.argv[3] ?? 'actions') as ReplayMode,
  ).then(
    (timed) => console.log(`result ${JSON.stringify({ ...timed, rssBeforeMb })}`),
    (error) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
