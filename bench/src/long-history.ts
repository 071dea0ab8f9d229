import { Client } from 'pg';
import { ACTIONS_UPCASTERS, actionDecider, type ActionCommand, actionsReadModel, actionStream } from '@regie/actions';
import { type CommandContext, handleCommand, newId, type SnapshotOptions, Upcasters, UpcastingEventStore } from '@regie/es-core';
import { PostgresEventStore } from '@regie/es-postgres';
import { holdingLooks, TimeTravel } from '@regie/read-model';
import { type ResultRow, row } from './table';

/**
 * Part 9: what users wait on when the history is long.
 * (a) Time travel (`?asOf`) on the actions read model of the large store, as TimeTravel answers it
 *     behind every `?asOf` route: a first look at a past moment replayed in full (as before the
 *     snapshots: the baseline), the snapshots prepared once, then a first look at the same moment
 *     from the snapshots, a second look a day later, a look a day before the first, a first look at
 *     a recent moment and, right after it, a look elsewhere (80 %): each as an auditor clicks them.
 * (b) A command (ReportProgress, the real action decider) on a stream of 10,000 events against one
 *     on 10 events, in the same run, with decider-state snapshots; and without them, as before.
 */
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const seconds = async (work: () => Promise<unknown>) => {
  const started = performance.now();
  await work();
  return (performance.now() - started) / 1000;
};

async function openStore(url: string) {
  return new UpcastingEventStore(await PostgresEventStore.open({ connectionString: url, poolSize: 4 }), new Upcasters(ACTIONS_UPCASTERS));
}

/** A past moment by which `fraction` of the events had occurred (whole minutes, as a user would pick). */
async function momentAt(url: string, fraction: number): Promise<Date> {
  return withClient(url, async (c) => {
    const { rows } = await c.query(
      `SELECT occurred_at FROM es.events ORDER BY occurred_at OFFSET (SELECT floor($1::float8 * count(*))::bigint FROM es.events) LIMIT 1`,
      [fraction],
    );
    return new Date(Math.floor(rows[0].occurred_at.getTime() / 60_000) * 60_000);
  });
}

/**
 * The synthetic history is generated in cohorts of 8 werkagenda's, each cohort's 2018–2026 after the
 * previous one's (so that a smaller history is a prefix of a larger one): its positions run through
 * the years many times over. A live platform records events as they occur, in time order. Part 9
 * measures time travel on that order: the same events renumbered by (occurredAt, position); every
 * stream's events keep their revisions (each stream is in time order). The hash chain is not
 * recomputed (nothing in part 9 verifies it).
 */
export async function recordInTimeOrder(url: string): Promise<void> {
  await withClient(url, async (c) => {
    await c.query('BEGIN');
    await c.query(`CREATE TEMP TABLE renumbered ON COMMIT DROP AS
      SELECT row_number() OVER (ORDER BY occurred_at, position) AS new_position, * FROM es.events`);
    await c.query(`TRUNCATE es.events`);
    const { rows } = await c.query(
      `SELECT column_name FROM information_schema.columns WHERE table_schema = 'es' AND table_name = 'events' AND column_name <> 'position'`,
    );
    const cols = rows.map((r: { column_name: string }) => `"${r.column_name}"`).join(', ');
    await c.query(`INSERT INTO es.events (position, ${cols}) SELECT new_position, ${cols} FROM renumbered ORDER BY new_position`);
    await c.query('COMMIT');
    await c.query('ANALYZE es.events');
  });
}

export async function timeTravelRows(url: string, n: string, log: (line: string) => void): Promise<ResultRow[]> {
  const store = await openStore(url);
  const model = actionsReadModel(url);
  const now = new Date(Date.now() + 86_400_000 * 365 * 10); // every moment of the history lies in the past
  const moment = await momentAt(url, 0.61);
  const nextDay = new Date(moment.getTime() + 86_400_000);
  const dayBefore = new Date(moment.getTime() - 86_400_000);
  const recentMoment = await momentAt(url, 0.97);
  const elsewhereMoment = await momentAt(url, 0.8);
  const builds: { from: number; to: number; seconds: number; inPlace: boolean; readyCopy: boolean }[] = [];
  const plain = new TimeTravel(store, model, {}, { prepareOnFirstLook: false, fullReplay: true });
  const fast = new TimeTravel(store, model, {}, { prepareOnFirstLook: false, onBuild: (b) => builds.push(b) });
  try {
    for (const s of await fast.snapshots()) log(`time travel: a snapshot from an earlier run is there: ${s.schema}`);
    log(`time travel @${n}: full replay to ${moment.toISOString()} (baseline)`);
    const full = await seconds(() => plain.at(moment, now)!);
    log(`time travel @${n}: preparing the snapshots`);
    const prepare = await seconds(() => fast.prepare());
    const snapshots = await fast.snapshots();
    const disk = await withClient(url, async (c) => {
      const { rows } = await c.query(
        `SELECT coalesce(sum(pg_total_relation_size(format('%I.%I', table_schema, table_name))), 0)::bigint AS bytes
         FROM information_schema.tables WHERE starts_with(table_schema, $1)`,
        [`${model.schema}__snap_`],
      );
      const head = await c.query(`SELECT position FROM es.head`);
      return { mb: Number(rows[0].bytes) / 2 ** 20, head: Number(head.rows[0].position) };
    });
    // Each look as a request takes it: held until it is answered, then free to be brought forward for the next.
    const look = async (at: Date) => {
      const built = builds.length;
      return [await seconds(() => holdingLooks(async () => fast.at(at, now)!)), builds[built]] as const;
    };
    const [first, b1] = await look(moment);
    const [second, b2] = await look(nextDay);
    const [same] = await look(new Date(nextDay.getTime() + 60_000));
    const [earlier, b3] = await look(dayBefore);
    // A first look at a recent moment (after the newest snapshot), once the spare holds that snapshot.
    await fast.prepare();
    const [recent, b4] = await look(recentMoment);
    // Right after it, a look elsewhere in the history: a snapshot of its own to copy, while the spares
    // the previous look asked for are still to be made.
    const [elsewhere, b5] = await look(elsewhereMoment);
    const how = (b: (typeof builds)[number]) =>
      `replayed positions ${b.from.toLocaleString()} → ${b.to.toLocaleString()}${b.inPlace ? ' in place, into the previous look' : ''}${b.readyCopy ? ' into the spare holding that snapshot (no copy)' : ''}`;
    const perMillion = (disk.mb / Math.max(1, disk.head)) * 1_000_000;
    const day = (at: Date) => at.toISOString().slice(0, 10);
    // A look beside the full replay to the first moment (what every look was before the snapshots), within `bound` seconds.
    const lookRow = (what: string, seconds: number, bound: number, note?: string, baseline = 'full replay (before)') =>
      row('9', `time travel, ${what}`, seconds, 's', full, baseline, `< ${bound} s`, (v) => v < bound, note);
    return [
      lookRow(
        `first look at ${day(moment)} (61 % of the events) @${n} (actions, from a snapshot)`,
        first,
        2,
        b1 && how(b1),
        'full replay to the same moment (before)',
      ),
      lookRow(
        `second look a day later @${n}`,
        second,
        0.5,
        b2 && `${how(b2)}; a minute after that: ${(same * 1000).toFixed(0)} ms (cached when no event occurred in that minute)`,
      ),
      lookRow(`then a look a day before the first @${n}`, earlier, 2, b3 && how(b3)),
      lookRow(`first look at a recent moment (${day(recentMoment)}, 97 %) @${n}`, recent, 2, b4 && how(b4)),
      lookRow(`right after it a look elsewhere (${day(elsewhereMoment)}, 80 %) @${n}`, elsewhere, 2, b5 && how(b5)),
      row(
        '9',
        `time travel snapshots prepared @${n} (once; kept across restarts)`,
        prepare,
        's',
        null,
        '',
        '—',
        undefined,
        `${snapshots.length} snapshots of actions, ${disk.mb.toFixed(0)} MB on disk (≈ ${perMillion.toFixed(0)} MB per million events at this density)`,
      ),
    ];
  } finally {
    await plain.close();
    await fast.close();
    await withClient(url, async (c) => {
      const { rows } = await c.query(`SELECT nspname FROM pg_namespace WHERE starts_with(nspname, $1)`, [`${model.schema}__snap`]);
      for (const { nspname } of rows) await c.query(`DROP SCHEMA "${nspname}" CASCADE`);
    });
    await store.close();
  }
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const context = (): CommandContext => ({
  actor: { userId: 'bench', role: 'coordinator' },
  correlationId: newId(),
  causationId: newId(),
  now: new Date(),
});
const report = (code: string): ActionCommand => ({
  type: 'ReportProgress',
  data: { code, reportId: newId(), rag: 'groen', summary: 'Voorbeeld: op schema', reportedAt: new Date().toISOString() },
});

/** (b) on a database of its own: two actions, one with `long` progress reports, one with 10 events. */
export async function longStreamRows(url: string, long: number, samples: number, log: (line: string) => void): Promise<ResultRow[]> {
  const store = await openStore(url);
  const snapshot: SnapshotOptions = { decider: 'action', version: 1 };
  try {
    const define = (code: string): ActionCommand => ({
      type: 'DefineAction',
      data: {
        werkagendaId: 'bench',
        code,
        actionLine: 1,
        title: `Voorbeeld ${code}`,
        actionHolder: { parties: ['VWS'], description: 'VWS' },
        startActivities: [],
      },
    });
    // Other actions' streams around them, so the long stream is a tenth of the table (as one action is in a real store), not all of it.
    const others = Array.from({ length: 18 }, (_, i) => [`9.${i + 10}`, Math.ceil(long / 2)] as const);
    for (const [code, events] of [['9.1', long] as const, ['9.2', 10] as const, ...others]) {
      await handleCommand(store, actionStream(code), actionDecider, define(code), context());
      for (let written = 1; written < events;) {
        const batch = Math.min(500, events - written);
        const revision = written - 1;
        await store.append(
          actionStream(code),
          Array.from({ length: batch }, () => {
            const data = (report(code) as { data: object }).data;
            const { actor, correlationId, causationId } = context();
            return {
              id: newId(),
              type: 'ProgressReported',
              data,
              schemaVersion: 1,
              occurredAt: new Date(),
              metadata: { actor, correlationId, causationId },
            };
          }),
          revision,
        );
        written += batch;
      }
      if (code === '9.1' || code === '9.2') log(`long streams: action ${code} has ${events.toLocaleString()} events`);
    }
    await withClient(url, (c) => c.query('ANALYZE es.events'));
    const time = async (code: string, options?: SnapshotOptions) => {
      const taken: number[] = [];
      for (let i = 0; i < samples; i++)
        taken.push(await seconds(() => handleCommand(store, actionStream(code), actionDecider, report(code), context(), {}, options)));
      return median(taken) * 1000;
    };
    const before = await time('9.1'); // without snapshots: the whole stream folded
    await time('9.1', snapshot); // the first command stores the snapshot
    const [longMs, shortMs] = [await time('9.1', snapshot), await time('9.2', snapshot)];
    return [
      row(
        '9',
        `command on a stream of ${long.toLocaleString()} events (ReportProgress, decider snapshots)`,
        longMs,
        'ms p50',
        shortMs,
        'same command on a stream of 10 events',
        '≤ 1.3×',
        (_, r) => r !== null && r <= 1.3,
        `${samples} commands each; without snapshots ${before.toFixed(1)} ms p50 (${(before / shortMs).toFixed(1)}×)`,
      ),
    ];
  } finally {
    await store.close();
  }
}
