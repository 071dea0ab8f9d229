import type { DataSource, QueryRunner } from 'typeorm';
import { retry, type EventStore } from '@regie/es-core';
import { DEADLOCK, LOCK_NOT_AVAILABLE, sqlState } from './postgres-errors';
import { ProjectionRunner } from './projection-runner';
import { type MessageSources, projectionsOf, type ReadModelDefinition } from './rebuild';

export interface LiveSwapOptions {
  sources?: MessageSources;
  /** How long one attempt waits for the live tables (in-flight batches finish first). */
  lockTimeoutMs?: number;
  attempts?: number;
  onProgress?: (position: number) => void;
}

/**
 * Swaps a rebuilt schema in for the live one while the platform runs: no server is stopped.
 *
 * 1. Catch the rebuild up with the store, without any lock (the bulk of the work).
 * 2. One short transaction: lock every live table (ACCESS EXCLUSIVE). A projection, relay or
 *    consumer batch in flight finishes first; new batches and reads wait. Catch the rebuild up to
 *    the head (the last few events), carry over checkpoints only the live schema has (the relay's),
 *    rename live → `<schema>__old`, rebuilt → live, commit. Appends to the store go on meanwhile.
 * 3. Drop the old schema.
 *
 * After the commit, waiting reads resolve the names again and see the new tables. A running
 * projection's next batch finds the new checkpoint ahead of its own (the guarded update matches
 * nothing), rolls back and resumes from the new checkpoint; consumers skip the messages the
 * rebuild already recorded in processed_messages. A lock that cannot be had in time, or a
 * deadlock with a batch, rolls the attempt back and retries: nothing is half swapped.
 */
export async function swapInLive(
  store: EventStore,
  model: ReadModelDefinition,
  rebuilt: { schema: string; dataSource: DataSource },
  live: DataSource,
  options: LiveSwapOptions = {},
): Promise<{ position: number; attempts: number }> {
  const runner = new ProjectionRunner({
    name: model.name,
    store,
    dataSource: rebuilt.dataSource,
    projections: projectionsOf(model, options.sources),
    batchSize: 1000,
  });
  await runner.catchUp(options.onProgress);
  const old = `${model.schema}__old`;
  await live.query(`DROP SCHEMA IF EXISTS "${old}" CASCADE`); // left by a swap interrupted after its commit
  const swap = async (attempt: number) => {
    const tx = live.createQueryRunner();
    await tx.connect();
    try {
      await tx.startTransaction();
      await lockAll(tx, model.schema, options.lockTimeoutMs ?? 2000);
      const position = await runner.catchUp(options.onProgress);
      await tx.query(
        `INSERT INTO "${rebuilt.schema}".projection_checkpoints (name, position)
         SELECT name, position FROM "${model.schema}".projection_checkpoints ON CONFLICT (name) DO NOTHING`,
      );
      await tx.query(`ALTER SCHEMA "${model.schema}" RENAME TO "${old}"`);
      await tx.query(`ALTER SCHEMA "${rebuilt.schema}" RENAME TO "${model.schema}"`);
      await tx.commitTransaction();
      await live.query(`DROP SCHEMA IF EXISTS "${old}" CASCADE`);
      return { position, attempts: attempt };
    } catch (error) {
      if (tx.isTransactionActive) await tx.rollbackTransaction().catch(() => undefined);
      throw error;
    } finally {
      await tx.release();
    }
  };
  return retry(swap, {
    attempts: options.attempts ?? 10,
    retryable: (error) => [LOCK_NOT_AVAILABLE, DEADLOCK].includes(sqlState(error) ?? ''),
    backoff: { baseMs: 200, maxMs: 2000 },
  });
}

async function lockAll(tx: QueryRunner, schema: string, timeoutMs: number): Promise<void> {
  const tables: { tablename: string }[] = await tx.query(`SELECT tablename FROM pg_tables WHERE schemaname = $1 ORDER BY tablename`, [
    schema,
  ]);
  await tx.query(`SET LOCAL lock_timeout = ${Math.max(1, Math.floor(timeoutMs))}`);
  await tx.query(`LOCK TABLE ${tables.map((t) => `"${schema}"."${t.tablename}"`).join(', ')} IN ACCESS EXCLUSIVE MODE`);
}
