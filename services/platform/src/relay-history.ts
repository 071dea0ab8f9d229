import type { EventStore, IntegrationBus, IntegrationMessage } from '@regie/es-core';
import type { MessageSources } from '@regie/read-model';

export interface RelayHistoryOptions {
  /** The first store position to publish again (0 or 1: the whole history). */
  from: number;
  /** Only these topics (default: every producing context's). */
  topics?: string[];
  /** Events read from the store per page. */
  pageSize?: number;
  /** After each page: the position reached and the head the run stops at. */
  onProgress?: (position: number, head: number) => void;
}

export interface RelayHistoryOutcome {
  /** The last store position read: the head when the run started. */
  upTo: number;
  /** Messages published again per topic. */
  published: Record<string, number>;
}

/** Refused before anything is published, with the reason for the operator in Dutch. */
export class RelayRefused extends Error {}

/**
 * Publishes the store's history from a position once more, through the same mappings as the live
 * relays, so that a topic that was emptied (a broker that lost its storage, retention that
 * deleted messages) or created later holds every message again and a consumer group that starts
 * on it reaches the same state. Safe while the platform runs: consumers apply each event id once,
 * and the live relays' checkpoints are left alone. Stops at the head of the store when it starts;
 * what comes after that the live relays publish.
 */
export async function relayHistory(
  store: EventStore,
  bus: IntegrationBus,
  sources: MessageSources,
  options: RelayHistoryOptions,
): Promise<RelayHistoryOutcome> {
  if (!bus.needsRelay)
    throw new RelayRefused('de bus in dit proces leest de eventstore zelf (REGIE_BUS=inprocess): er is niets opnieuw te publiceren');
  if (!Number.isSafeInteger(options.from) || options.from < 0)
    throw new RelayRefused('--from: verwacht een positie in de eventstore, 0 of hoger (0: de hele historie)');
  const unknown = (options.topics ?? []).filter((t) => !(t in sources));
  if (unknown.length > 0)
    throw new RelayRefused(`--topic: onbekend topic ${unknown.join(', ')}; kies uit ${Object.keys(sources).join(', ')}`);
  const chosen = Object.entries(sources).filter(([topic]) => !options.topics || options.topics.includes(topic));
  const published: Record<string, number> = Object.fromEntries(chosen.map(([topic]) => [topic, 0]));
  const head = await store.headPosition();
  const pageSize = options.pageSize ?? 500;
  let after = Math.max(0, options.from - 1);
  while (after < head) {
    const events = (await store.readAll({ after, limit: pageSize })).filter((e) => e.position <= head);
    if (events.length === 0) break;
    const messages: IntegrationMessage[] = [];
    for (const event of events)
      for (const [, source] of chosen) {
        const message = source(event);
        if (message) messages.push(message);
      }
    // In store order, as the live relay does: one aggregate's messages keep their order on its partition.
    if (messages.length > 0) await bus.publish(messages);
    for (const m of messages) published[m.topic] = (published[m.topic] ?? 0) + 1;
    after = events[events.length - 1].position;
    options.onProgress?.(after, head);
  }
  return { upTo: head, published };
}
