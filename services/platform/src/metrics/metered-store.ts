import type { EventStore } from '@regie/es-core';
import type { PlatformMetrics } from './platform-metrics';

/**
 * The same store with its appends timed. A Proxy rather than a subclass: everything else (its kind,
 * `instanceof`, the adapter underneath for the PostgreSQL-only tools) stays exactly the store's.
 */
export function meteredStore<S extends EventStore>(store: S, metrics: PlatformMetrics): S {
  const append: EventStore['append'] = (streamId, events, expected) =>
    metrics.timeAppend(events.length, () => store.append(streamId, events, expected));
  return new Proxy(store, {
    get(target, property) {
      if (property === 'append') return append;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
