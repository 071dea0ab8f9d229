import request from 'supertest';
import { quarterOf } from '@regie/calendar';
import { apiClient, type ApiClient, TEST_PASSWORD, testDatabase } from '@regie/test-kit';
import { type RunningPlatform } from './platform';
import { platformForTests } from './testing/platform-for-tests';

type Milestone = { id: string; title: string; dueDate: string; status: string; late: boolean; projectedDate?: string | null };

/**
 * Issue 17, Deliver 5, "one set of numbers", on the seeded history with the clock in December 2026:
 * the projection's summary, the mijlpalen board and the start page's figure count the same late
 * mijlpalen (open, due date before today, whichever quarter), in the API and on the screens; and a
 * long overdue mijlpaal reads "te laat", never "verwacht" on today's date.
 */
describe('one set of numbers on the seeded platform', () => {
  const now = '2026-12-08T09:30:00Z';
  const today = now.slice(0, 10);
  let db: Awaited<ReturnType<typeof testDatabase>>;
  let platform: RunningPlatform;
  let api: ApiClient;
  const get = async (path: string) => {
    const res = await api.fetch(path, {}, 'director');
    if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
    return (await res.json()) as any;
  };
  const portalAs = async (username: string) => {
    const agent = request.agent(platform.url);
    const login = await agent
      .post('/inloggen')
      .set('Origin', platform.url)
      .type('form')
      .send({ username, password: TEST_PASSWORD, terug: '/' });
    expect(login.status).toBe(303);
    return agent;
  };

  beforeAll(async () => {
    ({ db, platform } = await platformForTests('one_set_of_numbers', now));
    api = apiClient(platform.url);
  });
  afterAll(async () => {
    await platform.close();
    await db.drop();
  });

  const FIRST = 'betekenisvol-leven-2025-2028';
  const ACTIEPLAN = 'actieplan-dakloos-wlz-2025';

  it.each([FIRST, ACTIEPLAN])(
    'counts the same late mijlpalen in the actions, the board and the projection of werkagenda %s, by the same rule',
    async (werkagendaId) => {
      const of = `werkagendaId=${werkagendaId}`;
      const actions = (await get(`/api/v1/actions?${of}`)) as { code: string; werkagendaId: string; milestones: Milestone[] }[];
      expect(new Set(actions.map((a) => a.werkagendaId))).toEqual(new Set([werkagendaId]));
      const fromActions = actions.flatMap((a) => a.milestones.filter((m) => m.late).map((m) => m.id)).sort();
      const rule = actions
        .flatMap((a) => a.milestones)
        .filter((m) => (m.status === 'planned' || m.status === 'in_progress') && m.dueDate < today)
        .map((m) => m.id)
        .sort();
      // the first werkagenda's late mijlpalen; the actieplan's nine pilot plans, due 31 May 2026
      expect(fromActions.length).toBeGreaterThanOrEqual(werkagendaId === FIRST ? 5 : 9);
      expect(fromActions).toEqual(rule);

      const board = (await get(`/api/v1/monitoring/milestones?${of}`)) as { milestones: Milestone[] }[];
      expect(board.flatMap((a) => a.milestones.filter((m) => m.late).map((m) => m.id)).sort()).toEqual(fromActions);
      const lines = (await get(`/api/v1/monitoring/milestones/by-action-line?${of}`)) as { counts: { late: number } }[];
      expect(lines.reduce((n, l) => n + l.counts.late, 0)).toBe(fromActions.length);

      const projection = await get(`/api/v1/monitoring/projections/${quarterOf(today)}?${of}`);
      expect(projection.milestones.counts.late).toBe(fromActions.length);
      expect(projection.milestones.counts.lateDue).toBeLessThanOrEqual(projection.milestones.counts.late);
    },
  );

  it('shows that number on the projection page and the start page, and a late mijlpaal as te laat, not as expected today', async () => {
    const actions = (await get(`/api/v1/actions?werkagendaId=${FIRST}`)) as { milestones: Milestone[] }[];
    const late = actions.flatMap((a) => a.milestones).filter((m) => m.late);
    const director = await portalAs('director');

    const home = await director.get('/');
    expect(home.status).toBe(200);
    expect(home.text).toMatch(new RegExp(`<span class="regie-figure__value">${late.length}</span> <a[^>]*>mijlpalen te laat</a>`));

    const page = await director.get(`/voortgangsrapportage?kwartaal=${quarterOf(today)}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(`<strong>${late.length} mijlpalen te laat op 8 december 2026</strong>`);
    expect(page.text).not.toMatch(/\b0 te laat\b/);
    // Action 0's mijlpaal was due on 30 April 2025: te laat since then, not "verwacht" on 8 December 2026.
    expect(page.text).toContain('niet behaald, te laat sinds 30 april 2025');
    expect(page.text).not.toMatch(/<td[^>]*>8 december 2026<\/td>/);
  });
});
