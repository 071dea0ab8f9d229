import { vacuumAnalyze } from './db';
import { loadHistory } from './load-history';
import { promoteRebuild, rebuildInChild } from './replay';
import { spawnPlatform } from './startup';

/**
 * The store parts 2, 5 and 8 measure, on a database of your choice (e.g. the machine's PostgreSQL),
 * to measure a platform on it by hand: the platform once on the empty database (schemas, seeds), the
 * synthetic history loaded, every read model rebuilt as `regie replay` does, a first start whose
 * consumers catch up for a minute, the rebuild swapped in, the database vacuumed (`VACUUM (ANALYZE)`).
 * Then start a platform on it with that DATABASE_URL. A 1M store takes about five minutes here.
 *
 *   node -r @swc-node/register bench/src/build-store.ts <empty database url> [events, default 1000000]
 */
async function main(): Promise<void> {
  const [url, events = '1000000'] = process.argv.slice(2);
  if (!url) throw new Error('usage: build-store.ts <empty database url> [events]');
  const started = performance.now();
  const log = (line: string) => console.log(`${((performance.now() - started) / 1000).toFixed(0)} s: ${line}`);
  await (await spawnPlatform({ DATABASE_URL: url })).stop();
  log('schemas and seeds');
  await loadHistory(url, { seed: Number(process.env.BENCH_SEED ?? 20250311), events: Number(events) });
  log(`${Number(events).toLocaleString()} events loaded`);
  await rebuildInChild(url, () => undefined, 'all').done;
  log('every read model rebuilt');
  const first = await spawnPlatform({ DATABASE_URL: url });
  await new Promise((r) => setTimeout(r, 60_000));
  await first.stop();
  await promoteRebuild(url, 'all');
  log(`the rebuild swapped in; VACUUM (ANALYZE) in ${(await vacuumAnalyze(url)).toFixed(0)} s: ready`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
