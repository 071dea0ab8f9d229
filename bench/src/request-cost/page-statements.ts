import autocannon from 'autocannon';
import { Client } from 'pg';
import { portalLogin } from '../http-latency';

/**
 * What the portal's main pages cost a running platform: for each page, requests/s and latency on
 * one connection (autocannon, `amount` pages after 200) and how many statements PostgreSQL ran per
 * page meanwhile (`pg_stat_statements`, which must be loaded: `shared_preload_libraries`).
 * A page whose answers are all kept should send none. Logs in as the coordinator (and the auditor
 * for the audit page) with the bench's password, so start the platform with
 * `REGIE_LOCAL_PASSWORD=bench-wachtwoord`.
 *
 *   DATABASE_URL=… node -r @swc-node/register bench/src/request-cost/page-statements.ts <url> [amount] [page,page…]
 */
const PAGES: [name: string, path: string, as?: 'auditor'][] = [
  ['home', '/'],
  ['werkagenda', '/werkagenda'],
  ['action', '/acties/2.1'],
  ['toezeggingen', '/toezeggingen'],
  ['kwartaalprojectie', '/voortgangsrapportage'],
  ['audit', '/audit', 'auditor'],
];

async function main(): Promise<void> {
  const [url = 'http://127.0.0.1:3000', amount = '1000', only] = process.argv.slice(2);
  const cookies = { coordinator: await portalLogin(url), auditor: await portalLogin(url, 'auditor') };
  const pg = new Client({ connectionString: process.env.DATABASE_URL });
  await pg.connect();
  await pg.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
  const statements = async () => Number((await pg.query('SELECT coalesce(sum(calls), 0) AS n FROM pg_stat_statements')).rows[0].n);
  try {
    for (const [name, path, as] of PAGES) {
      if (only && !only.split(',').includes(name)) continue;
      const headers = { cookie: cookies[as ?? 'coordinator'] };
      await autocannon({ url: url + path, connections: 1, amount: 200, headers });
      const before = await statements();
      const run = await autocannon({ url: url + path, connections: 1, amount: Number(amount), headers });
      const perPage = ((await statements()) - before - 1) / Number(amount); // less the count itself
      console.log(
        `${name.padEnd(18)} p50 ${run.latency.p50} ms, p99 ${run.latency.p99} ms, ${Math.round(run.requests.average)} pages/s, ` +
          `${run.non2xx} not 2xx, ${perPage.toFixed(2)} statements per page`,
      );
    }
  } finally {
    await pg.end();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
