import { Logger } from '@nestjs/common';
import type { DynamicModule, INestApplication, Type } from '@nestjs/common';
import { APP_PIPE } from '@nestjs/core';
import { Test, type TestingModuleBuilder } from '@nestjs/testing';
import { ZodValidationPipe } from 'nestjs-zod';
import { Pool } from 'pg';
import { type EventStore, InProcessBus, InProcessScheduler, type IntegrationMessage, ManualClock, newId } from '@regie/es-core';
import { PostgresEventStore } from '@regie/es-postgres';
import { testDatabase } from '@regie/test-kit';
import { CoreModule } from '../core.module';
import { configureHttp } from '../http-setup';
import { ExpressServerAdapter } from '../express-server';
import { ensureIdempotencyTable } from '../idempotency.interceptor';
import { signedInAs, testAuth, type TestAuth } from './test-auth';

export interface ServiceTestAppOptions<S extends EventStore> {
  /** The service's Nest module, imported next to `CoreModule.forRoot(...)`. */
  module: Type<unknown> | DynamicModule;
  /** Where the manual clock starts. */
  now: Date;
  /** Connections of the event store's own pool. */
  storePoolSize: number;
  /** The store the app sees, made from the PostgreSQL adapter (e.g. an upcasting store); the adapter itself when not given. */
  store?: (postgres: PostgresEventStore) => S;
  /** Pause before the in-process bus retries a failed consumer (the bus's default when not given). */
  busRetryDelayMs?: number;
  /** Tick of the in-process scheduler (the scheduler's default when not given). */
  schedulerTickMs?: number;
  /** Changes to the testing module before it compiles, e.g. `overrideProvider(...)`. */
  configure?: (builder: TestingModuleBuilder) => TestingModuleBuilder;
}

export interface ServiceTestApp<S extends EventStore = PostgresEventStore> {
  app: INestApplication;
  /** Signed in as the coordinator unless a request sends its own Authorization header. */
  http: ReturnType<INestApplication['getHttpServer']>;
  /** No default token: for tests of the rights themselves. */
  anonymous: ReturnType<INestApplication['getHttpServer']>;
  auth: TestAuth;
  store: S;
  /** The adapter underneath, for tests that write raw history. */
  postgres: PostgresEventStore;
  clock: ManualClock;
  bus: InProcessBus;
  /** Not started: a test that wants jobs to fire calls `scheduler.start()` (or `tick()`). */
  scheduler: InProcessScheduler;
  pool: Pool;
  url: string;
  /**
   * Another context's integration message, as its relay would publish it: a position counting
   * up from 1,000,000 (far from the store's own, so sources are recognisable), at the clock's now.
   */
  message(topic: string, key: string, type: string, payload: unknown): IntegrationMessage;
  /** Stops the scheduler, then closes the app, the bus, the store and the pool, and drops the database. */
  close(): Promise<void>;
}

/** The fields every service's test app shows its tests. */
export type ServiceTestAppBasics<S extends EventStore = PostgresEventStore> = Pick<
  ServiceTestApp<S>,
  'app' | 'http' | 'anonymous' | 'auth' | 'store' | 'clock' | 'bus' | 'close'
>;

/**
 * One service over HTTP on a fresh database of the real test server: the PostgreSQL event store,
 * a platform pool with the idempotency table and local accounts, a manual clock, an in-process bus
 * and scheduler, `CoreModule` with the service's module and the zod validation pipe. Seeding is
 * the service's own harness's business.
 */
export async function serviceTestApp<S extends EventStore = PostgresEventStore>(
  label: string,
  options: ServiceTestAppOptions<S>,
): Promise<ServiceTestApp<S>> {
  const db = await testDatabase(label);
  const postgres = await PostgresEventStore.open({ connectionString: db.url, poolSize: options.storePoolSize });
  const store = options.store ? options.store(postgres) : (postgres as EventStore as S);
  const pool = new Pool({ connectionString: db.url, max: 5 });
  pool.on('error', (error) => new Logger('platform').warn(`database connection lost: ${error.message}`));
  await ensureIdempotencyTable(pool);
  const auth = await testAuth(pool);
  const clock = new ManualClock(options.now);
  const bus = new InProcessBus(store, options.busRetryDelayMs);
  const scheduler = new InProcessScheduler(clock, options.schedulerTickMs);
  const builder = Test.createTestingModule({
    imports: [CoreModule.forRoot({ clock, store, bus, pool, scheduler, databaseUrl: db.url, auth: auth.accounts }), options.module],
    providers: [{ provide: APP_PIPE, useClass: ZodValidationPipe }],
  });
  const moduleRef = await (options.configure ? options.configure(builder) : builder).compile();
  const app = moduleRef.createNestApplication(new ExpressServerAdapter(), { logger: ['error'], bodyParser: false });
  configureHttp(app);
  await app.init();
  let position = 1_000_000;
  return {
    app,
    http: signedInAs(app, await auth.tokenFor('coordinator')),
    anonymous: app.getHttpServer(),
    auth,
    store,
    postgres,
    clock,
    bus,
    scheduler,
    pool,
    url: db.url,
    message: (topic, key, type, payload) => ({
      topic,
      key,
      eventId: newId(),
      type,
      payload,
      position: ++position,
      occurredAt: clock.now().toISOString(),
    }),
    close: async () => {
      await scheduler.stop();
      await app.close();
      await bus.close();
      await store.close();
      await pool.end();
      await db.drop();
    },
  };
}
