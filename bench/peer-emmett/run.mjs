// Emmett's PostgreSQL event store under one of the bench's peer workloads (bench/src/peer-emmett.ts
// runs the same ones against Regie's store): node run.mjs <databaseUrl> <case> <seconds | events>.
// Prints one JSON line: {"name", "value"} (events/s).
import { getPostgreSQLEventStore, readMessagesBatch } from '@event-driven-io/emmett-postgresql';
import { dumbo } from '@event-driven-io/dumbo';
import { randomUUID } from 'node:crypto';

const [url, name, amountArg] = process.argv.slice(2);
const amount = Number(amountArg);
const store = getPostgreSQLEventStore(url);

/** The same event as bench/src/append-throughput.ts: a planned milestone with request metadata. */
const event = (n) => ({
  type: 'MilestonePlanned',
  data: {
    milestoneId: randomUUID(),
    actionCode: '2.1',
    title: `Plan van aanpak voor het verbeteren van de samenwerking – regio ${n}`,
    dueDate: '2026-05-31',
  },
  metadata: { actor: { userId: 'bench-actiehouder', role: 'actiehouder' }, correlationId: randomUUID(), causationId: randomUUID() },
});

async function runFor(seconds, writers, work) {
  let events = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      while (performance.now() < deadline) {
        const n = await work(w);
        events += n;
      }
    }),
  );
  return events / ((performance.now() - started) / 1000);
}

const versions = new Map();
const append = (tag, batch) => async (w) => {
  const stream = `e-${tag}-${w}`;
  const expected = versions.get(stream) ?? 'STREAM_DOES_NOT_EXIST';
  const result = await store.appendToStream(
    stream,
    Array.from({ length: batch }, (_, i) => event(i)),
    { expectedStreamVersion: expected },
  );
  versions.set(stream, result.nextExpectedStreamVersion);
  return batch;
};
const tag = randomUUID().slice(0, 8); // streams of an earlier run of the same case exist already

const cases = {
  'append-1w-1e': () => runFor(amount, 1, append(tag, 1)),
  'append-16w-1e': () => runFor(amount, 16, append(tag, 1)),
  'append-16w-10e': () => runFor(amount, 16, append(tag, 10)),
  /** `amount` events in 10-event appends by 16 writers, plus one stream of 100 for read-stream-100. */
  fill: async () => {
    let left = amount - 100;
    await store.appendToStream(
      'e-read',
      Array.from({ length: 100 }, (_, i) => event(i)),
      { expectedStreamVersion: 'STREAM_DOES_NOT_EXIST' },
    );
    const work = append(`fill-${tag}`, 10);
    await Promise.all(
      Array.from({ length: 16 }, async (_, w) => {
        while (left > 0) {
          left -= 10;
          await work(w);
        }
      }),
    );
    return amount;
  },
  'read-stream-100': () => runFor(amount, 1, async () => (await store.readStream('e-read')).events.length),
  /** Everything in global order, pages of 1,000 (readMessagesBatch, what its consumers pull with). */
  'read-all': async () => {
    const pool = dumbo({ connectionString: url });
    const started = performance.now();
    let after = 0n;
    let events = 0;
    for (;;) {
      const batch = await readMessagesBatch(pool.execute, { after, batchSize: 1000 });
      events += batch.messages.length;
      if (batch.messages.length === 0 || !batch.areMessagesLeft) break;
      after = batch.currentGlobalPosition;
    }
    await pool.close();
    return events / ((performance.now() - started) / 1000);
  },
  /**
   * A reactor (Emmett's processor, default options) from the beginning with a handler that only
   * counts, storing its checkpoint as it goes; it stops after the last event (stopAfter).
   */
  'replay-reactor': async () => {
    const pool = dumbo({ connectionString: url });
    let last = 0n;
    for (let after = 0n; ;) {
      const batch = await readMessagesBatch(pool.execute, { after, batchSize: 1000 });
      if (batch.messages.length > 0) last = batch.messages[batch.messages.length - 1].metadata.globalPosition;
      if (batch.messages.length === 0 || !batch.areMessagesLeft) break;
      after = batch.currentGlobalPosition;
    }
    await pool.close();
    let seen = 0;
    const consumer = store.consumer();
    consumer.reactor({
      processorId: `bench-${tag}`,
      startFrom: 'BEGINNING',
      stopAfter: (message) => message.metadata.globalPosition >= last,
      eachMessage: async () => void seen++,
    });
    const started = performance.now();
    const timeout = setTimeout(() => void consumer.stop(), 300_000);
    await consumer.start();
    clearTimeout(timeout);
    const value = seen / ((performance.now() - started) / 1000);
    await consumer.close?.();
    return value;
  },
};

try {
  if (!cases[name]) throw new Error(`unknown case ${name}`);
  console.log(JSON.stringify({ name, value: await cases[name]() }));
  await store.close();
  process.exit(0);
} catch (error) {
  console.log(JSON.stringify({ name, value: null, error: String(error?.message ?? error) }));
  process.exit(1);
}
