import { Pool } from 'pg';
import { type NewEvent, newId } from '@regie/es-core';
import { PostgresEventStore } from '@regie/es-postgres';
import { type ResultRow, row } from './table';

/**
 * Part 1: append throughput of PostgresEventStore against the physical limit, a raw INSERT of
 * the same rows (same statement shape, same columns and indexes) with `pg`, autocommit.
 * Each case runs for a fixed time, in slices alternating with its baseline; writers loop until the
 * deadline; events/s = events / elapsed.
 */
const DDL = (s: string) => `
  CREATE SCHEMA ${s};
  CREATE TABLE ${s}.events (
    position bigint PRIMARY KEY, event_id uuid NOT NULL UNIQUE, stream_id text NOT NULL, revision bigint NOT NULL,
    type text NOT NULL, schema_version integer NOT NULL, data jsonb NOT NULL, metadata jsonb NOT NULL,
    occurred_at timestamptz NOT NULL, recorded_at timestamptz NOT NULL, hash text, UNIQUE (stream_id, revision));
  CREATE TABLE ${s}.head (id boolean PRIMARY KEY DEFAULT true, position bigint NOT NULL);
  INSERT INTO ${s}.head VALUES (true, 0);`;

/** The width of a chain hash (sha256 hex): the raw rows carry one too, computed or not. */
const HASH = 'f'.repeat(64);

/** An event the size of a real one (a planned milestone with request metadata, ~400 bytes of JSON). */
const event = (n: number): NewEvent => ({
  id: newId(),
  type: 'MilestonePlanned',
  schemaVersion: 1,
  occurredAt: new Date(),
  data: {
    milestoneId: newId(),
    actionCode: '2.1',
    title: `Plan van aanpak voor het verbeteren van de samenwerking – regio ${n}`,
    dueDate: '2026-05-31',
  },
  metadata: { actor: { userId: 'bench-actiehouder', role: 'actiehouder' }, correlationId: newId(), causationId: newId() },
});

type Work = (writer: number) => Promise<number>;

async function runFor(seconds: number, writers: number, work: Work): Promise<{ events: number; seconds: number }> {
  let events = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      while (performance.now() < deadline) {
        const appended = await work(w); // not `events += await …`: that reads `events` before the await
        events += appended;
      }
    }),
  );
  return { events, seconds: (performance.now() - started) / 1000 };
}

/**
 * A case and its baseline in alternating slices (baseline, case, baseline, case…), so that both
 * see the same machine even when other work comes and goes on it. Returns [case, baseline] events/s.
 */
async function paired(seconds: number, subject: [number, Work], baseline: [number, Work], rounds = 4): Promise<[number, number]> {
  const total = { subject: { events: 0, seconds: 0 }, baseline: { events: 0, seconds: 0 } };
  for (let r = 0; r < rounds; r++) {
    for (const [key, [writers, work]] of [
      ['baseline', baseline],
      ['subject', subject],
    ] as const) {
      const slice = await runFor(seconds / rounds, writers, work);
      total[key].events += slice.events;
      total[key].seconds += slice.seconds;
    }
  }
  return [total.subject.events / total.subject.seconds, total.baseline.events / total.baseline.seconds];
}

export async function appendThroughput(url: string, seconds: number, onCase: (label: string) => void): Promise<ResultRow[]> {
  const raw = new Pool({ connectionString: url, max: 16 });
  raw.on('error', () => undefined); // an idle connection ended by the server (database dropped) is no failure
  await raw.query(DDL('raw'));
  // 16 writers plus the store's LISTEN connection, which holds one pool slot for good.
  const store = await PostgresEventStore.open({ connectionString: url, poolSize: 17 });
  let position = 0;
  const rawRevision = new Map<string, number>();

  /** The store's own INSERT statement (11 columns), one autocommit statement of `batch` rows. */
  const rawInsert = async (stream: string, batch: number, head: boolean) => {
    const first = (rawRevision.get(stream) ?? -1) + 1;
    rawRevision.set(stream, first + batch - 1);
    const params: unknown[] = [];
    const tuples = Array.from({ length: batch }, (_, i) => {
      const e = event(i);
      params.push(
        ++position,
        e.id,
        stream,
        first + i,
        e.type,
        e.schemaVersion,
        JSON.stringify(e.data),
        JSON.stringify(e.metadata),
        e.occurredAt,
        new Date(),
        HASH,
      );
      return `(${Array.from({ length: 11 }, (_, k) => `$${i * 11 + k + 1}`).join(', ')})`;
    });
    const insert = `INSERT INTO raw.events (position, event_id, stream_id, revision, type, schema_version, data, metadata, occurred_at, recorded_at, hash) VALUES ${tuples.join(', ')}`;
    if (!head) return void (await raw.query(insert, params));
    // Diagnostic: the same insert in a transaction that also holds the head row lock until commit.
    const client = await raw.connect();
    try {
      await client.query('BEGIN');
      await client.query('UPDATE raw.head SET position = position + $1', [batch]);
      await client.query(insert, params);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  };
  const rawWork =
    (batch: number, tag: string, head = false): Work =>
    async (w) => (await rawInsert(`raw-${tag}-${w}`, batch, head), batch);
  const storeRevision = new Map<string, number>();
  const storeWork =
    (batch: number, tag: string, hot: boolean): Work =>
    async (w) => {
      const stream = hot ? `hot-${tag}` : `s-${tag}-${w}`;
      const events = Array.from({ length: batch }, (_, i) => event(i));
      const expected = hot ? 'any' : storeRevision.has(stream) ? storeRevision.get(stream)! : 'no_stream';
      const result = await store.append(stream, events, expected);
      storeRevision.set(stream, result.nextExpectedRevision);
      return batch;
    };

  try {
    onCase('warm-up');
    await paired(1, [16, storeWork(1, 'warm', false)], [16, rawWork(1, 'warm')], 1);
    const rows: ResultRow[] = [];
    const atLeastHalf = (_: number, ratio: number | null) => (ratio ?? 0) >= 0.5;
    for (const batch of [1, 10]) {
      const per = batch === 1 ? '1 event/append' : `${batch} events/append`;
      const perInsert = `${batch} row${batch > 1 ? 's' : ''}/INSERT`;
      const cases: [string, number, Work, boolean][] = [
        [`append, 1 writer, ${per}`, 1, storeWork(batch, `s1b${batch}`, false), true],
        [`append, 16 writers, 16 streams, ${per}`, 16, storeWork(batch, `s16b${batch}`, false), true],
        [`append, 16 writers, ONE stream ('any'), ${per}`, 16, storeWork(batch, `hotb${batch}`, true), true],
        [`diagnostic: raw INSERT + head row lock held to commit, 16 conns, ${perInsert}`, 16, rawWork(batch, `h16b${batch}`, true), false],
      ];
      for (const [figure, writers, work, target] of cases) {
        onCase(`${figure} | raw INSERT, ${writers} conn(s), ${perInsert}, alternating`);
        const [value, raw] = await paired(seconds, [writers, work], [writers, rawWork(batch, `r${writers}b${batch}`)]);
        const baselineOf = `raw INSERT, ${writers} conn${writers > 1 ? 's' : ''}, ${perInsert}`;
        rows.push(
          target
            ? row('1', figure, value, 'events/s', raw, baselineOf, '≥ 50 % of raw', atLeastHalf)
            : row(
                '1',
                figure,
                value,
                'events/s',
                raw,
                baselineOf,
                '—',
                undefined,
                'the global-order design alone: the head row lock serialises commits (no group commit)',
              ),
        );
      }
    }
    return rows;
  } finally {
    await store.close().catch(() => undefined);
    await raw.end();
  }
}
