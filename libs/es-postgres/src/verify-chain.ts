import type { Pool } from 'pg';
import { chainHash, GENESIS } from './hash-chain';
import { toRecorded } from './rows';

export interface ChainProblem {
  position: number;
  kind: 'gap' | 'hash-mismatch' | 'head-mismatch' | 'checkpoint-mismatch';
  detail: string;
}

export interface ChainReport {
  ok: boolean;
  events: number;
  head: { position: number; hash: string };
  checkedAt: string;
  problems: ChainProblem[];
}

const PAGE = 5000;

/**
 * Recomputes the hash chain over the global order and reports the first broken link: a row
 * altered (its hash no longer matches), deleted (a gap in positions) or reordered (hashes no
 * longer chain), a head that does not match the last event, or an earlier verified checkpoint
 * that no longer matches. An intact chain is recorded as a new checkpoint.
 *
 * What it proves: the stored history is the one that was appended, unless someone rewrote the
 * whole chain from a point on AND every checkpoint after it. Checkpoints in the same database
 * only raise that bar; copy the printed head (position + hash) somewhere else to make it proof.
 */
export async function verifyChain(
  pool: Pool,
  schema = 'es',
  onProgress?: (position: number) => void,
  now = new Date(),
): Promise<ChainReport> {
  const s = `"${schema}"`;
  const problems: ChainProblem[] = [];
  const checkpoints = new Map<number, string>(
    (await pool.query(`SELECT position, hash FROM ${s}.chain_checkpoints`)).rows.map((r) => [Number(r.position), r.hash]),
  );
  // The head is read first: appends that commit during the check are beyond it and not checked.
  const head = (await pool.query(`SELECT position, hash FROM ${s}.head`)).rows[0];
  const until = Number(head.position);
  let previous = GENESIS;
  let expected = 1;
  let events = 0;
  for (let after = 0; problems.length === 0 && after < until;) {
    const { rows } = await pool.query(`SELECT * FROM ${s}.events WHERE position > $1 AND position <= $2 ORDER BY position LIMIT ${PAGE}`, [
      after,
      until,
    ]);
    if (rows.length === 0) break;
    for (const row of rows) {
      const position = Number(row.position);
      if (position !== expected) {
        problems.push({
          position: expected,
          kind: 'gap',
          detail: `positie ${expected} ontbreekt (volgende is ${position}): een event is verwijderd`,
        });
        break;
      }
      const hash = chainHash(previous, toRecorded(row));
      if (hash !== row.hash) {
        problems.push({ position, kind: 'hash-mismatch', detail: `event ${row.event_id} (${row.type}) is gewijzigd of verplaatst` });
        break;
      }
      const checkpoint = checkpoints.get(position);
      if (checkpoint !== undefined && checkpoint !== hash) {
        problems.push({
          position,
          kind: 'checkpoint-mismatch',
          detail: `de keten tot positie ${position} wijkt af van een eerder gecontroleerd ijkpunt`,
        });
        break;
      }
      previous = hash;
      expected = position + 1;
      events++;
    }
    after = Number(rows[rows.length - 1].position);
    onProgress?.(after);
  }
  if (problems.length === 0 && (until !== events || head.hash !== previous)) {
    problems.push({
      position: Number(head.position),
      kind: 'head-mismatch',
      detail: `de kop (positie ${head.position}) past niet bij het laatste event (${events})`,
    });
  }
  const ok = problems.length === 0;
  if (ok && events > 0) {
    await pool.query(`INSERT INTO ${s}.chain_checkpoints (position, hash, verified_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [
      events,
      previous,
      now,
    ]);
  }
  return { ok, events, head: { position: Number(head.position), hash: head.hash }, checkedAt: now.toISOString(), problems };
}

/**
 * Events stored before the chain existed get their hashes once, in order, under the head lock:
 * only for a store where no event has a hash yet. A store where some rows lost their hash has
 * been tampered with: refuse to start rather than re-hash (and so launder) altered content.
 */
export async function backfillChain(pool: Pool, s: string): Promise<void> {
  const { rows } = await pool.query(
    `SELECT count(*) FILTER (WHERE hash IS NULL)::int AS missing, count(hash)::int AS hashed FROM ${s}.events`,
  );
  if (rows[0].missing === 0) return;
  if (rows[0].hashed > 0) {
    throw new Error(
      `event store: ${rows[0].missing} events have no chain hash although others do; the history may have been altered. Run "npm run regie -- verify" and investigate; the store is not opened.`,
    );
  }
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(`SELECT 1 FROM ${s}.head FOR UPDATE`);
    let previous = GENESIS;
    for (let after = 0; ;) {
      const page = (await client.query(`SELECT * FROM ${s}.events WHERE position > $1 ORDER BY position LIMIT ${PAGE}`, [after])).rows;
      if (page.length === 0) break;
      for (const row of page) {
        previous = chainHash(previous, toRecorded(row));
        await client.query(`UPDATE ${s}.events SET hash = $1 WHERE position = $2`, [previous, row.position]);
      }
      after = Number(page[page.length - 1].position);
    }
    await client.query(`UPDATE ${s}.head SET hash = $1`, [previous]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
