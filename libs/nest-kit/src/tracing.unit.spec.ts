import { context, trace } from '@opentelemetry/api';
import { inSpan, startTracing, traceCarrierOf } from './tracing';

describe('traces configured by OTEL_TRACES_EXPORTER', () => {
  it('registers nothing when off: spans record nothing and no traceparent is written', async () => {
    expect(startTracing({ exporter: 'none', serviceName: 'regie-test' })).toBeUndefined();
    const carrier = await inSpan('work', {}, async (span) => {
      expect(span.isRecording()).toBe(false);
      return traceCarrierOf();
    });
    expect(carrier).toEqual({});
  });

  it.each(['zipkin', 'otlp'] as const)(
    'with %s, records spans and writes their W3C traceparent; shutdown unregisters',
    async (exporter) => {
      const tracing = startTracing({ exporter, serviceName: 'regie-test', zipkinEndpoint: 'http://127.0.0.1:9/api/v2/spans' });
      expect(tracing).toBeDefined();
      try {
        const { carrier, traceId, spanId } = await inSpan('work', {}, async (span) => {
          expect(span.isRecording()).toBe(true);
          return { carrier: traceCarrierOf(), ...span.spanContext() };
        });
        expect(carrier.traceparent).toBe(`00-${traceId}-${spanId}-01`);
      } finally {
        await tracing!.shutdown(); // nothing listens on port 9: the export fails quietly, the shutdown does not
      }
      expect(trace.getSpan(context.active())).toBeUndefined();
      await inSpan('after', {}, async (span) => expect(span.isRecording()).toBe(false));
    },
  );
});
