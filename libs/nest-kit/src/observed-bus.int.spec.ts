import { context, propagation, trace } from '@opentelemetry/api';
import { InMemorySpanExporter, type ReadableSpan, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { PinoLogger } from 'nestjs-pino';
import type { DataSource } from 'typeorm';
import { EventStore, InProcessBus, type IntegrationMessage, newId, type RecordedEvent } from '@regie/es-core';
import { PostgresEventStore } from '@regie/es-postgres';
import { IdempotentConsumer, openReadModelDataSource, Relay } from '@regie/read-model';
import { testDatabase } from '@regie/test-kit';
import { createLogger } from './logging';
import { observedBus, tracedStore } from './observed-bus';
import { inSpan } from './tracing';

const TOPIC = 'regie.test.v1';
const toMessage = (event: RecordedEvent): IntegrationMessage => ({
  topic: TOPIC,
  key: event.streamId,
  eventId: event.id,
  type: `${event.type}V1`,
  payload: event.data,
  position: event.position,
  occurredAt: event.occurredAt.toISOString(),
});

interface Seen {
  message: IntegrationMessage;
  spanId?: string;
}

/**
 * The embedded shape (in-process bus reading the store) with real PostgreSQL: what a consumer gets
 * besides the payload, what its log lines name, and, with traces on, the spans from append to consumer.
 */
describe('observed bus and traced store', () => {
  async function wiring(traced: boolean, failFirst = false) {
    const db = await testDatabase(`observed_bus_${traced ? 'traced' : 'untraced'}`);
    const lines: Record<string, unknown>[] = [];
    const logger = createLogger({ format: 'json', level: 'log' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
    const postgres = await PostgresEventStore.open({ connectionString: db.url });
    const store: EventStore = traced ? tracedStore(postgres) : postgres;
    const bus = observedBus(new InProcessBus(store, 20), { traced, logger });
    // The in-process bus reads the store itself: the relay only hands it the mapping (no DataSource used).
    new Relay({ name: 'test-relay', topic: TOPIC, store, bus, dataSource: undefined as unknown as DataSource, toMessage });
    const seen: Seen[] = [];
    let failures = failFirst ? 1 : 0;
    const nestLogger = new PinoLogger({}); // what Nest's Logger writes through in the platform
    const subscription = await bus.subscribe(TOPIC, 'test.consumer', async (message) => {
      nestLogger.info('applying the message');
      if (failures-- > 0) throw new Error('the read model is busy');
      seen.push({ message, spanId: trace.getSpan(context.active())?.spanContext().spanId });
    });
    const append = (correlationId: string) =>
      store.append(
        `thing-${newId()}`,
        [
          {
            id: newId(),
            type: 'ThingHappened',
            data: { n: 1 },
            schemaVersion: 1,
            occurredAt: new Date(),
            metadata: { actor: { userId: 'u1', role: 'coordinator' }, correlationId, causationId: newId() },
          },
        ],
        'no_stream',
      );
    const delivered = async (count: number) => {
      for (const end = Date.now() + 10_000; seen.length < count; await new Promise((r) => setTimeout(r, 20)))
        if (Date.now() > end) throw new Error('not delivered');
    };
    const close = async () => {
      await subscription.close();
      await bus.close();
      await postgres.close();
      await db.drop();
    };
    return { store, lines, seen, append, delivered, close };
  }

  it('hands the consumer the correlation id in the headers and names it and the event id on every line about the message; nothing traced when off', async () => {
    const { lines, seen, append, delivered, close } = await wiring(false, true);
    try {
      const correlationId = `corr-${newId()}`;
      await append(correlationId);
      await delivered(1);
      const [{ message }] = seen;
      expect(message.headers).toEqual({ correlationId }); // no traceparent while traces are off
      const about = lines.filter((l) => l.eventId === message.eventId);
      expect(about.map((l) => l.msg)).toEqual([
        'applying the message',
        expect.stringMatching(/^consumer test\.consumer could not apply ThingHappenedV1 .*: the read model is busy$/),
        'applying the message', // the retry
      ]);
      for (const line of about) expect(line).toMatchObject({ correlationId, consumer: 'test.consumer', topic: TOPIC });
      expect(about[1].level).toBe(40); // warn
      expect(JSON.stringify(lines)).not.toContain('"n":1'); // never the payload
    } finally {
      await close();
    }
  });

  it('with traces on, continues the request trace from the append through the stored metadata to the consumer', async () => {
    const exporter = new InMemorySpanExporter();
    const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
    provider.register();
    const { store, lines, seen, append, delivered, close } = await wiring(true);
    try {
      const correlationId = `corr-${newId()}`;
      const { lastPosition } = await inSpan('request', {}, () => append(correlationId));
      await delivered(1);
      // The consumer's span ends once its handler returned.
      for (const end = Date.now() + 5000; !exporter.getFinishedSpans().some((s) => s.name.startsWith('process'));)
        if (Date.now() > end) throw new Error('no consumer span');
        else await new Promise((r) => setTimeout(r, 20));
      const spans = exporter.getFinishedSpans();
      const named = (name: string): ReadableSpan => {
        const found = spans.find((s) => s.name === name);
        if (!found) throw new Error(`no span ${name} among ${spans.map((s) => s.name).join(', ')}`);
        return found;
      };
      const request = named('request');
      const appended = named('append thing');
      const processed = named(`process ${TOPIC}`);
      const traceId = request.spanContext().traceId;
      expect(appended.parentSpanContext?.spanId).toBe(request.spanContext().spanId);
      expect(processed.parentSpanContext?.spanId).toBe(appended.spanContext().spanId);
      expect(processed.spanContext().traceId).toBe(traceId);
      expect(processed.attributes).toMatchObject({
        'regie.correlation_id': correlationId,
        'messaging.consumer.group.name': 'test.consumer',
      });

      // The event keeps the append's trace context; the message carries it with the correlation id.
      const [stored] = await store.readAll({ after: lastPosition - 1, limit: 1 });
      expect(stored.metadata.traceparent).toBe(`00-${traceId}-${appended.spanContext().spanId}-01`);
      expect(seen[0].message.headers).toEqual({ correlationId, traceparent: stored.metadata.traceparent });
      // The handler ran in the consumer's span, and its log line leads to the trace.
      expect(seen[0].spanId).toBe(processed.spanContext().spanId);
      expect(lines.find((l) => l.eventId === stored.id)).toMatchObject({ correlationId, traceId, msg: 'applying the message' });
    } finally {
      await close();
      await provider.shutdown();
      trace.disable();
      propagation.disable();
      context.disable();
    }
  });
  it("with traces on, a batch written in one transaction ends each message's own trace in its read-model write", async () => {
    const exporter = new InMemorySpanExporter();
    const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
    provider.register();
    const db = await testDatabase('observed_bus_batch');
    const postgres = await PostgresEventStore.open({ connectionString: db.url });
    const store = tracedStore(postgres);
    const bus = observedBus(new InProcessBus(store, 20), { traced: true });
    new Relay({ name: 'test-relay', topic: TOPIC, store, bus, dataSource: undefined as unknown as DataSource, toMessage });
    const ds = await openReadModelDataSource({ url: db.url, schema: 'batch_rm', entities: [], migrations: [] });
    const batches: number[] = [];
    const consumer = new IdempotentConsumer({ name: 'test.batch', topic: TOPIC, bus, dataSource: ds, handle: async () => undefined });
    const batchSizes = jest.spyOn(consumer, 'applyAll').mockImplementation(function (this: IdempotentConsumer, messages) {
      batches.push(messages.length);
      return IdempotentConsumer.prototype.applyAll.call(this, messages);
    });
    try {
      // Three requests append before the consumer starts, so it catches up with them in one batch.
      const requests = await Promise.all(
        [1, 2, 3].map((n) =>
          inSpan(`request ${n}`, {}, async () => {
            await store.append(
              `thing-${newId()}`,
              [
                {
                  id: newId(),
                  type: 'ThingHappened',
                  data: { n },
                  schemaVersion: 1,
                  occurredAt: new Date(),
                  metadata: { actor: { userId: 'u1', role: 'coordinator' }, correlationId: `c${n}`, causationId: newId() },
                },
              ],
              'no_stream',
            );
            return trace.getActiveSpan()!.spanContext().traceId;
          }),
        ),
      );
      await consumer.start();
      const writes = () => exporter.getFinishedSpans().filter((span) => span.name === 'read-model write test.batch');
      for (const end = Date.now() + 10_000; writes().length < 3 && Date.now() < end;) await new Promise((r) => setTimeout(r, 20));
      expect(batches).toEqual([3]);
      // Each request's trace holds a write span, the child of that message's own consumer span.
      const processes = exporter.getFinishedSpans().filter((span) => span.name === `process ${TOPIC}`);
      expect(
        writes()
          .map((w) => w.spanContext().traceId)
          .sort(),
      ).toEqual([...requests].sort());
      for (const write of writes()) {
        const parent = processes.find((p) => p.spanContext().spanId === write.parentSpanContext?.spanId);
        expect(parent?.spanContext().traceId).toBe(write.spanContext().traceId);
      }
    } finally {
      batchSizes.mockRestore();
      await consumer.stop();
      await bus.close();
      await ds.destroy();
      await postgres.close();
      await db.drop();
      await provider.shutdown();
      trace.disable();
      propagation.disable();
      context.disable();
    }
  });
});
