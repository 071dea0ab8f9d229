import { Queue } from 'bullmq';
import { seedCommitmentId } from '@regie/commitments';
import { apiClient, redisUrlForTests, TEST_PASSWORD, type testDatabase } from '@regie/test-kit';
import { loadConfig } from './config';
import { startPlatform, type RunningPlatform } from './platform';
import { platformForTests } from './testing/platform-for-tests';

const NOW = '2026-03-15T09:00:00Z';

/**
 * Two instances of the platform on one database and one BullMQ queue, as in a deployment with
 * several replicas: each derives the deadline jobs of every open toezegging at start and schedules
 * those of the toezeggingen it registers, both take jobs from the queue, and still every passed
 * deadline is recorded exactly once.
 */
describe('deadline jobs on BullMQ, two instances', () => {
  let db: Awaited<ReturnType<typeof testDatabase>>;
  const instances: RunningPlatform[] = [];
  let redisUrl: string;

  beforeAll(async () => {
    // The platform's queue has a fixed name: a Redis database of its own keeps other runs' jobs apart.
    const url = new URL(await redisUrlForTests());
    url.pathname = `/${1 + Math.floor(Math.random() * 15)}`;
    redisUrl = url.toString();
    const leftover = new Queue('regie-jobs', { connection: { url: redisUrl } });
    await leftover.obliterate({ force: true });
    await leftover.close();
    const env = { REGIE_SCHEDULER: 'bullmq', REDIS_URL: redisUrl };
    const first = await platformForTests('jobs_bullmq', NOW, env);
    db = first.db;
    instances.push(first.platform);
    instances.push(
      await startPlatform(
        loadConfig({
          ...env,
          DATABASE_URL: db.url,
          PORT: '0',
          REGIE_LOG_LEVEL: 'error',
          REGIE_NOW: NOW,
          REGIE_SEED: 'false',
          REGIE_LOCAL_PASSWORD: TEST_PASSWORD,
        }),
        () => undefined,
      ),
    );
  });
  afterAll(async () => {
    for (const platform of instances) await platform.close();
    const queue = new Queue('regie-jobs', { connection: { url: redisUrl } });
    await queue.obliterate({ force: true });
    await queue.close();
    await db?.drop();
  });

  it('records each passed deadline once: the seeded ones derived at start, and 20 registered through either instance', async () => {
    const registered: string[] = [];
    for (let i = 0; i < 20; i++) {
      const api = apiClient(instances[i % 2].url, TEST_PASSWORD);
      const res = await api.fetch('/api/v1/commitments', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          text: `Voorbeeld: toezegging ${i}`,
          madeBy: 'Voorbeeld: minister',
          madeAt: { date: '2026-01-05', source: 'Voorbeeld' },
          due: `2026-02-${String(1 + i).padStart(2, '0')}`,
          actionCodes: [],
        }),
      });
      expect(res.status).toBe(201);
      registered.push(((await res.json()) as { id: string }).id);
    }
    const kennis = seedCommitmentId('kennisinfrastructuur-najaar-2025');
    const { store, scheduler } = instances[0].adapters;
    const overdueCount = async () => {
      const counts = new Map<string, number>();
      for (const e of await store.readAll({ after: 0, limit: 100_000 })) {
        if (e.type === 'CommitmentBecameOverdue') counts.set(e.streamId, (counts.get(e.streamId) ?? 0) + 1);
      }
      return counts;
    };
    const expected = [kennis, ...registered].map((id) => `commitment-${id}`);
    let counts = new Map<string, number>();
    for (const end = Date.now() + 30_000; ; await new Promise((r) => setTimeout(r, 100))) {
      counts = await overdueCount();
      // Done when every deadline is recorded and no overdue job waits any more (none can still add one).
      const waiting = (await scheduler.list()).filter((j) => j.name === 'commitment-overdue' && j.runAt.getTime() <= Date.parse(NOW));
      if (expected.every((s) => counts.has(s)) && waiting.length === 0) break;
      if (Date.now() > end) throw new Error(`not every deadline recorded in time: ${JSON.stringify([...counts])}`);
    }
    expect(expected.map((s) => [s, counts.get(s)])).toEqual(expected.map((s) => [s, 1]));
    expect([...counts.values()].filter((n) => n !== 1)).toEqual([]);
  });
});
