import type { INestApplication } from '@nestjs/common';
import { APP_PIPE } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { ZodValidationPipe } from 'nestjs-zod';
import { Pool } from 'pg';
import { InProcessBus, InProcessScheduler, ManualClock, Upcasters, UpcastingEventStore } from '@regie/es-core';
import { MILESTONE_UPCASTERS } from '../milestone/milestone.upcasters';
import { PostgresEventStore } from '@regie/es-postgres';
import { CoreModule, ensureIdempotencyTable } from '@regie/nest-kit';
import { signedInAs, testAuth, type TestAuth } from '@regie/nest-kit/testing';
import { testDatabase } from '@regie/test-kit';
import { ActionsModule } from '../actions.module';
import { WerkagendaSeeder } from '../seed/seed-werkagenda';

export interface ActionsTestApp {
  app: INestApplication;
  /** Signed in as the coordinator unless a request sends its own Authorization header. */
  http: ReturnType<INestApplication['getHttpServer']>;
  /** No default token: for tests of the rights themselves. */
  anonymous: ReturnType<INestApplication['getHttpServer']>;
  auth: TestAuth;
  store: UpcastingEventStore;
  /** The adapter underneath, for tests that write raw history. */
  postgres: PostgresEventStore;
  clock: ManualClock;
  bus: InProcessBus;
  pool: Pool;
  url: string;
  close(): Promise<void>;
}

/**
 * The actions context over HTTP on a fresh database of the real test server, seeded,
 * with a manual clock (default: 2026-03-15, after the evaluation's replan).
 */
export async function actionsTestApp(label: string, now = new Date('2026-03-15T09:00:00Z')): Promise<ActionsTestApp> {
  const db = await testDatabase(label);
  const postgres = await PostgresEventStore.open({ connectionString: db.url, poolSize: 30 });
  const store = new UpcastingEventStore(postgres, new Upcasters(MILESTONE_UPCASTERS));
  const pool = new Pool({ connectionString: db.url, max: 5 });
  pool.on('error', (error) => console.warn(`[platform] database connection lost: ${error.message}`));
  await ensureIdempotencyTable(pool);
  const auth = await testAuth(pool);
  const clock = new ManualClock(now);
  const bus = new InProcessBus(store);
  const moduleRef = await Test.createTestingModule({
    imports: [CoreModule.forRoot({ clock, store, bus, pool, scheduler: new InProcessScheduler(clock), databaseUrl: db.url, auth: auth.accounts }), ActionsModule],
    providers: [{ provide: APP_PIPE, useClass: ZodValidationPipe }],
  }).compile();
  const app = moduleRef.createNestApplication({ logger: ['error'] });
  await app.init();
  await app.get(WerkagendaSeeder).seed();
  return {
    app, http: signedInAs(app, await auth.tokenFor('coordinator')), anonymous: app.getHttpServer(), auth, store, postgres, clock, bus, pool, url: db.url,
    close: async () => {
      await app.close();
      await store.close();
      await pool.end();
      await db.drop();
    },
  };
}
