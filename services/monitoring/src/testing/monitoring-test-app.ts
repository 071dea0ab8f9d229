import type { INestApplication } from '@nestjs/common';
import { APP_PIPE } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { ZodValidationPipe } from 'nestjs-zod';
import { Pool } from 'pg';
import { ACTIONS_TOPIC_V1, type ActionsEventV1 } from '@regie/contracts-actions';
import { COMMITMENTS_TOPIC_V1, type CommitmentsEventV1 } from '@regie/contracts-commitments';
import { InProcessBus, InProcessScheduler, type IntegrationMessage, ManualClock, newId } from '@regie/es-core';
import { PostgresEventStore } from '@regie/es-postgres';
import { CoreModule, ensureIdempotencyTable } from '@regie/nest-kit';
import { signedInAs, testAuth, type TestAuth } from '@regie/nest-kit/testing';
import { testDatabase } from '@regie/test-kit';
import { MonitoringModule } from '../monitoring.module';
import { MonitoringReadModelSync } from '../read-model/read-model-sync';
import { MonitoringSeeder } from '../seed/seed-monitoring';

export interface MonitoringTestApp {
  app: INestApplication;
  /** Signed in as the coordinator unless a request sends its own Authorization header. */
  http: ReturnType<INestApplication['getHttpServer']>;
  /** No default token: for tests of the rights themselves. */
  anonymous: ReturnType<INestApplication['getHttpServer']>;
  auth: TestAuth;
  store: PostgresEventStore;
  clock: ManualClock;
  bus: InProcessBus;
  /** Publishes actions integration events (contract v1) as the actions relay would; returns their positions. */
  actions(...events: ActionsEventV1[]): Promise<number[]>;
  /** Publishes commitments integration events (contract v1); returns their positions. */
  commitments(...events: CommitmentsEventV1[]): Promise<number[]>;
  /** Publishes prepared messages (e.g. a duplicate delivery). */
  deliver(messages: IntegrationMessage[]): Promise<void>;
  settled(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Monitoring alone over HTTP on a fresh database, with a manual clock (default 2026-11-23), an
 * in-process bus on the store (no producer registered, so `bus.publish` delivers directly to
 * monitoring's consumers), and the indicator seeded.
 */
export async function monitoringTestApp(label: string, now = new Date('2026-11-23T09:00:00Z')): Promise<MonitoringTestApp> {
  const db = await testDatabase(label);
  const store = await PostgresEventStore.open({ connectionString: db.url, poolSize: 20 });
  const pool = new Pool({ connectionString: db.url, max: 5 });
  pool.on('error', (error) => console.warn(`[platform] database connection lost: ${error.message}`));
  await ensureIdempotencyTable(pool);
  const auth = await testAuth(pool);
  const clock = new ManualClock(now);
  const bus = new InProcessBus(store, 100);
  const moduleRef = await Test.createTestingModule({
    imports: [CoreModule.forRoot({ clock, store, bus, pool, scheduler: new InProcessScheduler(clock), databaseUrl: db.url, auth: auth.accounts }), MonitoringModule],
    providers: [{ provide: APP_PIPE, useClass: ZodValidationPipe }],
  }).compile();
  const app = moduleRef.createNestApplication({ logger: ['error'] });
  await app.init();
  await app.get(MonitoringSeeder).seed();
  const settled = async () => void (await app.get(MonitoringReadModelSync).caughtUpTo(await store.headPosition()));
  await settled();
  let position = 1_000_000; // far from the store's own positions, so sources are recognisable
  const publish = async (topic: string, key: (e: Record<string, unknown>) => string, events: { type: string }[]) => {
    const messages = events.map((payload) => ({
      topic, key: key(payload as Record<string, unknown>), eventId: newId(), type: payload.type, payload, position: ++position, occurredAt: clock.now().toISOString(),
    }));
    await bus.publish(messages);
    return messages.map((m) => m.position);
  };
  return {
    app, http: signedInAs(app, await auth.tokenFor('coordinator')), anonymous: app.getHttpServer(), auth, store, clock, bus, settled,
    actions: (...events) => publish(ACTIONS_TOPIC_V1, (e) => (e.milestoneId ? `milestone-${e.milestoneId}` : `action-${e.code}`), events),
    commitments: (...events) => publish(COMMITMENTS_TOPIC_V1, (e) => `commitment-${e.commitmentId}`, events),
    deliver: (messages) => bus.publish(messages),
    close: async () => {
      await app.close();
      await store.close();
      await pool.end();
      await db.drop();
    },
  };
}
