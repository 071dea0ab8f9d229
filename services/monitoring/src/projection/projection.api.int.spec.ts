import { createHash } from 'node:crypto';
import request from 'supertest';
import { FIRST_WERKAGENDA_ID, newId } from '@regie/es-core';
import { monitoringTestApp, type MonitoringTestApp } from '../testing/monitoring-test-app';
import { projectionStream } from './publication';

const holder = { parties: ['VWS'], description: 'VWS' };

describe('quarterly projection over HTTP', () => {
  let t: MonitoringTestApp;
  const m1 = newId();
  const m2 = newId();
  let sources: number[];
  beforeAll(async () => {
    t = await monitoringTestApp('monitoring_projection');
    sources = await t.actions(
      {
        type: 'ActionDefinedV1',
        werkagendaId: FIRST_WERKAGENDA_ID,
        code: '2.1',
        actionLine: 2,
        title: 'Pilotregio’s',
        actionHolder: holder,
      },
      { type: 'MilestonePlannedV1', milestoneId: m1, actionCode: '2.1', title: 'Plan van aanpak', dueDate: '2026-10-15' },
      {
        type: 'MilestoneReplannedV1',
        milestoneId: m1,
        actionCode: '2.1',
        previousDueDate: '2026-10-15',
        dueDate: '2026-11-14',
        reason: 'later',
      },
      {
        type: 'MilestoneReplannedV1',
        milestoneId: m1,
        actionCode: '2.1',
        previousDueDate: '2026-11-14',
        dueDate: '2026-12-14',
        reason: 'nog later',
      },
    );
  });
  afterAll(async () => t.close());

  const live = async (quarter: string) => (await request(t.http).get(`/api/v1/monitoring/projections/${quarter}`).expect(200)).body;

  it('moves a milestone replanned twice by +30 days into the quarter the median-slip rule gives, and says why', async () => {
    const q4 = await live('2026-Q4');
    expect(q4.milestones.due.map((m: { id: string }) => m.id)).toEqual([m1]);
    expect(q4.milestones.movedOut).toEqual([
      expect.objectContaining({
        id: m1,
        dueDate: '2026-12-14',
        projectedDate: '2027-01-13',
        projectedQuarter: '2027-Q1',
        replannedTimes: 2,
        sources: sources.slice(1),
      }),
    ]);
    expect(q4.milestones.movedOut[0].why).toMatch(
      /2 keer herpland \(verschuivingen 30 dagen later, 30 dagen later; mediaan 30 dagen later\).*14 december 2026, 30 dagen later: 13 januari 2027, in het 1e kwartaal 2027/,
    );
    expect(q4.actionLines).toEqual([expect.objectContaining({ actionLine: 2, rag: 'oranje', rule: expect.stringMatching(/^oranje:/) })]);
    expect(q4.rules.milestones).toMatch(/Mediane verschuiving/);
    const q1 = await live('2027-Q1');
    expect(q1.milestones.projected).toEqual([expect.objectContaining({ id: m1, projectedDate: '2027-01-13' })]);
  });

  it('states the indicator forecast method and says "onvoldoende gegevens" without measurements', async () => {
    const [indicator] = (await live('2026-Q4')).indicators;
    expect(indicator).toMatchObject({
      id: 'nieuwe-wlz-indicaties-ggz-wonen',
      status: 'onvoldoende gegevens',
      assessment: 'onvoldoende gegevens',
      forecast: null,
    });
    expect(indicator.method).toMatch(/Kleinste kwadraten/);
    expect(indicator.target).toMatchObject({ value: 100, by: null });
  });

  it('refuses a malformed quarter with 400 naming it', async () => {
    const res = await request(t.http).get('/api/v1/monitoring/projections/2026-Q5');
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'quarter' })]);
    expect((await request(t.http).get('/api/v1/monitoring/projections/2026-Q4/published')).status).toBe(404);
  });

  it('shows a quarter as not yet published until the moment it is, then its publication at once', async () => {
    const published = () => request(t.http).get('/api/v1/monitoring/projections/2027-Q3/published');
    for (let i = 0; i < 2; i++) expect((await published()).body.detail).toBe('er is nog geen projectie voor 2027-Q3 gepubliceerd');
    const director = await t.auth.bearer('director');
    await request(t.http).post('/api/v1/monitoring/projections/2027-Q3/publish').set('Authorization', director).expect(201);
    expect((await published().expect(200)).body).toMatchObject({ quarter: '2027-Q3', version: 1 });
  });

  it('answers a repeated publication with the same Idempotency-Key as the first time, and publishes once', async () => {
    const director = await t.auth.bearer('director');
    const publish = () =>
      request(t.http)
        .post('/api/v1/monitoring/projections/2027-Q2/publish')
        .set('Authorization', director)
        .set('Idempotency-Key', 'publiceer-2027-q2')
        .timeout(5000);
    const first = await publish().expect(201);
    const again = await publish().expect(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.headers.etag).toBe(first.headers.etag);
    expect(again.body).toEqual(first.body);
    expect(await t.store.readStream(projectionStream('2027-Q2'))).toHaveLength(1);
  });

  it('freezes a published projection: byte-identical after later events, while the live one changes; a second publication is v2 and comparable', async () => {
    await request(t.http).post('/api/v1/monitoring/projections/2026-Q4/publish').expect(403); // the coordinator may not
    const published = await request(t.http)
      .post('/api/v1/monitoring/projections/2026-Q4/publish')
      .set('Authorization', await t.auth.bearer('director'))
      .expect(201);
    expect(published.body).toMatchObject({
      quarter: '2026-Q4',
      version: 1,
      publishedAt: '2026-11-23T09:00:00.000Z',
      publishedBy: 'director',
    });
    const [event] = await t.store.readStream(projectionStream('2026-Q4'));
    expect(event).toMatchObject({ type: 'ProjectionPublished', data: { quarter: '2026-Q4', version: 1 } });
    // Frozen as text in the event (jsonb keeps a string byte for byte), served exactly so, with its sha256.
    const { text, sha256 } = event.data as { text: string; sha256: string };
    expect(published.body.document).toEqual(JSON.parse(text));
    expect(published.body.sha256).toBe(createHash('sha256').update(text).digest('hex'));
    expect(sha256).toBe(published.body.sha256);
    const raw = await request(t.http).get('/api/v1/monitoring/projections/2026-Q4/published/document?version=1').expect(200);
    expect(raw.text).toBe(text);
    expect(raw.headers['content-type']).toMatch(/^application\/json/);
    expect(raw.headers['repr-digest']).toBe(`sha-256=:${Buffer.from(sha256, 'hex').toString('base64')}:`);
    const frozen = (await request(t.http).get('/api/v1/monitoring/projections/2026-Q4/published').expect(200)).text;

    t.clock.set(new Date('2026-11-30T09:00:00Z'));
    await t.actions({ type: 'MilestoneAchievedV1', milestoneId: m1, actionCode: '2.1', achievedOn: '2026-11-28' });
    await t.actions({ type: 'MilestonePlannedV1', milestoneId: m2, actionCode: '2.1', title: 'Tweede mijlpaal', dueDate: '2026-12-20' });
    const after = await live('2026-Q4');
    // m1 achieved; m2 (due 2026-12-20) inherits the action's median slip of +30 days → 2027-01-19
    expect(after.milestones.counts).toMatchObject({ achieved: 1, movedOut: 1 });
    expect(after.milestones.movedOut).toEqual([expect.objectContaining({ id: m2, projectedDate: '2027-01-19' })]);
    expect((await request(t.http).get('/api/v1/monitoring/projections/2026-Q4/published').expect(200)).text).toBe(frozen);

    const v2 = await request(t.http)
      .post('/api/v1/monitoring/projections/2026-Q4/publish')
      .set('Authorization', await t.auth.bearer('director'))
      .expect(201);
    expect(v2.body.version).toBe(2);
    expect((await request(t.http).get('/api/v1/monitoring/projections/2026-Q4/published?version=1').expect(200)).text).toBe(frozen);
    expect((await request(t.http).get('/api/v1/monitoring/projections/2026-Q4/published').expect(200)).body.version).toBe(2);

    const compare = (await request(t.http).get('/api/v1/monitoring/projections/2026-Q4/published/compare?from=1&to=2').expect(200)).body;
    expect(compare).toMatchObject({ quarter: '2026-Q4', from: { version: 1 }, to: { version: 2 } });
    expect(compare.changes).toEqual(
      expect.arrayContaining([
        { path: 'milestones.counts.achieved', kind: 'changed', from: 0, to: 1 },
        {
          path: `milestones.movedOut[id=${m1}]`,
          kind: 'removed',
          from: expect.objectContaining({ projectedQuarter: '2027-Q1' }),
          to: null,
        },
        { path: `milestones.due[id=${m1}].status`, kind: 'changed', from: 'planned', to: 'achieved' },
        { path: `milestones.movedOut[id=${m2}]`, kind: 'added', from: null, to: expect.objectContaining({ projectedQuarter: '2027-Q1' }) },
        { path: 'today', kind: 'changed', from: '2026-11-23', to: '2026-11-30' },
      ]),
    );
    expect((await request(t.http).get('/api/v1/monitoring/projections/2026-Q4/published?version=3')).status).toBe(404);
    expect((await request(t.http).get('/api/v1/monitoring/projections/2026-Q4/published/compare?from=x&to=2')).body.errors).toEqual([
      expect.objectContaining({ field: 'from' }),
    ]);
  });
});
