import { Client } from 'pg';
import { chainHash, PostgresEventStore } from '@regie/es-postgres';
import { type SyntheticEvent, syntheticHistory } from './synthetic-history';

/**
 * Fixture loading for parts 2, 3 and 5: writes the synthetic history straight into es.events,
 * es.streams and es.head with multi-row INSERTs (INSERT … SELECT FROM unnest(arrays), 2,000 rows
 * per statement), positions contiguous after the current head (from 1 in an empty store, after
 * the seeds once the platform has started on the database). This bypasses
 * PostgresEventStore.append() ON PURPOSE: append is measured in part 1; here we only need a
 * large store quickly. The rows are what append would have written: same columns and JSON, the
 * same hash chain (the store's chainHash, so PostgresEventStore.open finds nothing to backfill),
 * head position and hash, stream rows. The next chunk is generated while the previous INSERT runs.
 */
export interface LoadResult {
  events: number;
  streams: number;
  seconds: number;
}

const CHUNK = 2_000;

export async function loadHistory(
  url: string,
  options: { seed: number; events: number; onProgress?: (n: number) => void },
): Promise<LoadResult> {
  const store = await PostgresEventStore.open({ connectionString: url, poolSize: 2 }); // creates the es schema
  await store.close();
  const client = new Client({ connectionString: url });
  await client.connect();
  const started = performance.now();
  try {
    await client.query('BEGIN');
    const head = (await client.query(`SELECT position, hash FROM es.head FOR UPDATE`)).rows[0];
    const offset = Number(head.position);
    const revisions = new Map<string, number>();
    let inFlight: Promise<unknown> = Promise.resolve();
    let chunk: SyntheticEvent[] = [];
    let loaded = 0;
    let hash: string = head.hash;
    const flush = async () => {
      const hashes = chunk.map((e) => (hash = chainHash(hash, e)));
      const sql = insertEvents(chunk, hashes);
      await inFlight; // one statement at a time on this connection; building the next one overlaps
      inFlight = client.query(sql.text, sql.values);
      inFlight.catch(() => undefined); // a failure surfaces at the next await of inFlight
      loaded += chunk.length;
      chunk = [];
      options.onProgress?.(loaded);
    };
    for (const generated of syntheticHistory(options)) {
      const event = { ...generated, position: generated.position + offset };
      chunk.push(event);
      revisions.set(event.streamId, event.revision);
      if (chunk.length === CHUNK) await flush();
    }
    if (chunk.length) await flush();
    await inFlight;
    const streams = [...revisions];
    for (let i = 0; i < streams.length; i += 10_000) {
      const part = streams.slice(i, i + 10_000);
      await client.query(`INSERT INTO es.streams (stream_id, revision) SELECT * FROM unnest($1::text[], $2::bigint[])`, [
        part.map(([s]) => s),
        part.map(([, r]) => r),
      ]);
    }
    await client.query(`UPDATE es.head SET position = $1, hash = $2`, [offset + loaded, hash]);
    await client.query('COMMIT');
    await client.query('ANALYZE es.events; ANALYZE es.streams');
    return { events: loaded, streams: streams.length, seconds: (performance.now() - started) / 1000 };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

function insertEvents(events: SyntheticEvent[], hashes: string[]): { text: string; values: unknown[] } {
  const columns: unknown[][] = [[], [], [], [], [], [], [], [], [], [], []];
  events.forEach((e, k) => {
    const values = [
      e.position,
      e.id,
      e.streamId,
      e.revision,
      e.type,
      e.schemaVersion,
      JSON.stringify(e.data),
      JSON.stringify(e.metadata),
      e.occurredAt.toISOString(),
      e.recordedAt.toISOString(),
      hashes[k],
    ];
    values.forEach((v, i) => columns[i].push(v));
  });
  return {
    text: `INSERT INTO es.events (position, event_id, stream_id, revision, type, schema_version, data, metadata, occurred_at, recorded_at, hash)
           SELECT * FROM unnest($1::bigint[], $2::uuid[], $3::text[], $4::bigint[], $5::text[], $6::int[], $7::jsonb[], $8::jsonb[], $9::timestamptz[], $10::timestamptz[], $11::text[])`,
    values: columns,
  };
}
