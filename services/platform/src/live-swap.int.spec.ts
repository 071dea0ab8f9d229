import { Client } from 'pg';
import { checksums, rebuildInto, swapInLive, type TableChecksum } from '@regie/read-model';
import { apiClient, type ApiClient, testDatabase } from '@regie/test-kit';
import { type RunningPlatform } from './platform';
import { MESSAGE_SOURCES, readModels } from './read-models';
import { platformForTests } from './testing/platform-for-tests';

/**
 * `replay --swap` while the platform serves requests: every read model is rebuilt and swapped in
 * under a steady stream of reads and writes. Nothing fails, the server keeps projecting
 * afterwards (a write is read back at once), and the live tables are the rebuilt ones.
 */
describe('swapping rebuilt read models in while the server runs', () => {
  let db: Awaited<ReturnType<typeof testDatabase>>;
  let platform: RunningPlatform;
  let api: ApiClient;
  let sql: Client;

  beforeAll(async () => {
    ({ db, platform } = await platformForTests('live_swap', '2026-03-15T09:00:00Z'));
    api = apiClient(platform.url);
    sql = new Client({ connectionString: db.url });
    await sql.connect();
  });
  afterAll(async () => {
    await sql.end();
    await platform.close();
    await db.drop();
  });

  const request = async (method: string, path: string, body?: object) => {
    const started = Date.now();
    const res = await api.fetch(path, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: res.status, body: (await res.json()) as any, ms: Date.now() - started };
  };

  it('keeps answering reads and writes during the swap, and keeps projecting afterwards', async () => {
    // A row no event explains: after the swap the live table must be the rebuilt one, without it.
    await sql.query(`UPDATE actions.action SET title = 'VERVALST' WHERE code = '0'`);
    let running = true;
    const outcomes: { path: string; status: number; ms: number }[] = [];
    const load = (async () => {
      for (let i = 0; running; i++) {
        const write = await request('POST', '/api/v1/actions/2.1/progress-reports', { rag: 'groen', summary: `Voorbeeld: voortgang ${i}` });
        outcomes.push({ path: 'POST progress', status: write.status, ms: write.ms });
        for (const path of [
          '/api/v1/actions/2.1',
          '/api/v1/commitments',
          '/api/v1/monitoring/milestones',
          '/api/v1/meetings?kind=kerngroep',
        ]) {
          const read = await request('GET', path);
          outcomes.push({ path, status: read.status, ms: read.ms });
        }
      }
    })();

    const { adapters } = platform;
    for (const model of readModels(adapters.databaseUrl)) {
      const rebuilt = await rebuildInto(adapters.store, model, { fresh: true, sources: MESSAGE_SOURCES });
      const live = await model.openDataSource(model.schema);
      await swapInLive(adapters.store, model, rebuilt, live, { sources: MESSAGE_SOURCES });
      await Promise.all([live.destroy(), rebuilt.dataSource.destroy()]);
    }
    await new Promise((r) => setTimeout(r, 1500)); // load goes on after the swaps too
    running = false;
    await load;

    expect(outcomes.filter((o) => o.status >= 400)).toEqual([]);
    expect(outcomes.length).toBeGreaterThan(20);
    // Delayed at most briefly, never failed; under 5 s also means no write gave up waiting for its read model.
    expect(Math.max(...outcomes.map((o) => o.ms))).toBeLessThan(5_000);
    expect((await request('GET', '/api/v1/actions/0')).body.title).not.toBe('VERVALST');

    // Still projecting: a new write is read back at once, in its own and in a consumer-fed read model.
    const milestone = await request('POST', '/api/v1/actions/3.1/milestones', { title: 'Voorbeeld: na de wissel', dueDate: '2026-12-31' });
    expect(milestone.status).toBe(201);
    const own = (await request('GET', '/api/v1/actions/3.1')).body.milestones.map((m: { id: string }) => m.id);
    expect(own).toContain(milestone.body.id);
    let onBoard = false;
    for (let i = 0; i < 50 && !onBoard; i++) {
      const board = (await request('GET', '/api/v1/monitoring/milestones')).body as { milestones: { id: string }[] }[];
      onBoard = board.some((a) => a.milestones.some((m) => m.id === milestone.body.id));
      if (!onBoard) await new Promise((r) => setTimeout(r, 100));
    }
    expect(onBoard).toBe(true);

    // No schema left behind, and the live tables equal a full replay.
    const { rows } = await sql.query(`SELECT nspname FROM pg_namespace WHERE nspname LIKE '%\\_\\_old' OR nspname LIKE '%\\_\\_rebuild'`);
    expect(rows).toEqual([]);
    const byTable = (list: TableChecksum[]) => JSON.stringify(Object.fromEntries(list.map((t) => [t.table, t])));
    for (const model of readModels(adapters.databaseUrl)) {
      const live = await model.openDataSource(model.schema);
      let [a, b] = ['', 'not compared'];
      for (let attempt = 0; attempt < 30 && a !== b; attempt++) {
        if (attempt > 0) await new Promise((r) => setTimeout(r, 200)); // consumers may still be catching up
        const rebuilt = await rebuildInto(adapters.store, model, { fresh: true, sources: MESSAGE_SOURCES });
        [a, b] = [byTable(await checksums(live, model.schema)), byTable(await checksums(rebuilt.dataSource, rebuilt.schema))];
        await rebuilt.dataSource.destroy();
      }
      expect(a).toBe(b);
      await live.destroy();
    }
  });
});
