import { DynamicModule, Global, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import type { Pool } from 'pg';
import { Clock, EventStore, InMemoryPersonalDataVault, IntegrationBus, JobScheduler, PersonalDataVault } from '@regie/es-core';
import { AuthGuard, TokenVerifier, WerkagendaLookups } from './auth';
import { AnswerInterceptor } from './answer.interceptor';
import { ProblemDetailsFilter } from './problem-details.filter';
import { RequestContextMiddleware } from './request-context';
import { DATABASE_URL, MESSAGE_SOURCES, PLATFORM_POOL, TIME_TRAVEL_KEEP_UP, type TimeTravelKeepUp } from './tokens';

export interface CoreAdapters {
  clock: Clock;
  store: EventStore;
  bus: IntegrationBus;
  scheduler: JobScheduler;
  pool: Pool;
  databaseUrl: string;
  /** Verifies the bearer tokens of every request (local accounts embedded, OIDC in production). */
  auth: TokenVerifier;
  /** Producers' message mappings by topic, for rebuilding consumer-fed tables (time travel). */
  messageSources?: Record<string, unknown>;
  /** When read models bring their time-travel snapshots up to date (default: ReadModel's; false: only at a look). */
  timeTravelKeepUp?: TimeTravelKeepUp;
  /** Keys of personal data; a vault in memory when not given (tests of one service). */
  vault?: PersonalDataVault;
}

/**
 * The adapters every service module uses, chosen by the process that boots Nest
 * (embedded default or one service per process) and handed in here as values.
 */
@Global()
@Module({})
export class CoreModule implements NestModule {
  static forRoot(adapters: CoreAdapters): DynamicModule {
    return {
      module: CoreModule,
      providers: [
        { provide: Clock, useValue: adapters.clock },
        { provide: EventStore, useValue: adapters.store },
        { provide: IntegrationBus, useValue: adapters.bus },
        { provide: JobScheduler, useValue: adapters.scheduler },
        { provide: PLATFORM_POOL, useValue: adapters.pool },
        { provide: DATABASE_URL, useValue: adapters.databaseUrl },
        { provide: MESSAGE_SOURCES, useValue: adapters.messageSources ?? {} },
        { provide: TIME_TRAVEL_KEEP_UP, useValue: adapters.timeTravelKeepUp },
        { provide: TokenVerifier, useValue: adapters.auth },
        WerkagendaLookups,
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: PersonalDataVault, useValue: adapters.vault ?? new InMemoryPersonalDataVault() },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        // Unseal around Idempotency-Key: names are opened after the Idempotency-Key interceptor kept the (sealed) answer.
        { provide: APP_INTERCEPTOR, useClass: AnswerInterceptor },
      ],
      exports: [
        TokenVerifier,
        WerkagendaLookups,
        Clock,
        EventStore,
        IntegrationBus,
        JobScheduler,
        PLATFORM_POOL,
        DATABASE_URL,
        MESSAGE_SOURCES,
        TIME_TRAVEL_KEEP_UP,
        PersonalDataVault,
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestContextMiddleware).forRoutes('*path');
  }
}
