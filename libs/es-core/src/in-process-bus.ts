import { BusSubscription, IntegrationBus, IntegrationMessage, MessageHandler } from './integration-bus';

/**
 * The embedded default: delivery is a function call, in publish order, awaited, so a
 * publish resolves only when every subscribed group has handled the message.
 * A failing handler fails the publish: the relay then retries from its checkpoint.
 */
export class InProcessBus extends IntegrationBus {
  readonly kind = 'inprocess';
  private readonly groups = new Map<string, Map<string, MessageHandler>>();

  async publish(messages: IntegrationMessage[]): Promise<void> {
    for (const message of messages) {
      for (const handler of this.groups.get(message.topic)?.values() ?? []) {
        await handler(message);
      }
    }
  }

  async subscribe(topic: string, group: string, handler: MessageHandler): Promise<BusSubscription> {
    const byGroup = this.groups.get(topic) ?? new Map<string, MessageHandler>();
    if (byGroup.has(group)) throw new Error(`group ${group} already consumes ${topic} in this process`);
    byGroup.set(group, handler);
    this.groups.set(topic, byGroup);
    return { close: async () => void byGroup.delete(group) };
  }

  async close(): Promise<void> {
    this.groups.clear();
  }
}
