import autocannon from 'autocannon';
import { CODES, login, milestoneWrites } from '../http-latency';

/**
 * What a write costs a running platform: `POST …/milestones` on one connection (autocannon,
 * `amount` writes after 100), each a new milestone on the next of part 2's actions, with p50, p90,
 * p99 and writes/s. Start the platform with `REGIE_LOCAL_PASSWORD=bench-wachtwoord`; run it beside
 * `pg_stat_statements` for the statements per write, or with `--cpu-prof` for where the time goes.
 *
 *   node -r @swc-node/register bench/src/request-cost/write-cost.ts <url> [amount] [label]
 */
async function main(): Promise<void> {
  const [url = 'http://127.0.0.1:3000', amount = '1500', label = 'writes'] = process.argv.slice(2);
  const auth = await login(url);
  const started = Date.now(); // titles of this run, apart from an earlier run's on the same store
  const write = milestoneWrites(auth, CODES, (n) => `Voorbeeldmijlpaal ${label} ${started}-${n}`);
  await autocannon({ url, connections: 1, amount: 100, requests: [write] });
  const run = await autocannon({ url, connections: 1, amount: Number(amount), requests: [write] });
  console.log(
    `${label}: p50 ${run.latency.p50} ms, p90 ${run.latency.p90} ms, p99 ${run.latency.p99} ms, ` +
      `${Math.round(run.requests.average)} writes/s, ${run.non2xx} not 2xx`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
