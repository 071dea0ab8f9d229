import { type CanActivate, DynamicModule, Global, MiddlewareConsumer, Module, NestModule, OnModuleInit, type Type } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, HttpAdapterHost } from '@nestjs/core';
import type { Pool } from 'pg';
import { Clock, EventStore, InMemoryPersonalDataVault, IntegrationBus, JobScheduler, PersonalDataVault } from '@regie/es-core';
import { AuthGuard, TokenVerifier, WerkagendaLookups } from './auth';
import { ExpressServerAdapter } from './express-server';
import { openingPersonalData } from './open-answers';
import { ProblemDetailsFilter } from './problem-details.filter';
import { RequestContextMiddleware } from './request-context';
import { ADMISSION, DATABASE_URL, MESSAGE_SOURCES, PLATFORM_POOL, TIME_TRAVEL_KEEP_UP, type TimeTravelKeepUp } from './tokens';

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
  /**
   * A check each request passes after the AuthGuard let it through (401 and 403 come first), e.g.
   * that a werkagenda the request names exists. Run by the AuthGuard itself: the order of global
   * guards of different modules is Nest's scanning order, not something to build on.
   */
  admission?: Type<CanActivate>;
}

/**
 * The adapters every service module uses, chosen by the process that boots Nest
 * (embedded default or one service per process) and handed in here as values.
 */
@Global()
@Module({})
export class CoreModule implements NestModule, OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly vault: PersonalDataVault,
  ) {}

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
        ...(adapters.admission ? [{ provide: ADMISSION, useClass: adapters.admission }] : []),
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: PersonalDataVault, useValue: adapters.vault ?? new InMemoryPersonalDataVault() },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
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

  /** Every answer has its personal data opened on the way out (open-answers.ts); before the first request. */
  onModuleInit(): void {
    const adapter = this.adapterHost.httpAdapter;
    if (!adapter) return; // an application context without HTTP (the command line)
    if (!(adapter instanceof ExpressServerAdapter))
      throw new Error('CoreModule answers over ExpressServerAdapter: it opens the personal data of every answer');
    adapter.answerWith(openingPersonalData(this.vault));
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestContextMiddleware).forRoutes('*path');
  }
}
