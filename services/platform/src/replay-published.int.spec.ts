import { createHash } from 'node:crypto';
import { apiClient, type ApiClient, testDatabase } from '@regie/test-kit';
import { type RunningPlatform } from './platform';
import { readModels } from './read-models';
import { replay, selectReadModels } from './replay';
import { platformForTests } from './testing/platform-for-tests';

/**
 * Issue 15's false alarm: after a publication, `regie replay` said the monitoring read model
 * differed from live, and `replay --swap` changed the bytes of a published projection. A
 * published version is the exact record of what the directors saw: replayed, compared and
 * swapped in while others keep writing, its served bytes (their sha256) never change, and the
 * comparison reports no difference.
 */
describe('replay after a publication, with writes going on', () => {
  let db: Awaited<ReturnType<typeof testDatabase>>;
  let platform: RunningPlatform;
  let api: ApiClient;

  beforeAll(async () => {
    ({ db, platform } = await platformForTests('replay_published', '2026-11-23T09:00:00Z'));
    api = apiClient(platform.url);
  });
  afterAll(async () => {
    await platform.close();
    await db.drop();
  });

  const call = async (method: string, path: string, body?: object, as = 'coordinator') => {
    const res = await api.fetch(
      path,
      { method, headers: { 'content-type': 'application/json' }, body: body ? JSON.stringify(body) : undefined },
      as,
    );
    return { status: res.status, text: await res.text(), headers: res.headers };
  };
  const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
  /** The served bytes of every published version of 2026-Q4, by version. */
  const servedVersions = async (count: number) => {
    const served: Record<number, string> = {};
    for (let version = 1; version <= count; version++) {
      const res = await call('GET', `/api/v1/monitoring/projections/2026-Q4/published/document?version=${version}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('etag')).toBe(`"${sha256(res.text)}"`);
      served[version] = sha256(res.text);
    }
    return served;
  };

  it('exits clean and leaves every published version byte-identical through replay and swap', async () => {
    const first = await call('POST', '/api/v1/monitoring/projections/2026-Q4/publish', undefined, 'director');
    expect(first.status).toBe(201);
    expect(JSON.parse(first.text).sha256).toBe((await servedVersions(1))[1]);

    let running = true;
    const failures: string[] = [];
    const load = (async () => {
      for (let i = 0; running; i++) {
        const write = await call('POST', '/api/v1/actions/2.1/progress-reports', { rag: 'groen', summary: `Voorbeeld: voortgang ${i}` });
        if (write.status !== 201) failures.push(`${write.status} ${write.text}`);
        if (i === 3) {
          const again = await call('POST', '/api/v1/monitoring/projections/2026-Q4/publish', undefined, 'director');
          if (again.status !== 201) failures.push(`${again.status} ${again.text}`);
        }
      }
    })();
    try {
      const models = readModels(platform.adapters.databaseUrl);
      // A replay of every read model while the server projects the writes: no difference anywhere.
      const outcomes = await replay(platform.adapters.store, models, {});
      expect(outcomes.map((o) => [o.model, o.differences])).toEqual(models.map((m) => [m.name, []]));

      while ((await call('GET', '/api/v1/monitoring/projections/2026-Q4/published')).text.includes('"version":1,')) {
        await new Promise((r) => setTimeout(r, 50)); // the second publication, made during the writes
      }
      const before = await servedVersions(2);
      const [swapped] = await replay(platform.adapters.store, selectReadModels(models, 'monitoring'), {
        service: 'monitoring',
        swap: true,
      });
      expect(swapped).toMatchObject({ model: 'monitoring', differences: [] });
      expect(swapped.swappedTo).toBeGreaterThanOrEqual(swapped.position);
      expect(await servedVersions(2)).toEqual(before);

      // And a replay right after the swap, writes still going on, finds the swapped-in tables equal too.
      const [again] = await replay(platform.adapters.store, selectReadModels(models, 'monitoring'), { service: 'monitoring' });
      expect(again.differences).toEqual([]);
    } finally {
      running = false;
      await load;
    }
    expect(failures).toEqual([]);
  });
});
