import { type BusMetrics, type EventStore, InProcessBus, type JobScheduler } from '@regie/es-core';
import type { Pool } from 'pg';
import { PlatformMetrics } from './platform-metrics';

/** The bus's own figures as /metrics shows them; the Kafka adapters' figures are proven on a real broker (libs/bus-kafka). */
describe('bus metrics at /metrics', () => {
  const scrape = async (bus: BusMetrics) => {
    const metrics = new PlatformMetrics();
    metrics.observe({
      store: { headPosition: async () => 0 } as unknown as EventStore,
      pool: {} as Pool,
      scheduler: { list: async () => [] } as unknown as JobScheduler,
      bus,
      readModels: [],
    });
    return metrics.registry.metrics();
  };

  it("shows each consumer group's lag per topic and partition, and the dead letters per topic and group", async () => {
    const text = await scrape({
      consumerLag: async () => [
        { group: 'monitoring', topic: 'regie.actions.v1', partition: 0, lag: 0 },
        { group: 'monitoring', topic: 'regie.actions.v1', partition: 1, lag: 42 },
      ],
      deadLetters: () => [{ topic: 'regie.actions.v1', group: 'monitoring', count: 2 }],
    });
    expect(text).toMatch(/^regie_kafka_consumer_lag\{group="monitoring",topic="regie\.actions\.v1",partition="0"\} 0$/m);
    expect(text).toMatch(/^regie_kafka_consumer_lag\{group="monitoring",topic="regie\.actions\.v1",partition="1"\} 42$/m);
    expect(text).toMatch(/^# TYPE regie_bus_dead_letters_total counter$/m);
    expect(text).toMatch(/^regie_bus_dead_letters_total\{topic="regie\.actions\.v1",group="monitoring"\} 2$/m);
  });

  it('shows no samples for the in-process bus, which has no broker and dead-letters nothing', async () => {
    const text = await scrape(new InProcessBus());
    expect(text).toContain('# HELP regie_kafka_consumer_lag ');
    expect(text).not.toMatch(/^regie_kafka_consumer_lag\{/m);
    expect(text).not.toMatch(/^regie_bus_dead_letters_total\{/m);
  });
});
