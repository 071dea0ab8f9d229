import { context, createContextKey, type Span, type SpanContext, trace } from '@opentelemetry/api';
// nestjs-pino's request-scoped logger store (PinoLogger reads the logger of the active store from it).
import { Store, storage } from 'nestjs-pino/storage';
import type { Logger } from 'pino';
import type { BatchMessageHandler, EventStore, IntegrationBus, IntegrationMessage, MessageHandler, SubscribeOptions } from '@regie/es-core';
import { contextFrom, inSpan, SpanKind, traceCarrierOf, tracer } from './tracing';

export interface ObservedBusOptions {
  /** Traces are on (a provider is registered): publish and process spans, `traceparent` in the headers. */
  traced: boolean;
  /** The process's logger: lines written while a message is handled carry its correlation id and event id. */
  logger?: Logger;
}

/**
 * The same bus, observed: every handler of a consumed message runs with a logger that names the
 * message (correlation id, event id, consumer group; the trace id when there is one), so every
 * line logged about it can be found from the request that caused it; a handler that fails says so
 * with those ids. With traces on, a published message gets a producer span continuing the trace
 * in its headers (put there by the relay from the stored event's metadata) and carries that span
 * on as its `traceparent`; a consumed one gets a consumer span continuing it, in which the handler
 * (the read-model write) runs. A Proxy, like the metered store: `kind`, `instanceof` and the rest
 * stay the bus's own.
 */
export function observedBus<B extends IntegrationBus>(bus: B, options: ObservedBusOptions): B {
  const publish: IntegrationBus['publish'] = (messages) => (options.traced ? publishTraced(bus, messages) : bus.publish(messages));
  const subscribe: IntegrationBus['subscribe'] = (topic, group, handler: MessageHandler, subscribeOptions?: SubscribeOptions) =>
    bus.subscribe(topic, group, (message) => handled(bus, group, [message], options, () => handler(message)), subscribeOptions);
  const subscribeBatch: IntegrationBus['subscribeBatch'] = (
    topic,
    group,
    handler: BatchMessageHandler,
    subscribeOptions?: SubscribeOptions,
  ) => bus.subscribeBatch(topic, group, (messages) => handled(bus, group, messages, options, () => handler(messages)), subscribeOptions);
  const replaced: Record<string | symbol, unknown> = { publish, subscribe, subscribeBatch };
  return new Proxy(bus, {
    get(target, property) {
      if (property in replaced) return replaced[property];
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** One producer span per message, child of the context in its headers; the message then carries that span. */
async function publishTraced(bus: IntegrationBus, messages: IntegrationMessage[]): Promise<void> {
  const spans: Span[] = [];
  const carried = messages.map((message) => {
    const span = tracer().startSpan(
      `publish ${message.topic}`,
      { kind: SpanKind.PRODUCER, attributes: { ...messageAttributes(bus, message), 'messaging.operation.type': 'send' } },
      contextFrom(message.headers),
    );
    spans.push(span);
    return { ...message, headers: { ...message.headers, ...traceCarrierOf(trace.setSpan(context.active(), span)) } };
  });
  try {
    await bus.publish(carried);
  } catch (error) {
    for (const span of spans) span.recordException(error instanceof Error ? error : String(error));
    throw error;
  } finally {
    for (const span of spans) span.end();
  }
}

/**
 * Runs a consumer's handler for `messages` with their log fields and, traced, within a consumer
 * span per message (the handler in the first one's: a batch is written in one transaction).
 */
async function handled(
  bus: IntegrationBus,
  group: string,
  messages: IntegrationMessage[],
  options: ObservedBusOptions,
  run: () => Promise<void>,
): Promise<void> {
  const fields = logFieldsOf(group, messages);
  const logger = options.logger?.child(fields);
  const work = async () => {
    try {
      await (options.traced ? processTraced(bus, group, messages, run) : run());
    } catch (error) {
      logger?.warn(`consumer ${group} could not apply ${describe(messages)}: ${error instanceof Error ? error.message : String(error)}`);
      throw error;
    }
  };
  return logger ? storage.run(new Store(logger), work) : work();
}

/** Where a batch's consumer spans are found by event id (`@regie/read-model`'s consumer reads the same key). */
const MESSAGE_SPANS = createContextKey('regie.message-spans');

async function processTraced(bus: IntegrationBus, group: string, messages: IntegrationMessage[], run: () => Promise<void>): Promise<void> {
  const [first, ...rest] = messages;
  const others = rest.map((message) =>
    tracer().startSpan(
      `process ${message.topic}`,
      { kind: SpanKind.CONSUMER, attributes: processAttributes(bus, group, message, messages.length) },
      contextFrom(message.headers),
    ),
  );
  try {
    await inSpan(
      `process ${first.topic}`,
      { kind: SpanKind.CONSUMER, attributes: processAttributes(bus, group, first, messages.length), parent: contextFrom(first.headers) },
      () => {
        // Each message's own consumer span, by event id: the read-model write of a batch (one
        // transaction) then shows in every message's trace, not only in the first one's.
        const spans = new Map<string, SpanContext>();
        const active = trace.getActiveSpan();
        if (active) spans.set(first.eventId, active.spanContext());
        rest.forEach((message, i) => spans.set(message.eventId, others[i].spanContext()));
        return context.with(context.active().setValue(MESSAGE_SPANS, spans), run);
      },
    );
  } finally {
    for (const span of others) span.end();
  }
}

const messageAttributes = (bus: IntegrationBus, message: IntegrationMessage) => ({
  'messaging.system': bus.kind === 'kafka' ? 'kafka' : 'regie-inprocess',
  'messaging.destination.name': message.topic,
  'messaging.message.id': message.eventId,
  'regie.event_type': message.type,
  'regie.stream_id': message.key,
  ...(message.headers?.correlationId ? { 'regie.correlation_id': message.headers.correlationId } : {}),
});

const processAttributes = (bus: IntegrationBus, group: string, message: IntegrationMessage, batchSize: number) => ({
  ...messageAttributes(bus, message),
  'messaging.operation.type': 'process',
  'messaging.consumer.group.name': group,
  'messaging.batch.message_count': batchSize,
});

/** What a log line about consumed messages names: never the payload (it may hold personal data). */
function logFieldsOf(group: string, messages: IntegrationMessage[]): Record<string, unknown> {
  const traceIds = unique(messages.map((m) => traceIdOf(m.headers?.traceparent)));
  const correlationIds = unique(messages.map((m) => m.headers?.correlationId));
  if (messages.length === 1) {
    const [message] = messages;
    return {
      consumer: group,
      topic: message.topic,
      eventId: message.eventId,
      ...(correlationIds.length ? { correlationId: correlationIds[0] } : {}),
      ...(traceIds.length ? { traceId: traceIds[0] } : {}),
    };
  }
  return {
    consumer: group,
    topic: messages[0]?.topic,
    eventIds: messages.map((m) => m.eventId),
    ...(correlationIds.length === 1 ? { correlationId: correlationIds[0] } : { correlationIds }),
    ...(traceIds.length ? { traceIds } : {}),
  };
}

const describe = (messages: IntegrationMessage[]) =>
  messages.length === 1 ? `${messages[0].type} ${messages[0].eventId}` : `a batch of ${messages.length} messages`;

const unique = (values: (string | undefined)[]): string[] => [...new Set(values.filter((v): v is string => Boolean(v)))];

/** The trace id in a W3C `traceparent` (version-traceid-spanid-flags). */
export const traceIdOf = (traceparent: string | undefined): string | undefined => /^[\da-f]{2}-([\da-f]{32})-/.exec(traceparent ?? '')?.[1];

/**
 * The same store, its appends traced: an `append` span, whose context each appended event keeps in
 * its metadata (`traceparent`), so the relay, later and perhaps in another instance, continues the
 * request's trace. Only wrapped when traces are on.
 */
export function tracedStore<S extends EventStore>(store: S): S {
  const append: EventStore['append'] = (streamId, events, expected) =>
    inSpan(
      `append ${streamName(streamId)}`,
      { attributes: { 'regie.stream_id': streamId, 'regie.event_count': events.length, 'regie.event_types': events.map((e) => e.type) } },
      async (span) => {
        const carrier = traceCarrierOf();
        const result = await store.append(
          streamId,
          events.map((event) => ({ ...event, metadata: { ...event.metadata, ...carrier } })),
          expected,
        );
        span.setAttribute('regie.position', result.lastPosition);
        return result;
      },
    );
  return new Proxy(store, {
    get(target, property) {
      if (property === 'append') return append;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** `milestone-0193…` → `milestone`: span names stay few (the id is an attribute). */
const streamName = (streamId: string) => streamId.replace(/-[0-9a-f]{8}-[0-9a-f-]+$/i, '').replace(/-[^-]*\d[^-]*$/, '');
