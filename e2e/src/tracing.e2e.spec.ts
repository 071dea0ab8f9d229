import { randomBytes } from 'node:crypto';
import { newId } from '@regie/es-core';
import { kafkaBrokersForTests, testDatabase, zipkinForTests } from '@regie/test-kit';
import { seededBoard, startPlatformProcess, type PlatformProcess } from './platform-process';

const brokers = kafkaBrokersForTests('tracing e2e suite');
const zipkin = zipkinForTests('tracing e2e suite');
const suite = brokers && zipkin ? describe : describe.skip;

/** A span as Zipkin's API v2 answers it (names and service names lower-cased by Zipkin). */
interface ZipkinSpan {
  traceId: string;
  id: string;
  parentId?: string;
  name: string;
  kind?: string;
  localEndpoint?: { serviceName?: string };
  tags?: Record<string, string>;
}

/**
 * Issue 18's traces, proven with a real Zipkin: actions and monitoring as separate processes over
 * a real Kafka broker, exporting with the Zipkin exporter; one write's trace, from the caller's
 * `traceparent` through the request, command, append, relay publish and Kafka to monitoring's
 * consumer and its read-model write, is one trace id in Zipkin with spans from both services.
 */
suite('a write traced across services and Kafka into Zipkin', () => {
  it('finds one trace in Zipkin from the request in actions to the read-model write in monitoring', async () => {
    const db = await testDatabase('tracing');
    const env = {
      DATABASE_URL: db.url,
      REGIE_BUS: 'kafka',
      KAFKA_BROKERS: brokers!.join(','),
      REGIE_BUS_KEYS: `k1:${randomBytes(32).toString('base64')}`, // the processes sign and verify with one key
      KAFKA_NAMESPACE: `e2e-${newId().slice(-8)}.`,
      REGIE_NOW: '2026-03-15T09:00:00Z',
      REGIE_LOG_FORMAT: 'json',
      OTEL_TRACES_EXPORTER: 'zipkin',
      OTEL_EXPORTER_ZIPKIN_ENDPOINT: `${zipkin}/api/v2/spans`,
      OTEL_BSP_SCHEDULE_DELAY: '200', // spans leave within a fraction of a second
    };
    const processes: PlatformProcess[] = [];
    const start = async (extra: Record<string, string>) => {
      const p = await startPlatformProcess({ ...env, ...extra });
      processes.push(p);
      return p;
    };
    const until = async <T>(check: () => Promise<T | undefined>, what: string, ms = 30_000): Promise<T> => {
      for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 250))) {
        const found = await check();
        if (found !== undefined) return found;
      }
      throw new Error(`not reached in time: ${what}`);
    };
    try {
      // Request lines (info) of actions are wanted: they name the correlation and trace ids.
      const actions = await start({ REGIE_SERVICES: 'actions', REGIE_LOG_LEVEL: 'log' });
      const monitoring = await start({ REGIE_SERVICES: 'monitoring', REGIE_SEED: 'false' });
      const milestones = async () => (await seededBoard<{ milestones: { id: string }[] }>(monitoring.api)).flatMap((a) => a.milestones);
      await until(async () => ((await milestones()).length === 16 ? true : undefined), 'the seed on the board');

      // The caller starts the trace (W3C traceparent) and names the correlation id.
      const traceId = randomBytes(16).toString('hex');
      const callerSpan = randomBytes(8).toString('hex');
      const correlationId = `trace-e2e-${newId()}`;
      const res = await actions.api.fetch('/api/v1/actions/2.2/milestones', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          traceparent: `00-${traceId}-${callerSpan}-01`,
          'x-correlation-id': correlationId,
        },
        body: JSON.stringify({ title: 'Gevolgd tot in Zipkin', dueDate: '2026-10-01' }),
      });
      expect(res.status).toBe(201);
      const { id } = (await res.json()) as { id: string };
      await until(async () => ((await milestones()).some((m) => m.id === id) ? true : undefined), 'the write on the board');

      // Its log line leads from the correlation id to the trace id.
      const requestLine = actions
        .output()
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as { correlationId?: string; traceId?: string; msg?: string })
        .find((line) => line.correlationId === correlationId && line.msg?.startsWith('POST'));
      expect(requestLine?.traceId).toBe(traceId);

      // Zipkin holds the trace with both services' spans, once the consumer's spans arrived.
      const spans = await until(async () => {
        const answer = await fetch(`${zipkin}/api/v2/trace/${traceId}`);
        if (!answer.ok) return undefined;
        const found = (await answer.json()) as ZipkinSpan[];
        // Each process exports on its own schedule: wait for the consumer's write and the request's spans.
        const done =
          found.some((s) => s.name.startsWith('read-model write')) &&
          found.some((s) => s.localEndpoint?.serviceName === 'regie-actions' && s.name.startsWith('post '));
        return done ? found : undefined;
      }, `trace ${traceId} in Zipkin with monitoring's read-model write`);
      const services = new Set(spans.map((s) => s.localEndpoint?.serviceName));
      expect([...services].sort()).toEqual(['regie-actions', 'regie-monitoring']);
      expect(spans.every((s) => s.traceId === traceId)).toBe(true);

      const byName = (service: string, name: (n: string) => boolean) =>
        spans.filter((s) => s.localEndpoint?.serviceName === service && name(s.name));
      const one = (service: string, name: (n: string) => boolean, what: string) => {
        const found = byName(service, name);
        if (found.length !== 1) throw new Error(`expected one ${what} span of ${service}, found: ${spans.map((s) => s.name).join(', ')}`);
        return found[0];
      };
      const http = one('regie-actions', (n) => n === 'post /api/v1/actions/:code/milestones', 'request');
      const command = one('regie-actions', (n) => n === 'command planmilestone', 'command');
      const append = one('regie-actions', (n) => n.startsWith('append '), 'append');
      const publish = one('regie-actions', (n) => n === 'publish regie.actions.v1', 'relay publish');
      const process = one('regie-monitoring', (n) => n === 'process regie.actions.v1', 'consumer');
      const write = one('regie-monitoring', (n) => n === 'read-model write monitoring.actions', 'read-model write');

      // One chain, each span the child of the one before: caller → request → command → append → publish → consume → write.
      expect(http.parentId).toBe(callerSpan);
      expect(command.parentId).toBe(http.id);
      expect(append.parentId).toBe(command.id);
      expect(publish.parentId).toBe(append.id);
      expect(process.parentId).toBe(publish.id);
      expect(write.parentId).toBe(process.id);
      expect([http.kind, publish.kind, process.kind]).toEqual(['SERVER', 'PRODUCER', 'CONSUMER']);
      // The correlation id travelled in the Kafka message's headers to the consumer.
      expect(process.tags?.['regie.correlation_id']).toBe(correlationId);
      expect(process.tags?.['messaging.consumer.group.name']).toBe('monitoring.actions');
      expect(http.tags?.['http.response.status_code']).toBe('201');

      // Zipkin's search by service finds it too, under each of the two services.
      for (const service of ['regie-actions', 'regie-monitoring']) {
        const listed = (await (await fetch(`${zipkin}/api/v2/traces?serviceName=${service}&limit=1000`)).json()) as ZipkinSpan[][];
        expect(listed.some((trace) => trace[0]?.traceId === traceId)).toBe(true);
      }
    } finally {
      await Promise.all(processes.map((p) => p.stop()));
      await db.drop();
    }
  });
});
