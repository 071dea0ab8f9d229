import type { DataSource, EntityManager } from 'typeorm';
import type { EventStore, IntegrationMessage, MessageSource, RecordedEvent } from '@regie/es-core';
import { recordReadPosition } from './idempotent-consumer';
import type { Projection } from './projection';
import { ProjectionRunner } from './projection-runner';

/** A consumer of another context's integration events that feeds tables of this read model. */
export interface ConsumerDefinition {
  name: string;
  topic: string;
  handle: (message: IntegrationMessage, em: EntityManager) => Promise<void>;
  /** Optional: the same for several messages in order, at once (e.g. multi-row writes); used for batches. */
  handleBatch?: (messages: IntegrationMessage[], em: EntityManager) => Promise<void>;
  /** Optional: the message types it applies; others are passed over, not recorded (as IdempotentConsumer). */
  handles?: (type: string) => boolean;
}

export interface ReadModelDefinition {
  /** Checkpoint name and live schema, e.g. 'actions'. */
  name: string;
  schema: string;
  /** Projections of the context's own store events. */
  projections: Projection[];
  /** Tables fed by other contexts' integration events (rebuilt through their producers' mappings). */
  consumers?: ConsumerDefinition[];
  /** Opens a DataSource on `schema` with this read model's entities and migrations run. */
  openDataSource: (schema: string) => Promise<DataSource>;
}

/** topic → the producing context's mapping from its store events to integration messages. */
export type MessageSources = Record<string, MessageSource>;

/**
 * Everything that builds a read model, as projections over the one store: its own projections,
 * and each consumer fed the messages its producer makes of the same events, in the same global
 * order the in-process bus delivers them. Exactly once without a row per message: the runner
 * hands each event over once, after its checkpoint, and each consumer records how far it has read
 * in the same transaction (`consumer_positions`). After a swap a live consumer resumes there, and
 * passes over a message delivered again at or before it (a Kafka group's older offset).
 */
export function projectionsOf(model: ReadModelDefinition, sources: MessageSources = {}): Projection[] {
  const consumers = (model.consumers ?? []).map((consumer): Projection => {
    const mapping = sources[consumer.topic];
    if (!mapping) throw new Error(`${model.name}: no message source for ${consumer.topic} to rebuild ${consumer.name}`);
    const source = remembered(mapping);
    const wanted = (m: IntegrationMessage | undefined): m is IntegrationMessage =>
      m?.topic === consumer.topic && (consumer.handles?.(m.type) ?? true);
    return {
      name: consumer.name,
      apply: async (event, em) => {
        const message = source(event);
        if (wanted(message)) await consumer.handle(message, em);
        await recordReadPosition(em, consumer.name, event.position);
      },
      applyBatch: async (events, em) => {
        const messages = events.map(source).filter(wanted);
        if (messages.length > 0 && consumer.handleBatch) await consumer.handleBatch(messages, em);
        else for (const message of messages) await consumer.handle(message, em);
        await recordReadPosition(em, consumer.name, events[events.length - 1].position);
      },
    };
  });
  return [...model.projections, ...consumers];
}

/**
 * The mapping, computed once per event: in a rebuild every consumer of a topic (and every read
 * model rebuilt in the same pass) sees the same page of events, and the mapping validates each
 * message against its contract. Held only as long as the event objects live (one page).
 */
const mapped = new WeakMap<MessageSource, WeakMap<RecordedEvent, IntegrationMessage | null>>();
function remembered(source: MessageSource): MessageSource {
  let seen = mapped.get(source);
  if (!seen) mapped.set(source, (seen = new WeakMap()));
  const memo = seen;
  return (event) => {
    let message = memo.get(event);
    if (message === undefined) memo.set(event, (message = source(event) ?? null));
    return message ?? undefined;
  };
}

export interface TableChecksum {
  table: string;
  rows: number;
  checksum: string;
}

/**
 * Rebuilds a read model from position 0 into a fresh schema `<schema>__rebuild`.
 * Resumable: the rebuild schema keeps its own checkpoint, so a rerun after an interruption
 * continues where it stopped (pass `fresh: true` to start over).
 */
export async function rebuildInto(
  store: EventStore,
  model: ReadModelDefinition,
  options: RebuildOptions = {},
): Promise<{ schema: string; position: number; dataSource: DataSource }> {
  const { position, rebuilt } = await rebuildAllInto(store, [model], options);
  return { position, ...rebuilt[0] };
}

export interface RebuildOptions {
  fresh?: boolean;
  onProgress?: (position: number) => void;
  sources?: MessageSources;
  /** Only the events up to and including this global position. */
  toPosition?: number;
  /** Only the events that had occurred by then (occurredAt, the platform clock's time, as `?asOf`). */
  toTime?: Date;
}

/**
 * rebuildInto for several read models in one pass over the store: each page of events is read
 * once and applied to every model at the same time (each in its own transaction, with its own
 * checkpoint, so each stays resumable on its own). Pages of 5,000 events; the next page is read
 * while one is applied; batches commit without waiting for each WAL flush (relaxedDurability).
 */
export async function rebuildAllInto(
  store: EventStore,
  models: ReadModelDefinition[],
  options: RebuildOptions = {},
): Promise<{ position: number; rebuilt: { schema: string; dataSource: DataSource }[] }> {
  const rebuilt: { schema: string; dataSource: DataSource; runner: ProjectionRunner }[] = [];
  for (const model of models) {
    const schema = `${model.schema}__rebuild`;
    if (options.fresh) await dropSchema(await model.openDataSource(model.schema), schema, true);
    const dataSource = await model.openDataSource(schema);
    const runner = new ProjectionRunner({
      name: model.name,
      store,
      dataSource,
      projections: projectionsOf(model, options.sources),
      relaxedDurability: true,
    });
    rebuilt.push({ schema, dataSource, runner });
  }
  const limit = 5000;
  const last = options.toPosition ?? Number.POSITIVE_INFINITY;
  const occurred = options.toTime?.getTime();
  let position = Math.min(...(await Promise.all(rebuilt.map((r) => r.runner.resume()))));
  let applied = 0;
  let analyzed = false;
  let next = store.readAll({ after: position, limit });
  for (;;) {
    const read = await next;
    if (read.length === 0 || read[0].position > last) break;
    const page = read.filter((e) => e.position <= last && (occurred === undefined || e.occurredAt.getTime() <= occurred));
    position = Math.min(read[read.length - 1].position, last);
    next = store.readAll({ after: position, limit }); // read ahead while this page is applied
    next.catch(() => undefined); // a failure surfaces at the next await
    const results = await Promise.allSettled(rebuilt.map((r) => r.runner.applyPage(page)));
    const failed = results.find((a): a is PromiseRejectedResult => a.status === 'rejected');
    if (failed) throw failed.reason;
    options.onProgress?.(position);
    applied += read.length;
    if (!analyzed && applied >= ANALYZE_AT) {
      // Tables that grow from nothing have no planner statistics until autovacuum comes by, and
      // the consumers' joins over them (milestones moved to their action's werkagenda) would scan
      // them. Statistics of a small part are enough: the planner scales them by the table's size.
      await analyze(rebuilt);
      analyzed = true;
    }
  }
  // And at the end, so that queries on a swapped-in read model use its indexes from the first request.
  await analyze(rebuilt);
  return {
    position: Math.max(position, ...rebuilt.map((r) => r.runner.checkpoint)),
    rebuilt: rebuilt.map(({ schema, dataSource }) => ({ schema, dataSource })),
  };
}

/** Events applied before a rebuild gathers planner statistics of its tables (and again at the end). */
const ANALYZE_AT = 20_000;

async function analyze(rebuilt: { schema: string; dataSource: DataSource }[]): Promise<void> {
  for (const { schema, dataSource } of rebuilt) {
    const tables: { table_name: string }[] = await dataSource.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_type = 'BASE TABLE'`,
      [schema],
    );
    for (const { table_name } of tables) await dataSource.query(`ANALYZE "${schema}"."${table_name}"`);
  }
}

/** A read model's own bookkeeping, not what it shows: migrations, checkpoints, the consumers' records. */
export const BOOKKEEPING_TABLES = ['migrations', 'projection_checkpoints', 'processed_messages', 'consumer_positions'];

/** Row count and an order-independent checksum of every read-model table in a schema (its bookkeeping left out). */
export async function checksums(ds: Pick<DataSource, 'query'>, schema: string): Promise<TableChecksum[]> {
  const tables: { table_name: string }[] = await ds.query(
    `SELECT table_name FROM information_schema.tables
     WHERE table_schema = $1 AND table_type = 'BASE TABLE' AND NOT (table_name = ANY ($2))
     ORDER BY table_name`,
    [schema, BOOKKEEPING_TABLES],
  );
  const result: TableChecksum[] = [];
  for (const { table_name } of tables) {
    const [row] = await ds.query(
      `SELECT count(*)::int AS rows, md5(coalesce(string_agg(md5(t::text), '' ORDER BY md5(t::text)), '')) AS checksum
       FROM "${schema}"."${table_name}" t`,
    );
    result.push({ table: table_name, rows: row.rows, checksum: row.checksum });
  }
  return result;
}

/**
 * Swaps a rebuilt schema in for the live one in one transaction. Stop the live runner first.
 * Checkpoints the rebuild did not make (e.g. the relay's) are carried over, so a relay does not
 * publish the whole history again.
 */
export async function swapIn(ds: DataSource, live: string, rebuilt: string): Promise<void> {
  await ds.transaction(async (em) => {
    await em.query(
      `INSERT INTO "${rebuilt}".projection_checkpoints (name, position)
       SELECT name, position FROM "${live}".projection_checkpoints ON CONFLICT (name) DO NOTHING`,
    );
    await em.query(`ALTER SCHEMA "${live}" RENAME TO "${live}__old"`);
    await em.query(`ALTER SCHEMA "${rebuilt}" RENAME TO "${live}"`);
    await em.query(`DROP SCHEMA "${live}__old" CASCADE`);
  });
}

export async function dropSchema(ds: DataSource, schema: string, closeAfter = false): Promise<void> {
  await ds.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  if (closeAfter) await ds.destroy();
}
