import { apiClient, type ApiClient, testDatabase } from '@regie/test-kit';
import { type RunningPlatform } from './platform';
import { platformForTests } from './testing/platform-for-tests';

/**
 * `?asOf` answers as of a moment: a due date before its replan, and monitoring's indicators,
 * live projection and published (frozen) projections — which versions existed then.
 */
describe('time travel (?asOf) on every read, monitoring included', () => {
  let db: Awaited<ReturnType<typeof testDatabase>>;
  let platform: RunningPlatform;
  let api: ApiClient;
  const moments: string[] = [];

  /** As a local account: coordinator, except that directors publish projections. */
  const call = async (method: string, path: string, body?: object) => {
    const as = path.endsWith('/publish') ? 'director' : 'coordinator';
    const res = await api.fetch(
      path,
      { method, headers: { 'content-type': 'application/json' }, body: body ? JSON.stringify(body) : undefined },
      as,
    );
    return { status: res.status, body: (await res.json()) as any };
  };
  const ok = async (method: string, path: string, body?: object) => {
    const res = await call(method, path, body);
    if (res.status >= 400) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  /** A moment strictly between the steps before and after it (asOf must lie in the past). */
  const mark = async () => {
    await new Promise((r) => setTimeout(r, 600));
    moments.push(platform.adapters.clock.now().toISOString());
    await new Promise((r) => setTimeout(r, 600));
  };

  beforeAll(async () => {
    ({ db, platform } = await platformForTests('time_travel', '2026-03-15T09:00:00Z'));
    api = apiClient(platform.url);
    await mark(); // 0: before anything below
    const milestone = await ok('POST', '/api/v1/actions/1.2/milestones', { title: 'Voorbeeld: regiokaart klaar', dueDate: '2026-06-30' });
    const [indicator] = await ok('GET', '/api/v1/indicators');
    await ok('POST', `/api/v1/indicators/${indicator.id}/measurements`, { period: '2026-01', value: 110 });
    await ok('POST', '/api/v1/monitoring/projections/2026-Q2/publish');
    const [meeting] = await ok('GET', '/api/v1/meetings?kind=kerngroep&from=2026-04-01');
    await mark(); // 1: planned for 30 June, one measurement, projection v1, the kerngroep not yet moved
    await ok('POST', `/api/v1/actions/1.2/milestones/${milestone.id}/replan`, { dueDate: '2026-09-30', reason: 'Voorbeeld: later' });
    await ok('POST', `/api/v1/meetings/${meeting.id}/reschedule`, {
      startsAt: '2026-04-22T13:00:00+02:00',
      reason: 'Voorbeeld: voorzitter verhinderd',
    });
    await ok('POST', `/api/v1/indicators/${indicator.id}/measurements`, { period: '2026-02', value: 104 });
    await ok('POST', '/api/v1/monitoring/projections/2026-Q2/publish');
    Object.assign(moments, { milestone: milestone.id, indicator: indicator.id, meeting: meeting.id });
    await new Promise((r) => setTimeout(r, 1100));
  });
  afterAll(async () => {
    await platform.close();
    await db.drop();
  });

  const ids = () => moments as unknown as { milestone: string; indicator: string; meeting: string };

  it('shows the old due date as of a moment before the replan, in actions and on the monitoring board', async () => {
    const dueOf = (action: { milestones: { id: string; dueDate: string }[] }) =>
      action.milestones.find((m) => m.id === ids().milestone)?.dueDate;
    expect(dueOf(await ok('GET', `/api/v1/actions/1.2?asOf=${moments[1]}`))).toBe('2026-06-30');
    expect(dueOf(await ok('GET', '/api/v1/actions/1.2'))).toBe('2026-09-30');
    const board = async (asOf?: string) =>
      (await ok('GET', `/api/v1/monitoring/milestones${asOf ? `?asOf=${asOf}` : ''}`)).find((a: { code: string }) => a.code === '1.2');
    expect(dueOf(await board(moments[1]))).toBe('2026-06-30');
    expect(dueOf(await board())).toBe('2026-09-30');
    expect(dueOf(await board(moments[0]))).toBeUndefined();
  });

  it('serves the calendar feed and the printable agenda as they were then', async () => {
    const feed = async (asOf?: string) => {
      const res = await api.fetch(`/api/v1/meetings/calendar.ics?kind=kerngroep${asOf ? `&asOf=${asOf}` : ''}`);
      expect(res.headers.get('content-type')).toMatch(/^text\/calendar/);
      const text = await res.text();
      const event = text.slice(text.indexOf(`UID:${ids().meeting}@`));
      return { start: /DTSTART;TZID=Europe\/Amsterdam:(\S+)/.exec(event)?.[1], sequence: /SEQUENCE:(\d+)/.exec(event)?.[1] };
    };
    expect(await feed()).toEqual({ start: '20260422T130000', sequence: '1' });
    const then = await feed(moments[1]);
    expect(then.sequence).toBe('0');
    expect(then.start).not.toBe('20260422T130000');
    const agenda = await api.fetch(`/api/v1/meetings/${ids().meeting}/agenda.html?asOf=${moments[1]}`);
    expect(agenda.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await agenda.text()).not.toContain('22 april 2026');
    expect(await (await api.fetch(`/api/v1/meetings/${ids().meeting}/agenda.html`)).text()).toContain('22 april 2026');
    expect((await api.fetch(`/api/v1/meeting-series?asOf=${moments[1]}`)).status).toBe(200);
  });

  it('answers the indicators with the measurements recorded by then', async () => {
    const periods = async (asOf?: string) =>
      (await ok('GET', `/api/v1/indicators/${ids().indicator}${asOf ? `?asOf=${asOf}` : ''}`)).measurements
        .map((m: { period: string }) => m.period)
        .filter((p: string) => p >= '2026-01');
    expect(await periods(moments[0])).toEqual([]);
    expect(await periods(moments[1])).toEqual(['2026-01']);
    expect(await periods()).toEqual(['2026-01', '2026-02']);
    const listed = await ok('GET', `/api/v1/indicators?asOf=${moments[1]}`);
    expect(listed.find((i: { id: string }) => i.id === ids().indicator).measurements.map((m: { period: string }) => m.period)).toContain(
      '2026-01',
    );
  });

  it('answers which published versions existed then, and computes the live projection as of then', async () => {
    expect((await call('GET', `/api/v1/monitoring/projections/2026-Q2/published?asOf=${moments[0]}`)).status).toBe(404);
    expect((await ok('GET', `/api/v1/monitoring/projections/2026-Q2/published?asOf=${moments[1]}`)).version).toBe(1);
    expect((await call('GET', `/api/v1/monitoring/projections/2026-Q2/published?version=2&asOf=${moments[1]}`)).status).toBe(404);
    expect((await ok('GET', '/api/v1/monitoring/projections/2026-Q2/published')).version).toBe(2);
    const then = await ok('GET', `/api/v1/monitoring/projections/2026-Q2?asOf=${moments[1]}`);
    expect(then.computedAt).toBe(moments[1]);
    expect(then.milestones.due.map((m: { id: string }) => m.id)).toContain(ids().milestone); // due in Q2 before the replan
    expect((await ok('GET', '/api/v1/monitoring/projections/2026-Q2')).milestones.due.map((m: { id: string }) => m.id)).not.toContain(
      ids().milestone,
    );
  });

  it('refuses a malformed asOf with problem+json naming it', async () => {
    const res = await call('GET', '/api/v1/indicators?asOf=gisteren');
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'asOf' })]);
  });
});
