// scratch: a cohort-ordered 1M store as the bench's part 2 has it (deleted before commit)
import { Client } from 'pg';
import { loadHistory } from './load-history';
import { promoteRebuild, rebuildActions } from './replay';
import { spawnPlatform } from './startup';
const url = 'postgres://postgres@127.0.0.1:5432/c1m';
async function main() {
  const c = new Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres' });
  await c.connect();
  await c.query('DROP DATABASE IF EXISTS c1m');
  await c.query('CREATE DATABASE c1m');
  await c.end();
  await (await spawnPlatform({ DATABASE_URL: url })).stop();
  await loadHistory(url, { seed: 20250311, events: 1_000_000 });
  console.log('loaded');
  await rebuildActions(url, () => undefined, 'all');
  console.log('replayed', await promoteRebuild(url, 'all'));
}
main().then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });
