import type { INestApplication } from '@nestjs/common';
import { APP_PIPE } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { ZodValidationPipe } from 'nestjs-zod';
import { Pool } from 'pg';
import { InProcessBus, InProcessScheduler, ManualClock } from '@regie/es-core';
import { PostgresEventStore } from '@regie/es-postgres';
import { CoreModule, ensureIdempotencyTable } from '@regie/nest-kit';
import { signedInAs, testAuth, type TestAuth } from '@regie/nest-kit/testing';
import { testDatabase } from '@regie/test-kit';
import { CommitmentsModule } from '../commitments.module';
import { CommitmentsReadModelSync } from '../read-model/read-model-sync';
import { CommitmentsSeeder } from '../seed/seed-commitments';
import { COMMITMENTS_CONFIG } from '../shared/config';

export interface CommitmentsTestApp {
  app: INestApplication;
  /** Signed in as the coordinator unless a request sends its own Authorization header. */
  http: ReturnType<INestApplication['getHttpServer']>;
  /** No default token: for tests of the rights themselves. */
  anonymous: ReturnType<INestApplication['getHttpServer']>;
  auth: TestAuth;
  store: PostgresEventStore;
  clock: ManualClock;
  bus: InProcessBus;
  /** Not started: a test subscribes to the bus first, then calls `scheduler.start()` and `tick()`. */
  scheduler: InProcessScheduler;
  /** Waits until the read model has everything in the store. */
  settled(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The commitments context over HTTP on a fresh database of the real test server, with a manual
 * clock (default 2026-11-23, when the "najaar 2026" promise is due within the look-ahead), an
 * in-process scheduler on that clock, and the toezeggingen seeded (as the platform does after the
 * actions seed), unless `seed: false`.
 */
export async function commitmentsTestApp(
  label: string,
  { now = new Date('2026-11-23T09:00:00Z'), seed = true, lookaheadDays = 42 }: { now?: Date; seed?: boolean; lookaheadDays?: number } = {},
): Promise<CommitmentsTestApp> {
  const db = await testDatabase(label);
  const store = await PostgresEventStore.open({ connectionString: db.url, poolSize: 20 });
  const pool = new Pool({ connectionString: db.url, max: 5 });
  pool.on('error', (error) => console.warn(`[platform] database connection lost: ${error.message}`));
  await ensureIdempotencyTable(pool);
  const auth = await testAuth(pool);
  const clock = new ManualClock(now);
  const bus = new InProcessBus(store, 100);
  const scheduler = new InProcessScheduler(clock, 60_000);
  const moduleRef = await Test.createTestingModule({
    imports: [CoreModule.forRoot({ clock, store, bus, pool, scheduler, databaseUrl: db.url, auth: auth.accounts }), CommitmentsModule],
    providers: [{ provide: APP_PIPE, useClass: ZodValidationPipe }],
  })
    .overrideProvider(COMMITMENTS_CONFIG)
    .useValue({ lookaheadDays })
    .compile();
  const app = moduleRef.createNestApplication({ logger: ['error'] });
  await app.init();
  if (seed) await app.get(CommitmentsSeeder).seed();
  const settled = async () => void (await app.get(CommitmentsReadModelSync).caughtUpTo(await store.headPosition()));
  await settled();
  return {
    app, http: signedInAs(app, await auth.tokenFor('coordinator')), anonymous: app.getHttpServer(), auth, store, clock, bus, scheduler, settled,
    close: async () => {
      await scheduler.stop();
      await app.close();
      await store.close();
      await pool.end();
      await db.drop();
    },
  };
}
