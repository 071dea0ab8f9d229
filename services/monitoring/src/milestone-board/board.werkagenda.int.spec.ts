import request from 'supertest';
import { actionKey, FIRST_WERKAGENDA_ID, newId } from '@regie/es-core';
import { monitoringTestApp, type MonitoringTestApp } from '../testing/monitoring-test-app';
import { projectionStream, publicationKey } from '../projection/publication';

const OTHER = 'actieplan-dakloos-wlz-2025';
const holder = { parties: ['VWS'], description: 'VWS' };

/** Two werkagenda's, each with an action 1.1: the board, the projection and its publications are per werkagenda. */
describe('board and projection per werkagenda', () => {
  let t: MonitoringTestApp;
  const mine = newId();
  const theirs = newId();
  const theirKey = actionKey(OTHER, '1.1');
  beforeAll(async () => {
    t = await monitoringTestApp('monitoring_board_werkagenda');
    await t.actions(
      { type: 'ActionDefinedV1', werkagendaId: FIRST_WERKAGENDA_ID, code: '1.1', actionLine: 1, title: 'Eerste', actionHolder: holder },
      { type: 'ActionDefinedV1', werkagendaId: OTHER, code: theirKey, actionLine: 1, title: 'Dakloos', actionHolder: holder },
      { type: 'MilestonePlannedV1', milestoneId: mine, actionCode: '1.1', title: 'Plan', dueDate: '2026-12-01' },
      { type: 'MilestonePlannedV1', milestoneId: theirs, actionCode: theirKey, title: 'Verkenning', dueDate: '2026-06-30' },
    );
    await t.commitments({
      type: 'CommitmentRegisteredV1',
      commitmentId: newId(),
      text: 'Brief over dakloosheid',
      madeBy: 'Staatssecretaris',
      madeAt: { date: '2025-03-11', source: 'x' },
      due: { text: 'eind 2026', date: '2026-12-31' },
      actionCodes: [theirKey],
      externalRef: null,
    });
  });
  afterAll(async () => t.close());

  const get = async (path: string) => (await request(t.http).get(path).expect(200)).body;

  it('shows on a werkagenda’s board only its own actions; without werkagendaId the first werkagenda', async () => {
    const first = await get('/api/v1/monitoring/milestones');
    expect(first.map((a: { code: string }) => a.code)).toEqual(['1.1']);
    expect(first[0].milestones.map((m: { id: string }) => m.id)).toEqual([mine]);
    expect(await get(`/api/v1/monitoring/milestones?werkagendaId=${FIRST_WERKAGENDA_ID}`)).toEqual(first);
    const other = await get(`/api/v1/monitoring/milestones?werkagendaId=${OTHER}`);
    expect(other).toEqual([
      expect.objectContaining({ code: theirKey, title: 'Dakloos', milestones: [expect.objectContaining({ id: theirs, status: 'late' })] }),
    ]);
    const lines = await get(`/api/v1/monitoring/milestones/by-action-line?werkagendaId=${OTHER}`);
    expect(lines).toEqual([expect.objectContaining({ actionLine: 1, counts: expect.objectContaining({ total: 1, late: 1 }) })]);
    const csv = await request(t.http).get(`/api/v1/monitoring/milestones.csv?werkagendaId=${OTHER}`).expect(200);
    expect(csv.text).toContain('Verkenning');
    expect(csv.text).not.toContain(mine);
    expect(await get('/api/v1/monitoring/milestones?werkagendaId=bestaat-niet')).toEqual([]);
  });

  it('refuses a malformed werkagendaId naming the field', async () => {
    const res = await request(t.http).get('/api/v1/monitoring/milestones?werkagendaId=Geen%20Id');
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'werkagendaId' })]);
  });

  it('projects a quarter per werkagenda: milestones, toezeggingen and indicators of that werkagenda only', async () => {
    const first = await get('/api/v1/monitoring/projections/2026-Q4');
    expect(first.milestones.due.map((m: { id: string }) => m.id)).toEqual([mine]);
    expect(first.milestones.counts.late).toBe(0);
    expect(first.commitments.counts.due).toBe(0);
    expect(first.indicators.map((i: { id: string }) => i.id)).toEqual(['nieuwe-wlz-indicaties-ggz-wonen']);
    const other = await get(`/api/v1/monitoring/projections/2026-Q4?werkagendaId=${OTHER}`);
    expect(other.milestones.due).toEqual([]);
    expect(other.milestones.counts.late).toBe(1);
    expect(other.commitments.atRisk).toEqual([expect.objectContaining({ text: 'Brief over dakloosheid', actionCodes: [theirKey] })]);
    expect(other.indicators).toEqual([]);
    expect(other.actionLines).toEqual([expect.objectContaining({ actionLine: 1, rag: 'rood', actions: [theirKey] })]);
  });

  it('publishes versions per werkagenda, each in its own stream, and the first werkagenda keeps its stream', async () => {
    const director = await t.auth.bearer('director');
    const publish = (query = '') =>
      request(t.http).post(`/api/v1/monitoring/projections/2026-Q4/publish${query}`).set('Authorization', director).expect(201);
    expect((await publish()).body).toMatchObject({ werkagendaId: FIRST_WERKAGENDA_ID, version: 1 });
    expect((await publish(`?werkagendaId=${OTHER}`)).body).toMatchObject({ werkagendaId: OTHER, version: 1 });
    expect((await publish(`?werkagendaId=${OTHER}`)).body).toMatchObject({ version: 2 });
    expect(await t.store.readStream(projectionStream('2026-Q4'))).toHaveLength(1);
    expect(await t.store.readStream(projectionStream(publicationKey(OTHER, '2026-Q4')))).toHaveLength(2);
    expect((await get('/api/v1/monitoring/projections/2026-Q4/published')).version).toBe(1);
    const theirs = await get(`/api/v1/monitoring/projections/2026-Q4/published?werkagendaId=${OTHER}`);
    expect(theirs).toMatchObject({ werkagendaId: OTHER, version: 2 });
    expect(theirs.document.milestones.counts.late).toBe(1);
    expect((await get(`/api/v1/monitoring/projections/2026-Q4/published/compare?from=1&to=2&werkagendaId=${OTHER}`)).changed).toBe(0);
  });
});
