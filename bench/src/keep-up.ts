import { Client } from 'pg';
import { TIME_TRAVEL_SNAPSHOT_EVERY } from '@regie/read-model';
import { PeakSampler, rssMb } from './memory';
import { readModelSchemas } from './replay';
import { spawnPlatform } from './startup';

/** The platform's read models keep up this long after a start (REGIE_TIME_TRAVEL_KEEP_UP_MINUTES=1; 2 minutes by default). */
const FIRST_AFTER_MS = 60_000;
const GIVE_UP_MS = 20 * 60_000;
const KEPT_UP = /"context":"([^"]+)","msg":"time-travel snapshots brought up to date/g;

export interface KeepUp {
  /** Read models whose time-travel snapshots were behind the head by a snapshot interval or more. */
  behind: number;
  /** Of them, those that logged their snapshots brought up to date. */
  keptUp: number;
  /** Peak RSS of the platform from its start until the last of them (or until it ended). */
  rss: number;
  /** From the first keep-up (a minute after the start) until the last read model's. */
  seconds: number;
  /** How the platform ended meanwhile ("signal SIGABRT": out of heap), if it did. */
  ended?: string;
}

/**
 * What the platform does a little after every start (two minutes by default, one here): each of
 * its read models whose time-travel snapshots are a snapshot interval or more behind the store's
 * head takes the ones it lacks, one read model after another. On a store loaded in one go none has
 * any yet, so this is the most the platform ever does in the background. A platform of its own with
 * `npm start`'s heap limit; its peak RSS and how long the read models took.
 */
export async function measureKeepUp(url: string): Promise<KeepUp> {
  const behind = await readModelsBehind(url);
  const platform = await spawnPlatform({ DATABASE_URL: url, REGIE_TIME_TRAVEL_KEEP_UP_MINUTES: '1' });
  const peak = new PeakSampler(async () => ({ rss: await rssMb(platform.pid) })).start();
  const started = performance.now();
  const keptUp = new Set<string>();
  try {
    while (behind > 0 && keptUp.size < behind && !platform.ended() && performance.now() - started < GIVE_UP_MS) {
      await new Promise((r) => setTimeout(r, 1000));
      for (const [, context] of platform.output().matchAll(KEPT_UP)) keptUp.add(context);
    }
    const seconds = Math.max(0, (performance.now() - started - FIRST_AFTER_MS) / 1000);
    return { behind, keptUp: keptUp.size, rss: (await peak.stop()).rss, seconds, ended: platform.ended() };
  } finally {
    await peak.stop();
    await platform.stop();
  }
}

/** How many read models' newest time-travel snapshot is a snapshot interval or more behind the store's head. */
async function readModelsBehind(url: string): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const head = Number((await client.query(`SELECT position FROM es.head`)).rows[0]?.position ?? 0);
    let behind = 0;
    for (const schema of readModelSchemas(url)) {
      const { rows } = await client.query<{ newest: string | null }>(
        `SELECT max(substr(nspname, length($1) + 1)::bigint) AS newest FROM pg_namespace WHERE starts_with(nspname, $1)`,
        [`${schema}__snap_`],
      );
      if (head - Number(rows[0].newest ?? 0) >= TIME_TRAVEL_SNAPSHOT_EVERY) behind++; // it keeps up
    }
    return behind;
  } finally {
    await client.end();
  }
}
