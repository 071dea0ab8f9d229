/**
 * Integration events cross service boundaries as messages on a topic per context and
 * version (e.g. `regie.actions.v1`), keyed by stream id so one aggregate stays ordered.
 */
export interface IntegrationMessage {
  topic: string;
  key: string;
  /** Id of the store event it was made from: consumers deduplicate on it. */
  eventId: string;
  type: string;
  payload: unknown;
  /** Global position in the producing store, for checkpoints and lag. */
  position: number;
  occurredAt: string;
  headers?: Record<string, string>;
}

export type MessageHandler = (message: IntegrationMessage) => Promise<void>;

export interface BusSubscription {
  close(): Promise<void>;
}

/** Port. Adapters: in-process (embedded default) and Kafka (distributed). */
export abstract class IntegrationBus {
  abstract readonly kind: 'inprocess' | 'kafka';
  /** Resolves once every message is accepted by the bus (delivered, for the in-process one). */
  abstract publish(messages: IntegrationMessage[]): Promise<void>;
  /** One consumer per `group`: each message is handled by one member of each group. */
  abstract subscribe(topic: string, group: string, handler: MessageHandler): Promise<BusSubscription>;
  abstract close(): Promise<void>;
}
