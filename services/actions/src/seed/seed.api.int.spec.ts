import request from 'supertest';
import { actionsTestApp, type ActionsTestApp } from '../testing/actions-test-app';
import { WerkagendaSeeder } from './seed-werkagenda';

describe('the werkagenda seed', () => {
  let t: ActionsTestApp;
  beforeAll(async () => (t = await actionsTestApp('seed')));
  afterAll(async () => t.close());

  it('lists the 12 actions of the werkagenda with their action lines', async () => {
    const { body } = await request(t.http).get('/api/v1/actions?werkagendaId=betekenisvol-leven-2025-2028').expect(200);
    expect(body.map((a: { code: string }) => a.code)).toEqual([
      '0',
      '1.1',
      '1.2',
      '1.3',
      '1.4',
      '2.1',
      '2.2',
      '2.3',
      '2.4',
      '2.5',
      '3.1',
      '3.2',
    ]);
    expect(body.find((a: { code: string }) => a.code === '2.1').actionLine).toBe(2);
  });

  it('describes the werkagenda with its six parties and action lines', async () => {
    const { body } = await request(t.http).get('/api/v1/werkagenda').expect(200);
    expect(body.title).toMatch(/betekenisvol leven/i);
    expect(body.parties.map((p: { code: string }) => p.code).sort()).toEqual(['GGZNL', 'MIND', 'VALENTE', 'VNG', 'VWS', 'ZN']);
    expect(body.actionLines.map((l: { number: number }) => l.number)).toEqual([0, 1, 2, 3]);
  });

  it("lists both werkagenda's actions without a filter, the first werkagenda's first", async () => {
    const { body } = await request(t.http).get('/api/v1/actions').expect(200);
    expect(body.map((a: { key: string }) => a.key).slice(-2)).toEqual(['3.2', 'actieplan-dakloos-wlz-2025:1.1']);
  });

  it('plans a plan-van-aanpak milestone for each of the 9 pilot regions of the actieplan, due 31 May 2026', async () => {
    const { body } = await request(t.http).get('/api/v1/actions/actieplan-dakloos-wlz-2025:1.1').expect(200);
    const pilots = body.milestones.filter((m: { title: string }) => /plan van aanpak/i.test(m.title));
    expect(pilots).toHaveLength(9);
    expect(new Set(pilots.map((m: { regionSlug: string }) => m.regionSlug)).size).toBe(9);
    expect(new Set(pilots.map((m: { dueDate: string }) => m.dueDate))).toEqual(new Set(['2026-05-31']));
  });

  it('replays the evaluation: opdrachtformulering end April 2025, completion end 2025 replanned into Q1 2026', async () => {
    const { body } = await request(t.http).get('/api/v1/actions/0').expect(200);
    const completion = body.milestones.find((m: { originalDueDate: string }) => m.originalDueDate === '2025-12-31');
    expect(completion.dueDate).toBe('2026-03-31');
    expect(completion.replans).toEqual([expect.objectContaining({ previousDueDate: '2025-12-31', dueDate: '2026-03-31' })]);
    expect(body.milestones.some((m: { dueDate: string }) => m.dueDate === '2025-04-30')).toBe(true);
  });

  it('is idempotent: seeding again records nothing', async () => {
    const head = await t.store.headPosition();
    const again = await t.app.get(WerkagendaSeeder).seed();
    expect(again.commands).toBe(0);
    expect(await t.store.headPosition()).toBe(head);
  });

  it('records the seed as ordinary history, attributed to the system actor', async () => {
    const [first] = await t.store.readAll({ after: 0, limit: 1 });
    expect(first).toMatchObject({ type: 'WerkagendaEstablished', metadata: { actor: { userId: 'seed', role: 'system' } } });
  });
});
