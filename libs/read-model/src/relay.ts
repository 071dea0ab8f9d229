import type { DataSource } from 'typeorm';
import type { EventStore, IntegrationBus, IntegrationMessage, RecordedEvent } from '@regie/es-core';
import { ProjectionRunner } from './projection-runner';

export interface RelayOptions {
  /** Checkpoint name, e.g. 'actions-relay'. */
  name: string;
  /** The context's topic, e.g. 'regie.actions.v1'. */
  topic: string;
  store: EventStore;
  bus: IntegrationBus;
  /** The service's read-model DataSource: the relay's checkpoint lives in its schema. */
  dataSource: DataSource;
  /** Domain event → integration message, or undefined for events that stay inside the context. */
  toMessage: (event: RecordedEvent) => IntegrationMessage | undefined;
  onError?: (error: unknown) => void;
}

/**
 * Store subscription → IntegrationBus, with a durable checkpoint. A batch is published before
 * its checkpoint commits, so every event goes out at least once (a crash in between publishes
 * it again); consumers deduplicate by event id. One instance per service relays (the runner's
 * advisory lock); the others stand by. On a bus that reads the store itself (in-process) the
 * relay only registers its mapping, at construction, before any consumer subscribes.
 */
export class Relay {
  readonly runner?: ProjectionRunner;

  constructor(options: RelayOptions) {
    const toMessage = withContextHeaders(options.toMessage);
    if (!options.bus.needsRelay) {
      // The bus reads the store itself (in-process): hand it the mapping instead of relaying.
      options.bus.registerSource(options.topic, toMessage);
      return;
    }
    this.runner = new ProjectionRunner({
      name: options.name,
      store: options.store,
      dataSource: options.dataSource,
      onError: options.onError,
      projections: [
        {
          name: options.name,
          apply: async () => undefined,
          applyBatch: async (events) => {
            const messages = events.map(toMessage).filter((m): m is IntegrationMessage => m !== undefined);
            if (messages.length > 0) await options.bus.publish(messages);
          },
        },
      ],
    });
  }

  async start(): Promise<void> {
    await this.runner?.start();
  }

  async stop(): Promise<void> {
    await this.runner?.stop();
  }
}

/**
 * The mapping, with what the message's consumers need to follow it back to its cause in headers:
 * the correlation id of the request that recorded the event and, when that request was traced,
 * its W3C trace context (`traceparent`, `tracestate`), which the store keeps in the event's metadata.
 */
export function withContextHeaders(
  toMessage: (event: RecordedEvent) => IntegrationMessage | undefined,
): (event: RecordedEvent) => IntegrationMessage | undefined {
  return (event) => {
    const message = toMessage(event);
    if (!message) return undefined;
    const headers: Record<string, string> = {};
    const { correlationId, traceparent, tracestate } = event.metadata ?? {};
    if (typeof correlationId === 'string') headers.correlationId = correlationId;
    if (typeof traceparent === 'string') headers.traceparent = traceparent;
    if (typeof tracestate === 'string') headers.tracestate = tracestate;
    return { ...message, headers: { ...headers, ...message.headers } };
  };
}
