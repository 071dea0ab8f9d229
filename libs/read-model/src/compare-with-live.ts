import type { DataSource } from 'typeorm';
import type { EventStore } from '@regie/es-core';
import { ProjectionRunner } from './projection-runner';
import { checksums, type MessageSources, projectionsOf, type ReadModelDefinition, type TableChecksum } from './rebuild';

export interface CompareOptions {
  sources?: MessageSources;
  /** How many times a comparison that found differences is made again at a later position (default 10). */
  attempts?: number;
  /** The pause before the next attempt, and how long to wait for a live model behind the rebuild (default 300 ms, 10 s). */
  pauseMs?: number;
  waitForLiveMs?: number;
}

export interface LiveComparison {
  /** The store position both sides were compared at. */
  position: number;
  /** Tables whose row count or checksum differ (empty: live equals the replay). */
  differences: string[];
  live: TableChecksum[];
  rebuilt: TableChecksum[];
  attempts: number;
}

/**
 * Compares a rebuilt read model with the live one AT ONE STORE POSITION, while the platform goes
 * on projecting: the false alarm this prevents is a replay that read the store up to position R
 * and then checksummed live tables that a running projection had meanwhile moved past R (writes
 * going on), or not yet reached (a live model a batch behind).
 *
 * The live side is read in one REPEATABLE READ transaction: its first statement fixes the
 * snapshot, and reads the live checkpoint and the positions the live consumers recorded; every
 * projection batch writes its rows and its checkpoint in one transaction, so in that snapshot the
 * live tables are exactly the events up to those positions. The rebuild is then brought to that
 * same position (the larger of them) and both are checksummed: the live ones in the snapshot, so
 * batches committed meanwhile are not seen. No lock: the server is not held up.
 *
 * Live consumers are fed by the bus, which may deliver a message after the projection moved on
 * (or before): a difference is therefore compared again at a later position, and only one that
 * stays through `attempts` comparisons is reported. A rebuild ahead of live (live lagging) waits
 * until live has caught up with it.
 */
export async function compareWithLive(
  store: EventStore,
  model: ReadModelDefinition,
  rebuilt: { schema: string; dataSource: DataSource },
  live: DataSource,
  options: CompareOptions = {},
): Promise<LiveComparison> {
  const runner = new ProjectionRunner({
    name: model.name,
    store,
    dataSource: rebuilt.dataSource,
    projections: projectionsOf(model, options.sources),
    relaxedDurability: true,
  });
  const attempts = options.attempts ?? 10;
  const pause = options.pauseMs ?? 300;
  const liveDeadline = Date.now() + (options.waitForLiveMs ?? 10_000); // one budget: a stopped server's read model never catches up
  let last: LiveComparison | undefined;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const ahead = await runner.resume();
    await waitForLive(live, model, ahead, liveDeadline);
    const tx = live.createQueryRunner();
    await tx.connect();
    try {
      await tx.startTransaction('REPEATABLE READ');
      const position = await livePosition(tx, model);
      await applyUpTo(store, runner, position);
      const [a, b] = [await checksums(tx, model.schema), await checksums(rebuilt.dataSource, rebuilt.schema)];
      last = { position: Math.max(position, runner.checkpoint), differences: differing(a, b), live: a, rebuilt: b, attempts: attempt };
    } finally {
      if (tx.isTransactionActive) await tx.rollbackTransaction().catch(() => undefined);
      await tx.release();
    }
    if (last.differences.length === 0) return last;
    if (attempt < attempts) await new Promise((r) => setTimeout(r, pause));
  }
  return last as LiveComparison;
}

/** The store position the live tables stand at in this snapshot: the projection's checkpoint, the last message a consumer recorded, or how far a consumer read. */
async function livePosition(tx: Pick<DataSource, 'query'>, model: ReadModelDefinition): Promise<number> {
  const [row] = await tx.query(
    `SELECT greatest(
       coalesce((SELECT position FROM "${model.schema}".projection_checkpoints WHERE name = $1), 0),
       coalesce(CASE WHEN to_regclass($2) IS NOT NULL THEN (SELECT max(position) FROM "${model.schema}".processed_messages) END, 0),
       coalesce(CASE WHEN to_regclass($3) IS NOT NULL THEN (SELECT max(position) FROM "${model.schema}".consumer_positions) END, 0)
     ) AS position`,
    [model.name, `"${model.schema}".processed_messages`, `"${model.schema}".consumer_positions`],
  );
  return Number(row.position);
}

async function waitForLive(live: DataSource, model: ReadModelDefinition, position: number, deadline: number): Promise<void> {
  while ((await livePosition(live, model)) < position && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
}

/** Applies the store's events after the runner's checkpoint up to and including `to`. */
async function applyUpTo(store: EventStore, runner: ProjectionRunner, to: number): Promise<void> {
  for (let after = runner.checkpoint; after < to;) {
    const read = await store.readAll({ after, limit: 1000 });
    const page = read.filter((e) => e.position <= to);
    if (page.length === 0) return;
    await runner.applyPage(page);
    after = page[page.length - 1].position;
  }
}

const differing = (live: TableChecksum[], rebuilt: TableChecksum[]): string[] => {
  const tables = [...new Set([...live, ...rebuilt].map((t) => t.table))].sort();
  const same = (t: string) => JSON.stringify(live.find((x) => x.table === t)) === JSON.stringify(rebuilt.find((x) => x.table === t));
  return tables.filter((t) => !same(t));
};
