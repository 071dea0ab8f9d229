import type { Pool, PoolClient } from 'pg';
import { chainHash, chainKeyId, checkpointSignature, GENESIS, sameMac, sealOf } from './hash-chain';
import { toRecorded } from './rows';

export interface ChainProblem {
  /** The first event that is not provably intact; for a missing or extra piece, where it is. */
  position: number;
  kind:
    | 'gap'
    | 'hash-mismatch'
    | 'seal-mismatch'
    | 'seal-missing'
    | 'head-mismatch'
    | 'checkpoint-mismatch'
    | 'checkpoint-forged'
    | 'anchor-mismatch'
    | 'truncated';
  detail: string;
}

export interface ChainReport {
  ok: boolean;
  events: number;
  head: { position: number; hash: string };
  checkedAt: string;
  problems: ChainProblem[];
}

/** A chain head (position and hash) that someone copied outside the database, e.g. from an earlier report. */
export interface ChainAnchor {
  position: number;
  hash: string;
}

export interface VerifyChainOptions {
  /** The chain key (hash-chain.ts): checks and makes seals and checkpoint signatures. */
  key: Buffer;
  schema?: string;
  anchor?: ChainAnchor;
  now?: Date;
  onProgress?: (position: number) => void;
}

const PAGE = 5000;

/** A point where the chain's hash is known from elsewhere: a signed checkpoint or an external anchor. */
interface Reference {
  hash: string;
  kind: 'checkpoint-mismatch' | 'anchor-mismatch';
  what: string;
}

/**
 * Recomputes the hash chain over the global order and reports the first event that is not
 * provably intact:
 * - a row altered, deleted or reordered without recomputing the hashes: its hash no longer
 *   matches (hash-mismatch) or a position is missing (gap);
 * - a history rewritten with recomputed hashes: the first rewritten event's seal no longer
 *   matches (seal-mismatch), or, if the rewriter removed the seals, it is the first event without
 *   one before a sealed event (seal-missing) or before a signed checkpoint or the anchor that now
 *   disagrees; the seals and signatures need the chain key, which is not in the database;
 * - events removed from the end: a signed checkpoint or the anchor lies beyond the head (truncated);
 * - a checkpoint that this key did not sign (checkpoint-forged); unsigned checkpoints from before
 *   signing are no evidence either way and are passed over.
 * An intact chain is sealed (every event not sealed yet) and recorded as a signed checkpoint.
 *
 * What it cannot prove: a rewrite that also removes every seal and checkpoint from the altered
 * event on looks like history nobody verified yet. Only an anchor kept outside the database (the
 * printed head) catches that; the next verification would seal the rewritten history.
 */
export async function verifyChain(pool: Pool, options: VerifyChainOptions): Promise<ChainReport> {
  const { key, now = new Date() } = options;
  const s = `"${options.schema ?? 'es'}"`;
  const keyId = chainKeyId(key);
  // One snapshot for the whole walk: head, checkpoints and seals as they were at one moment, so a
  // verification sealing concurrently is not mistaken for seals that appear out of order.
  const client = await pool.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const report = await walk(client, s, options, keyId);
    await client.query('COMMIT');
    if (report.ok && report.unsealed) await seal(pool, s, report.unsealed, { position: report.events, hash: report.last, key, keyId, now });
    return { ok: report.ok, events: report.events, head: report.head, checkedAt: now.toISOString(), problems: report.problems };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

interface Unsealed {
  positions: number[];
  seals: string[];
}

async function walk(
  db: PoolClient,
  s: string,
  { key, anchor, onProgress }: VerifyChainOptions,
  keyId: string,
): Promise<Omit<ChainReport, 'checkedAt'> & { last: string; unsealed?: Unsealed }> {
  const problems: ChainProblem[] = [];
  const stored = (await db.query(`SELECT position, hash, signature, key_id FROM ${s}.chain_checkpoints ORDER BY position`)).rows;
  const head = (await db.query(`SELECT position, hash FROM ${s}.head`)).rows[0];
  const until = Number(head.position);
  const references = new Map<number, Reference[]>();
  const refer = (position: number, reference: Reference) => references.set(position, [...(references.get(position) ?? []), reference]);
  const untrusted: { position: number; detail: string }[] = [];
  for (const c of stored) {
    const position = Number(c.position);
    if (c.signature === null) continue;
    if (c.key_id !== keyId) {
      untrusted.push({
        position,
        detail: `het ijkpunt op positie ${position} is ondertekend met een andere ketensleutel (${c.key_id}, hier ${keyId})`,
      });
    } else if (!sameMac(c.signature, checkpointSignature(key, position, c.hash))) {
      untrusted.push({ position, detail: `het ijkpunt op positie ${position} is niet met de ketensleutel ondertekend: het is vervalst` });
    } else refer(position, { hash: c.hash, kind: 'checkpoint-mismatch', what: 'ondertekende ijkpunt' });
  }
  if (anchor) refer(anchor.position, { hash: anchor.hash, kind: 'anchor-mismatch', what: 'anker' });

  let previous = GENESIS;
  let expected = 1;
  let events = 0;
  let firstUnsealed: { position: number; label: string } | undefined;
  const unsealed: Unsealed = { positions: [], seals: [] };
  for (let after = 0; problems.length === 0 && after < until;) {
    const { rows } = await db.query(`SELECT * FROM ${s}.events WHERE position > $1 AND position <= $2 ORDER BY position LIMIT ${PAGE}`, [
      after,
      until,
    ]);
    if (rows.length === 0) break;
    for (const row of rows) {
      const position = Number(row.position);
      const label = `event ${row.event_id} (${row.type})`;
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
        problems.push({ position, kind: 'hash-mismatch', detail: `${label} is gewijzigd of verplaatst` });
        break;
      }
      const seal = sealOf(key, position, hash);
      if (row.seal !== null && firstUnsealed) {
        problems.push({
          position: firstUnsealed.position,
          kind: 'seal-missing',
          detail: `${firstUnsealed.label} heeft geen zegel meer, maar positie ${position} wel: de keten is vanaf positie ${firstUnsealed.position} herschreven`,
        });
        break;
      }
      if (row.seal !== null && !String(row.seal).startsWith(`${keyId}:`)) {
        problems.push({
          position,
          kind: 'seal-mismatch',
          detail: `${label} is verzegeld met een andere ketensleutel (${String(row.seal).split(':')[0]}) dan deze (${keyId}): verifieer met de sleutel waarmee verzegeld is, anders is de keten vanaf positie ${position} herschreven`,
        });
        break;
      }
      if (row.seal !== null && !sameMac(row.seal, seal)) {
        problems.push({
          position,
          kind: 'seal-mismatch',
          detail: `${label} is gewijzigd nadat het verzegeld werd: de keten is vanaf positie ${position} herschreven`,
        });
        break;
      }
      if (row.seal === null) {
        firstUnsealed ??= { position, label };
        unsealed.positions.push(position);
        unsealed.seals.push(seal);
      }
      const disagreeing = references.get(position)?.find((r) => r.hash !== hash);
      if (disagreeing) {
        problems.push(
          firstUnsealed
            ? {
                position: firstUnsealed.position,
                kind: disagreeing.kind,
                detail: `het ${disagreeing.what} op positie ${position} wijkt af; ${firstUnsealed.label} is het eerste event zonder zegel: de keten is vanaf positie ${firstUnsealed.position} herschreven`,
              }
            : {
                position,
                kind: disagreeing.kind,
                detail: `het ${disagreeing.what} op positie ${position} wijkt af, terwijl elk event tot daar een geldig zegel heeft: het ${disagreeing.what} hoort bij een andere keten, of de ketensleutel is uitgelekt`,
              },
        );
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
  const beyond = [...references.entries()].find(([position]) => position > until);
  if (problems.length === 0 && beyond) {
    problems.push({
      position: until,
      kind: 'truncated',
      detail: `het ${beyond[1][0].what} noemt positie ${beyond[0]}, maar de keten eindigt bij positie ${until}: events aan het eind zijn verwijderd`,
    });
  }
  if (problems.length === 0 && untrusted.length > 0) {
    const at = firstUnsealed && firstUnsealed.position <= untrusted[0].position ? firstUnsealed : undefined;
    problems.push({
      position: at?.position ?? untrusted[0].position,
      kind: 'checkpoint-forged',
      detail: at ? `${untrusted[0].detail}; vanaf positie ${at.position} (${at.label}) is geen event verzegeld` : untrusted[0].detail,
    });
  }
  const ok = problems.length === 0;
  return {
    ok,
    events,
    head: { position: Number(head.position), hash: head.hash },
    problems,
    last: previous,
    ...(events > 0 ? { unsealed } : {}),
  };
}

/** Seals the events found intact and signs the head as a checkpoint, in one transaction. */
async function seal(
  pool: Pool,
  s: string,
  unsealed: Unsealed,
  checkpoint: ChainAnchor & { key: Buffer; keyId: string; now: Date },
): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    for (let i = 0; i < unsealed.positions.length; i += PAGE) {
      await client.query(
        `UPDATE ${s}.events e SET seal = u.seal FROM unnest($1::bigint[], $2::text[]) AS u(position, seal)
         WHERE e.position = u.position AND e.seal IS NULL`,
        [unsealed.positions.slice(i, i + PAGE), unsealed.seals.slice(i, i + PAGE)],
      );
    }
    // An unsigned checkpoint at the same position (made before signing) is signed now; the same
    // signed checkpoint found again only moves its moment (the signature covers position and hash).
    await client.query(
      `INSERT INTO ${s}.chain_checkpoints (position, hash, verified_at, signature, key_id) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (position) DO UPDATE SET hash = EXCLUDED.hash, verified_at = EXCLUDED.verified_at,
         signature = EXCLUDED.signature, key_id = EXCLUDED.key_id
       WHERE ${s}.chain_checkpoints.signature IS NULL OR ${s}.chain_checkpoints.signature = EXCLUDED.signature`,
      [
        checkpoint.position,
        checkpoint.hash,
        checkpoint.now,
        checkpointSignature(checkpoint.key, checkpoint.position, checkpoint.hash),
        checkpoint.keyId,
      ],
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
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
