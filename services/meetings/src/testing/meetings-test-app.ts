import type { INestApplication } from '@nestjs/common';
import { APP_PIPE } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { ZodValidationPipe } from 'nestjs-zod';
import { Pool } from 'pg';
import { InProcessBus, InProcessScheduler, type IntegrationMessage, ManualClock, newId } from '@regie/es-core';
import { PostgresEventStore } from '@regie/es-postgres';
import { CoreModule, ensureIdempotencyTable } from '@regie/nest-kit';
import { signedInAs, testAuth, type TestAuth } from '@regie/nest-kit/testing';
import { testDatabase } from '@regie/test-kit';
import { MeetingsModule } from '../meetings.module';

export interface MeetingsTestApp {
  app: INestApplication;
  /** Signed in as the coordinator unless a request sends its own Authorization header. */
  http: ReturnType<INestApplication['getHttpServer']>;
  /** No default token: for tests of the rights themselves. */
  anonymous: ReturnType<INestApplication['getHttpServer']>;
  auth: TestAuth;
  store: PostgresEventStore;
  clock: ManualClock;
  bus: InProcessBus;
  scheduler: InProcessScheduler;
  /** Delivers another context's integration event to meetings' consumers (in-process, direct). */
  deliver(topic: string, type: string, payload: Record<string, unknown>, key?: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * The meetings context over HTTP on a fresh database of the real test server, with a manual
 * clock (default 2026-03-15 10:00 Amsterdam). No other context runs: their integration events
 * are published on the in-process bus by the test, as the contracts describe them.
 */
export async function meetingsTestApp(label: string, now = new Date('2026-03-15T09:00:00Z')): Promise<MeetingsTestApp> {
  const db = await testDatabase(label);
  const store = await PostgresEventStore.open({ connectionString: db.url, poolSize: 30 });
  const pool = new Pool({ connectionString: db.url, max: 5 });
  pool.on('error', (error) => console.warn(`[platform] database connection lost: ${error.message}`));
  await ensureIdempotencyTable(pool);
  const auth = await testAuth(pool);
  const clock = new ManualClock(now);
  const bus = new InProcessBus(store);
  const scheduler = new InProcessScheduler(clock);
  const moduleRef = await Test.createTestingModule({
    imports: [CoreModule.forRoot({ clock, store, bus, pool, scheduler, databaseUrl: db.url, auth: auth.accounts }), MeetingsModule],
    providers: [{ provide: APP_PIPE, useClass: ZodValidationPipe }],
  }).compile();
  const app = moduleRef.createNestApplication({ logger: ['error'] });
  await app.init();
  let position = 1_000_000;
  return {
    app, http: signedInAs(app, await auth.tokenFor('coordinator')), anonymous: app.getHttpServer(), auth, store, clock, bus, scheduler,
    deliver: async (topic, type, payload, key = 'test') => {
      const message: IntegrationMessage = { topic, key, eventId: newId(), type, payload: { type, ...payload }, position: ++position, occurredAt: clock.now().toISOString() };
      await bus.publish([message]);
    },
    close: async () => {
      await app.close();
      await bus.close();
      await store.close();
      await pool.end();
      await db.drop();
    },
  };
}
