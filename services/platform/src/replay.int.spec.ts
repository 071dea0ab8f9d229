import { checksums, rebuildInto, type TableChecksum } from '@regie/read-model';
import { apiClient, testDatabase } from '@regie/test-kit';
import { type RunningPlatform } from './platform';
import { MESSAGE_SOURCES, readModels } from './read-models';
import { replay, ReplayInputError, selectReadModels } from './replay';
import { platformForTests } from './testing/platform-for-tests';

/**
 * After a scripted governance cycle across all services, a full replay from the event store
 * reproduces every read model exactly: a checksum per table, equal before and after.
 */
describe('replay of every read model', () => {
  let db: Awaited<ReturnType<typeof testDatabase>>;
  let platform: RunningPlatform;

  beforeAll(async () => {
    ({ db, platform } = await platformForTests('replay_all', '2026-03-15T09:00:00Z'));
  });
  afterAll(async () => {
    await platform.close();
    await db.drop();
  });

  let client: ReturnType<typeof apiClient> | undefined;
  const api = () => (client ??= apiClient(platform.url)); // logs in once per account
  const call = async (method: string, path: string, body?: object, as = 'coordinator'): Promise<any> => {
    const res = await api().fetch(
      path,
      { method, headers: { 'content-type': 'application/json' }, body: body ? JSON.stringify(body) : undefined },
      as,
    );
    if (res.status >= 400) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return res.headers.get('content-type')?.includes('json') ? res.json() : undefined;
  };

  it('reproduces all tables of actions, commitments, meetings and monitoring after a governance cycle', async () => {
    const milestone = await call('POST', '/api/v1/actions/2.1/milestones', {
      title: 'Evaluatie pilotregio’s',
      dueDate: '2026-06-30',
      dueDateText: 'voor de zomer 2026',
    });
    await call('POST', `/api/v1/actions/2.1/milestones/${milestone.id}/replan`, { dueDate: '2026-09-30', reason: 'pilots lopen langer' });
    await call('POST', `/api/v1/actions/2.1/milestones/${milestone.id}/start`, {});
    await call('POST', '/api/v1/actions/2.1/progress-reports', { rag: 'oranje', summary: 'Implementatie kost meer tijd dan gehoopt' });
    const knelpunt = await call('POST', '/api/v1/actions/2.1/knelpunten', {
      description: 'Voorbeeld: capaciteit zorgkantoor',
      escalateTo: 'kerngroep',
    });
    const other = await call('POST', '/api/v1/actions/3.1/knelpunten', { description: 'Voorbeeld: regiokaart', escalateTo: 'regiegroep' });
    await call('POST', `/api/v1/actions/3.1/knelpunten/${other.id}/resolve`, { resolution: 'opgelost in overleg' });
    const commitment = await call('POST', '/api/v1/commitments', {
      text: 'Voorbeeld: de Kamer informeren over de pilots',
      madeBy: 'Minister van LJS',
      madeAt: { date: '2026-03-10', source: 'Voorbeeld: commissiedebat' },
      due: 'voor de zomer 2026',
      actionCodes: ['2.1'],
    });
    await call('POST', `/api/v1/commitments/${commitment.id}/postpone`, { due: 'najaar 2026', reason: 'pilots lopen langer' });
    const [next] = await call('GET', '/api/v1/meetings?kind=kerngroep&from=2026-03-15');
    await call('POST', `/api/v1/meetings/${next.id}/agenda-items`, { title: 'Voorbeeld: stand van de pilots' });
    await call('POST', `/api/v1/meetings/${next.id}/agenda/publish`);
    const [indicator] = await call('GET', '/api/v1/indicators');
    await call('POST', `/api/v1/indicators/${indicator.id}/measurements`, { period: '2026-02', value: 104 });
    expect(knelpunt.id).toBeDefined();

    const { adapters } = platform;
    let differences: string[] = [];
    for (let attempt = 0; attempt < 30; attempt++) {
      differences = [];
      for (const model of readModels(adapters.databaseUrl)) {
        const rebuilt = await rebuildInto(adapters.store, model, { fresh: true, sources: MESSAGE_SOURCES });
        const live = await model.openDataSource(model.schema);
        const [a, b] = [await checksums(live, model.schema), await checksums(rebuilt.dataSource, rebuilt.schema)];
        const byTable = (list: TableChecksum[]) => Object.fromEntries(list.map((t) => [t.table, t]));
        if (JSON.stringify(byTable(a)) !== JSON.stringify(byTable(b)))
          differences.push(`${model.name}: ${JSON.stringify(a)} != ${JSON.stringify(b)}`);
        expect(b.reduce((n, t) => n + t.rows, 0)).toBeGreaterThan(0);
        // Each consumer records how far it read the store: swapped in, it resumes there, not from its last message.
        const consumers = (model.consumers ?? []).map((c) => c.name).sort();
        expect(
          await rebuilt.dataSource.query(`SELECT consumer, position::int FROM "${rebuilt.schema}".consumer_positions ORDER BY consumer`),
        ).toEqual(consumers.map((consumer) => ({ consumer, position: rebuilt.position })));
        await Promise.all([live.destroy(), rebuilt.dataSource.destroy()]);
      }
      if (differences.length === 0) break; // consumers may still be catching up: look again
      await new Promise((r) => setTimeout(r, 300));
    }
    expect(differences).toEqual([]);
  });

  it('answers ?asOf on every service: commitments, meetings and the consumer-fed board as they were', async () => {
    const before = platform.adapters.clock.now().toISOString();
    await new Promise((r) => setTimeout(r, 1200));
    const milestone = await call('POST', '/api/v1/actions/1.2/milestones', { title: 'Voorbeeld: na het ijkmoment', dueDate: '2026-08-31' });
    const commitment = await call('POST', '/api/v1/commitments', {
      text: 'Voorbeeld: na het ijkmoment',
      madeBy: 'Minister van LJS',
      madeAt: { date: '2026-03-15', source: 'Voorbeeld' },
      due: 'najaar 2026',
      actionCodes: [],
    });
    await new Promise((r) => setTimeout(r, 1200));
    const ids = (board: { milestones: { id: string }[] }[]) => board.flatMap((a) => a.milestones.map((m) => m.id));
    expect(ids(await call('GET', `/api/v1/monitoring/milestones?asOf=${before}`))).not.toContain(milestone.id);
    expect(ids(await call('GET', '/api/v1/monitoring/milestones'))).toContain(milestone.id);
    const commitmentIds = (list: { id: string }[]) => list.map((c) => c.id);
    expect(commitmentIds(await call('GET', `/api/v1/commitments?asOf=${before}`))).not.toContain(commitment.id);
    expect(commitmentIds(await call('GET', '/api/v1/commitments'))).toContain(commitment.id);
    const meetingsThen = await call('GET', `/api/v1/meetings?kind=kerngroep&asOf=${before}`);
    expect(meetingsThen.length).toBeGreaterThan(0);
  });

  it('`regie replay --service actions --to <position|moment>` rebuilds only that read model as it was then', async () => {
    const { adapters } = platform;
    const models = readModels(adapters.databaseUrl);
    const actions = models.filter((m) => m.name === 'actions');
    const tablesOf = async (schema: string) => {
      const ds = await actions[0].openDataSource(schema);
      try {
        return await checksums(ds, schema);
      } finally {
        await ds.destroy();
      }
    };
    // The actions read model now, then one more milestone after it.
    const then = await adapters.store.headPosition();
    const thenAt = adapters.clock.now().toISOString();
    const before = await tablesOf('actions');
    await new Promise((r) => setTimeout(r, 50));
    await call('POST', '/api/v1/actions/1.1/milestones', { title: 'Voorbeeld: na het ijkpunt van de replay', dueDate: '2026-10-31' });

    for (const to of [String(then), thenAt]) {
      const [outcome, ...others] = await replay(adapters.store, actions, { service: 'actions', to });
      expect(others).toEqual([]);
      expect(outcome).toMatchObject({ model: 'actions', schema: 'actions__rebuild' });
      expect(outcome.differences).toContain('milestone'); // live has the later milestone
      expect(await tablesOf('actions__rebuild')).toEqual(before); // exactly the read model as it was
    }
    const [now] = await replay(adapters.store, actions, { service: 'actions' });
    expect(now.differences).toEqual([]);

    await expect(replay(adapters.store, actions, { to: 'gisteren' })).rejects.toThrow(
      new ReplayInputError('--to: verwacht een positie (een getal) of een tijdstip als 2026-03-01T12:00:00Z, kreeg "gisteren"'),
    );
    await expect(replay(adapters.store, actions, { to: String(then), swap: true })).rejects.toThrow(/--swap kan niet samen met --to/);
    expect(() => selectReadModels(models, 'agenda')).toThrow(
      '--service: onbekende dienst "agenda"; kies uit actions, commitments, meetings, monitoring',
    );
  });

  it.each(['betekenisvol-leven-2025-2028', 'actieplan-dakloos-wlz-2025'])(
    "shows on the monitoring board of %s exactly the milestones of the actions service's own view",
    async (werkagendaId) => {
      type Milestone = { id: string; dueDate: string; status: string; late: boolean };
      const own = (
        (await call('GET', `/api/v1/actions?werkagendaId=${werkagendaId}`)) as { key: string; milestones: Milestone[] }[]
      ).flatMap((a) => a.milestones.map((m) => ({ code: a.key, ...m }))); // the board names actions by key, as the messages do
      let board: { code: string; milestones: Milestone[] }[] = [];
      for (let i = 0; i < 50; i++) {
        board = await call('GET', `/api/v1/monitoring/milestones?werkagendaId=${werkagendaId}`);
        if (board.flatMap((a) => a.milestones).length === own.length) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      const view = (list: { code: string; id: string; dueDate: string; status: string; late: boolean }[]) =>
        list.map((m) => `${m.code} ${m.id} ${m.dueDate} ${m.late ? 'late' : m.status}`).sort();
      expect(view(board.flatMap((a) => a.milestones.map((m) => ({ code: a.code, ...m }))))).toEqual(view(own));
    },
  );
});
