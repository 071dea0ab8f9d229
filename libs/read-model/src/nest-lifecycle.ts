import { Logger, OnApplicationBootstrap, OnApplicationShutdown, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { EventStore, IntegrationBus, IntegrationMessage, RecordedEvent } from '@regie/es-core';
import { CheckpointMoved } from './checkpoint';
import { IdempotentConsumer } from './idempotent-consumer';
import type { ConsumerDefinition } from './rebuild';
import type { Projection } from './projection';
import { ProjectionRunner } from './projection-runner';
import { Relay } from './relay';

/**
 * A service's own read model in Nest: runs its projections from the store, and lets a write
 * wait until its events are in the read model, so a client reading right after a 201 sees its
 * own write. Subclass it per service with the DataSource and projections injected.
 */
export abstract class ReadModelSync implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly runner: ProjectionRunner;
  private readonly logger: Logger;

  protected constructor(
    name: string,
    store: EventStore,
    private readonly dataSource: DataSource,
    projections: Projection[],
  ) {
    this.logger = new Logger(`${name}-projection`);
    this.runner = new ProjectionRunner({
      name,
      store,
      dataSource,
      projections,
      onError: (error) =>
        error instanceof CheckpointMoved
          ? this.logger.log(
              'the read model moved on elsewhere (a replay swapped it in, or another instance): continuing from its checkpoint',
            )
          : this.logger.error(`projection interrupted, retrying: ${String(error)}`),
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.runner.start();
  }

  /** Last in the shutdown order: relays and consumers using the DataSource stopped before. */
  async onApplicationShutdown(): Promise<void> {
    await this.runner.stop();
    await this.dataSource.destroy();
  }

  /** Waits (bounded) for the read model to include `position`; 0 means nothing was written. */
  async caughtUpTo(position: number, timeoutMs = 5000): Promise<boolean> {
    if (position <= 0 || (await this.runner.waitFor(position, timeoutMs))) return true;
    this.logger.warn(`read model is behind position ${position} after ${timeoutMs} ms; answering anyway`);
    return false;
  }
}

/** A service's relay in Nest: starts at bootstrap, stops before the DataSource closes. */
export abstract class ServiceRelay implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly relay: Relay;

  protected constructor(
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
export abstract class ServiceConsumers implements OnModuleInit, OnModuleDestroy {
  private readonly consumers: IdempotentConsumer[];
  private readonly logger: Logger;

  protected constructor(
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
