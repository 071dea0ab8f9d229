import { ReadModel } from '@regie/context';
import { newId, type NewEvent } from '@regie/es-core';
import { testDatabase } from '@regie/test-kit';
import { type RunningPlatform } from './platform';
import { SERVICE_MODULES } from './services';
import { platformForTests } from './testing/platform-for-tests';

/** What an orchestrator's probes and an operator see: live while the process answers, ready only while the read models keep up. */
describe('liveness and readiness (/health/live, /health/ready)', () => {
  let db: Awaited<ReturnType<typeof testDatabase>>;
  let platform: RunningPlatform;
  const get = async (path: string) => {
    const res = await fetch(`${platform.url}${path}`);
    return { status: res.status, body: await res.json() };
  };

  beforeAll(async () => {
    ({ db, platform } = await platformForTests('health', '2026-03-15T09:00:00Z', { REGIE_SEED: 'false', REGIE_READY_MAX_LAG: '2' }));
  });
  afterAll(async () => {
    await platform.close();
    await db.drop();
  });

  it('is live, ready, and names the services it hosts', async () => {
    expect((await get('/health/live')).status).toBe(200);
    const ready = await get('/health/ready');
    expect([ready.status, ready.body.status]).toEqual([200, 'ok']);
    expect(Object.keys(ready.body.details)).toEqual(
      expect.arrayContaining(['database', 'readModel.actions', 'readModel.monitoring', 'bus', 'scheduler']),
    );
    expect((await get('/health')).body).toMatchObject({
      status: 'ok',
      services: ['actions', 'commitments', 'meetings', 'monitoring', 'portal'],
    });
  });

  it('answers 503 with the reason in Dutch while a read model is held behind, and 200 once it has caught up', async () => {
    const actions = platform.app.select(SERVICE_MODULES.actions).get(ReadModel, { strict: true });
    await actions.pause();
    try {
      for (let i = 0; i < 3; i++) await platform.adapters.store.append(`probe-${i}`, [probed(i)], 'no_stream');
      const held = await get('/health/ready');
      expect(held.status).toBe(503);
      expect(held.body.status).toBe('error');
      expect(held.body.error['readModel.actions']).toMatchObject({ status: 'down', behind: 3, maxLag: 2 });
      expect(held.body.detail).toMatch(/^Niet gereed: het leesmodel actions loopt 3 events achter/);
      expect(held.body.info.database.status).toBe('up'); // only the read model is the reason
      expect((await get('/health/live')).status).toBe(200);
    } finally {
      await actions.resume();
    }
    await actions.caughtUpTo(await platform.adapters.store.headPosition());
    const ready = await get('/health/ready');
    expect([ready.status, ready.body.details['readModel.actions'].behind]).toEqual([200, 0]);
  });
});

/** An event none of the read models handles: it still counts for how far they are behind the store. */
const probed = (i: number): NewEvent => ({
  id: newId(),
  type: 'ReadinessProbed',
  schemaVersion: 1,
  data: { i },
  occurredAt: new Date(),
  metadata: { actor: { userId: 'system', role: 'system' }, correlationId: newId(), causationId: newId() },
});
