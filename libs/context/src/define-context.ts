import type { InjectionToken, Provider } from '@nestjs/common';
import type { DataSource, DataSourceOptions, MigrationInterface } from 'typeorm';
import { Clock, EventStore, IntegrationBus, type IntegrationMessage, type RecordedEvent } from '@regie/es-core';
import { DATABASE_URL, MESSAGE_SOURCES, TIME_TRAVEL_KEEP_UP, type TimeTravelKeepUp } from '@regie/nest-kit';
import {
  type ConsumerDefinition,
  type MessageSources,
  openReadModelDataSource,
  type Projection,
  type ReadModelDefinition,
  ServiceConsumers,
  ServiceRelay,
} from '@regie/read-model';
import type { Aggregate } from './aggregate';
import { Commands } from './commands';
import { ReadModel } from './read-model';

/** The context's queries class: built on a DataSource (live or replayed), with providers of its module after it. */
export type QueriesClass<Q, D extends unknown[]> = new (dataSource: DataSource, ...deps: D) => Q;

export interface ContextSpec<Q, D extends unknown[]> {
  /** Checkpoint name, schema and log name, e.g. 'actions'. */
  name: string;
  readModel: {
    entities: NonNullable<DataSourceOptions['entities']>;
    migrations: (new () => MigrationInterface)[];
    /** Projections of the context's own store events. */
    projections: () => Projection[];
    /** Tables fed by other contexts' integration events. */
    consumers?: ConsumerDefinition[];
    queries: QueriesClass<Q, D>;
    /** Providers the queries class takes after the DataSource (e.g. the context's configuration). */
    queriesInject?: InjectionToken[];
  };
  /** The context's integration events: the topic and the one mapping of store events to contract messages. */
  publishes?: { topic: string; toMessage: (event: RecordedEvent) => IntegrationMessage | undefined };
  /** Its aggregates on the command bus (the context's commands file). */
  aggregates: readonly Pick<Aggregate<never, never, never>, 'Handler'>[];
}

export interface Context<Q> {
  name: string;
  /** The read model as the replay, rebuild and time-travel tools see it. */
  definition: (databaseUrl: string) => ReadModelDefinition;
  /** What the context module provides: its ReadModel, queries, Commands, relay, consumers and command handlers. */
  providers: Provider[];
  /** Marker for the queries type (never set at runtime). */
  readonly queriesType?: Q;
}

/**
 * The Nest wiring every bounded context shares, from one description: the read model
 * (DataSource, projections, time travel, read-your-writes), the relay that publishes its
 * integration events, the consumers of other contexts' events, and its command handlers.
 * A context module then lists `...context.providers` beside its own routes and jobs.
 */
export function defineContext<Q, D extends unknown[] = []>(spec: ContextSpec<Q, D>): Context<Q> {
  const { name, readModel, publishes } = spec;
  const definition = (url: string): ReadModelDefinition => ({
    name,
    schema: name,
    projections: readModel.projections(),
    consumers: readModel.consumers,
    openDataSource: (schema) => openReadModelDataSource({ url, schema, entities: readModel.entities, migrations: readModel.migrations }),
  });

  const providers: Provider[] = [
    {
      provide: ReadModel,
      inject: [DATABASE_URL, EventStore, Clock, MESSAGE_SOURCES, TIME_TRAVEL_KEEP_UP, ...(readModel.queriesInject ?? [])],
      useFactory: async (
        url: string,
        store: EventStore,
        clock: Clock,
        sources: MessageSources,
        keepUp: TimeTravelKeepUp | undefined,
        ...deps: unknown[]
      ) => {
        const model = definition(url);
        return new ReadModel<Q>({
          definition: model,
          dataSource: await model.openDataSource(name),
          store,
          clock,
          sources,
          keepUpTimeTravel: keepUp,
          queriesOn: (dataSource) => new readModel.queries(dataSource, ...(deps as D)),
        });
      },
    },
    { provide: readModel.queries, inject: [ReadModel], useFactory: (model: ReadModel<Q>) => model.queries },
    Commands,
    ...spec.aggregates.map((aggregate) => aggregate.Handler),
  ];
  if (publishes) {
    providers.push({
      provide: RELAY,
      inject: [EventStore, IntegrationBus, ReadModel],
      useFactory: (store: EventStore, bus: IntegrationBus, model: ReadModel<Q>) =>
        new ServiceRelay(`${name}-relay`, publishes.topic, store, bus, model.dataSource, publishes.toMessage),
    });
  }
  if (readModel.consumers?.length) {
    const consumers = readModel.consumers;
    providers.push({
      provide: CONSUMERS,
      inject: [IntegrationBus, ReadModel],
      useFactory: (bus: IntegrationBus, model: ReadModel<Q>) => new ServiceConsumers(name, bus, model.dataSource, consumers),
    });
  }
  return { name, definition, providers };
}

const RELAY = Symbol('context relay');
const CONSUMERS = Symbol('context consumers');
