import { Logger, OnApplicationBootstrap, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { EventStore, IntegrationBus, IntegrationMessage, RecordedEvent } from '@regie/es-core';
import { IdempotentConsumer } from './idempotent-consumer';
import type { ConsumerDefinition } from './rebuild';
import { Relay } from './relay';

/** A service's relay in Nest: starts at bootstrap, stops before the DataSource closes. */
export class ServiceRelay implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly relay: Relay;

  constructor(
    name: string,
    topic: string,
    store: EventStore,
    bus: IntegrationBus,
    dataSource: DataSource,
    toMessage: (event: RecordedEvent) => IntegrationMessage | undefined,
  ) {
    const logger = new Logger(name);
    this.relay = new Relay({
      name,
      topic,
      store,
      bus,
      dataSource,
      toMessage,
      onError: (error) => logger.error(`relay interrupted, retrying: ${String(error)}`),
    });
  }

  onApplicationBootstrap(): Promise<void> {
    return this.relay.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.relay.stop();
  }
}

/**
 * A service's consumers of other contexts' integration events in Nest. They subscribe at module
 * init, before any relay starts publishing (relays start at application bootstrap), and stop
 * before the service's ReadModelSync closes the DataSource.
 */
export class ServiceConsumers implements OnModuleInit, OnModuleDestroy {
  private readonly consumers: IdempotentConsumer[];
  private readonly logger: Logger;

  constructor(
    name: string,
    bus: IntegrationBus,
    dataSource: DataSource,
    private readonly definitions: ConsumerDefinition[],
  ) {
    this.logger = new Logger(name);
    this.consumers = definitions.map((definition) => new IdempotentConsumer({ ...definition, bus, dataSource }));
  }

  async onModuleInit(): Promise<void> {
    for (const consumer of this.consumers) await consumer.start();
    this.logger.log(`consuming ${this.definitions.map((d) => d.topic).join(', ')}`);
  }

  async onModuleDestroy(): Promise<void> {
    for (const consumer of this.consumers) await consumer.stop();
  }
}
