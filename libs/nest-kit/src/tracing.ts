import {
  type Attributes,
  type Context,
  context,
  type Link,
  propagation,
  type Span,
  SpanKind,
  SpanStatusCode,
  trace,
  type Tracer,
} from '@opentelemetry/api';

/**
 * Traces with OpenTelemetry, configured only by the standard environment variables:
 *
 * - `OTEL_TRACES_EXPORTER`: `zipkin`, `otlp` (OTLP over HTTP) or `none` (the default: off);
 * - `OTEL_EXPORTER_ZIPKIN_ENDPOINT` (default http://localhost:9411/api/v2/spans),
 *   `OTEL_EXPORTER_OTLP_ENDPOINT` / `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` (read by the exporters themselves);
 * - `OTEL_SERVICE_NAME` (default `regie-<hosted services>`).
 *
 * Off, nothing is registered: the code below calls the API's no-op tracer, whose spans record
 * nothing and inject no `traceparent`, and the SDK is not even loaded. The trace context crosses
 * the asynchronous hops as a W3C carrier (`traceparent`, `tracestate`): in the stored event's
 * metadata from the request to the relay, in the message headers from the relay to the consumer,
 * so the event store and the buses (`@regie/es-core`) need no OpenTelemetry of their own.
 */
export type TracesExporter = 'zipkin' | 'otlp' | 'none';

export const TRACES_EXPORTERS: readonly TracesExporter[] = ['zipkin', 'otlp', 'none'];

export interface TracingSettings {
  exporter: TracesExporter;
  serviceName: string;
  /** Where Zipkin takes spans; unset, the exporter's default (OTEL_EXPORTER_ZIPKIN_ENDPOINT, else localhost:9411). */
  zipkinEndpoint?: string;
}

export interface RunningTracing {
  /** Sends the spans still buffered (if the collector answers) and stops the exporter; never fails. */
  shutdown(): Promise<void>;
}

/**
 * Registers a tracer provider exporting to Zipkin or an OTLP collector; undefined (and nothing
 * registered) when the exporter is `none`. The SDK is loaded here only, so an untraced process
 * does not load it.
 */
export function startTracing(settings: TracingSettings): RunningTracing | undefined {
  if (settings.exporter === 'none') return undefined;
  const { NodeTracerProvider } = require('@opentelemetry/sdk-trace-node') as typeof import('@opentelemetry/sdk-trace-node');
  const { BatchSpanProcessor } = require('@opentelemetry/sdk-trace-base') as typeof import('@opentelemetry/sdk-trace-base');
  const { resourceFromAttributes } = require('@opentelemetry/resources') as typeof import('@opentelemetry/resources');
  const { ATTR_SERVICE_NAME } = require('@opentelemetry/semantic-conventions') as typeof import('@opentelemetry/semantic-conventions');
  const exporter =
    settings.exporter === 'zipkin'
      ? new (require('@opentelemetry/exporter-zipkin') as typeof import('@opentelemetry/exporter-zipkin')).ZipkinExporter({
          url: settings.zipkinEndpoint,
        })
      : new (
          require('@opentelemetry/exporter-trace-otlp-http') as typeof import('@opentelemetry/exporter-trace-otlp-http')
        ).OTLPTraceExporter();
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: settings.serviceName }),
    spanProcessors: [new BatchSpanProcessor(exporter)],
  });
  // The global provider, AsyncLocalStorage as context manager, W3C trace context as propagator.
  provider.register();
  return {
    shutdown: async () => {
      // A collector that is down loses the last spans, and that is all: stopping must not fail for it.
      await provider.shutdown().catch(() => undefined);
      trace.disable();
      propagation.disable();
      context.disable();
    },
  };
}

/** The tracer of Regie's own spans (the no-op tracer while no provider is registered). */
export const tracer = (): Tracer => trace.getTracer('regie');

/** A W3C trace context carrier: `traceparent` and, when set, `tracestate`. */
export type TraceCarrier = Record<string, string>;

/** The carrier of `ctx` (default: the active context); empty when nothing is traced. */
export function traceCarrierOf(ctx: Context = context.active()): TraceCarrier {
  const carrier: TraceCarrier = {};
  propagation.inject(ctx, carrier);
  return carrier;
}

/** The context a carrier continues (the root context when it holds none). */
export function contextFrom(carrier: Record<string, unknown> | undefined): Context {
  const strings: TraceCarrier = {};
  for (const key of ['traceparent', 'tracestate']) {
    const value = carrier?.[key];
    if (typeof value === 'string') strings[key] = value;
  }
  return propagation.extract(context.active(), strings);
}

export interface SpanOptions {
  kind?: SpanKind;
  attributes?: Attributes;
  /** Continue this context instead of the active one. */
  parent?: Context;
  links?: Link[];
}

/**
 * Runs `work` in a new active span, ended when it settles; an error marks the span and is rethrown.
 * With no provider registered this costs a no-op span.
 */
export function inSpan<T>(name: string, options: SpanOptions, work: (span: Span) => Promise<T>): Promise<T> {
  const parent = options.parent ?? context.active();
  return tracer().startActiveSpan(
    name,
    { kind: options.kind, attributes: options.attributes, links: options.links },
    parent,
    async (span) => {
      try {
        return await work(span);
      } catch (error) {
        span.recordException(error instanceof Error ? error : String(error));
        span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
        throw error;
      } finally {
        span.end();
      }
    },
  );
}

export { SpanKind };
