import request from 'supertest';
import { actionsTestApp, type ActionsTestApp } from '../testing/actions-test-app';

describe('knelpunten and progress reports over HTTP', () => {
  let t: ActionsTestApp;
  beforeAll(async () => (t = await actionsTestApp('knelpunt_api')));
  afterAll(async () => t.close());

  const openKnelpunten = async (code: string) =>
    (await request(t.http).get('/api/v1/actions')).body.find((a: { code: string }) => a.code === code).openKnelpunten;

  it('raises a knelpunt escalated to the regiegroep, and resolving it closes it', async () => {
    const raised = await request(t.http)
      .post('/api/v1/actions/3.1/knelpunten')
      .send({ description: 'Regiokaart loopt vertraging op', escalateTo: 'regiegroep' });
    expect(raised.status).toBe(201);
    expect(await openKnelpunten('3.1')).toBe(1);
    const detail = (await request(t.http).get('/api/v1/actions/3.1')).body.knelpunten[0];
    expect(detail).toMatchObject({ id: raised.body.id, escalatedTo: 'regiegroep', status: 'open' });
    await request(t.http)
      .post(`/api/v1/actions/3.1/knelpunten/${raised.body.id}/resolve`)
      .send({ resolution: 'Afspraak met zorgkantoren' })
      .expect(200);
    expect(await openKnelpunten('3.1')).toBe(0);
    const twice = await request(t.http).post(`/api/v1/actions/3.1/knelpunten/${raised.body.id}/resolve`).send({ resolution: 'nogmaals' });
    expect(twice.status).toBe(409);
  });

  it('refuses an escalation level that does not exist, naming the field', async () => {
    const res = await request(t.http).post('/api/v1/actions/3.1/knelpunten').send({ description: 'x', escalateTo: 'minister' });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'escalateTo' })]);
  });

  it('shows the latest progress report as the action RAG, and in the list when it was made', async () => {
    const listed = async () => (await request(t.http).get('/api/v1/actions')).body.find((a: { code: string }) => a.code === '1.4');
    expect((await listed()).lastReportedAt).toBeNull();
    await request(t.http)
      .post('/api/v1/actions/1.4/progress-reports')
      .send({ rag: 'oranje', summary: 'Behoefteonderzoek loopt uit' })
      .expect(201);
    t.clock.advance(60_000);
    await request(t.http).post('/api/v1/actions/1.4/progress-reports').send({ rag: 'groen', summary: 'Weer op schema' }).expect(201);
    const { body } = await request(t.http).get('/api/v1/actions/1.4');
    expect(body.rag).toBe('groen');
    expect(body.progressReports.map((r: { rag: string }) => r.rag)).toEqual(['groen', 'oranje']);
    expect((await listed()).lastReportedAt).toBe(body.progressReports[0].reportedAt);
  });

  it('refuses an unknown RAG colour and an empty summary', async () => {
    const res = await request(t.http).post('/api/v1/actions/1.4/progress-reports').send({ rag: 'blauw', summary: '  ' });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['rag', 'summary']);
  });

  it('publishes integration events of contract v1 on the bus, keyed by stream, to consumers that start late too', async () => {
    const received: { type: string; payload: unknown; key: string }[] = [];
    const subscription = await t.bus.subscribe('regie.actions.v1', 'test-consumer', async (m) => void received.push(m));
    const { body } = await request(t.http)
      .post('/api/v1/actions/2.2/milestones')
      .send({ title: 'Pilot flexibele inzet', dueDate: '2026-09-01' });
    const ours = () =>
      received.find((m) => m.type === 'MilestonePlannedV1' && (m.payload as { milestoneId: string }).milestoneId === body.id);
    for (let i = 0; i < 100 && !ours(); i++) await new Promise((r) => setTimeout(r, 20));
    await subscription.close();
    expect(received.filter((m) => m.type === 'ActionDefinedV1')).toHaveLength(13); // the seed (12 actions of the first werkagenda, 1 of the actieplan), from before it subscribed
    expect(ours()).toMatchObject({
      key: `milestone-${body.id}`,
      payload: { type: 'MilestonePlannedV1', milestoneId: body.id, actionCode: '2.2', dueDate: '2026-09-01' },
    });
  });
});
