// scratch: 1M time-travel experiments (deleted before commit)
import { Client } from 'pg';
import { ACTIONS_UPCASTERS, actionsReadModel } from '@regie/actions';
import { Upcasters, UpcastingEventStore } from '@regie/es-core';
import { PostgresEventStore } from '@regie/es-postgres';
import { holdingLooks, TimeTravel } from '@regie/read-model';
import { loadHistory } from './load-history';
import { recordInTimeOrder } from './long-history';
import { spawnPlatform } from './startup';

const url = 'postgres://postgres@127.0.0.1:5432/tt1m';
async function main() {
  const phase = process.argv[2];
  if (phase === 'load') {
    const c = new Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres' });
    await c.connect();
    await c.query('DROP DATABASE IF EXISTS tt1m');
    await c.query('CREATE DATABASE tt1m');
    await c.end();
    await (await spawnPlatform({ DATABASE_URL: url })).stop();
    await loadHistory(url, { seed: 20250311, events: Number(process.argv[3] ?? 1_000_000) });
    await recordInTimeOrder(url);
    const d = new Client({ connectionString: url });
    await d.connect();
    await d.query('VACUUM ANALYZE es.events');
    await d.end();
    return;
  }
  const store = new UpcastingEventStore(await PostgresEventStore.open({ connectionString: url, poolSize: 4 }), new Upcasters(ACTIONS_UPCASTERS));
  const model = actionsReadModel(url);
  const now = new Date(Date.now() + 86_400_000 * 3650);
  const c = new Client({ connectionString: url });
  await c.connect();
  const at = async (f: number) => {
    const { rows } = await c.query(`SELECT occurred_at FROM es.events ORDER BY occurred_at OFFSET (SELECT floor($1::float8 * count(*))::bigint FROM es.events) LIMIT 1`, [f]);
    return new Date(Math.floor(rows[0].occurred_at.getTime() / 60_000) * 60_000);
  };
  const moment = await at(0.61);
  const recentMoment = await at(0.97);
  const builds: unknown[] = [];
  const fast = new TimeTravel(store, model, {}, { prepareOnFirstLook: false, onBuild: (b) => builds.push(b) });
  const secs = async (w: () => Promise<unknown>) => { const s = performance.now(); await w(); return ((performance.now() - s) / 1000).toFixed(2); };
  for (const m of [new Date(0), moment, recentMoment]) console.log('occurredBy', m.toISOString(), await secs(() => store.occurredBy(m)), await secs(() => store.occurredBy(m)));
  console.log('prepare', await secs(() => fast.prepare()));
  const look = async (label: string, d: Date) => { const s = await secs(() => holdingLooks(async () => fast.at(d, now)!)); console.log(label, s, JSON.stringify(builds.at(-1))); };
  await look('first 61%', moment);
  await look('next day', new Date(moment.getTime() + 86_400_000));
  await look('+1 min', new Date(moment.getTime() + 86_460_000));
  await look('day before', new Date(moment.getTime() - 86_400_000));
  await fast.prepare();
  await look('recent 97%', recentMoment);
  await fast.close();
  await store.close();
  await c.end();
}
main().then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });
