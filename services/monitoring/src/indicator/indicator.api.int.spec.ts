import request from 'supertest';
import { MonitoringSeeder } from '../seed/seed-monitoring';
import { monitoringTestApp, type MonitoringTestApp } from '../testing/monitoring-test-app';
import { indicatorStream } from './indicator';

const ID = 'nieuwe-wlz-indicaties-ggz-wonen';

describe('indicators over HTTP', () => {
  let t: MonitoringTestApp;
  beforeAll(async () => (t = await monitoringTestApp('monitoring_indicators')));
  afterAll(async () => t.close());

  const record = (body: object, id = ID) => request(t.http).post(`/api/v1/indicators/${id}/measurements`).send(body);

  it('seeds the documents’ indicator with only their figures and sources, and no measurements', async () => {
    const [indicator] = (await request(t.http).get('/api/v1/indicators').expect(200)).body;
    expect(indicator).toMatchObject({ id: ID, title: 'Nieuwe Wlz-indicaties ggz-wonen per maand', periodicity: 'month', measurements: [] });
    expect(indicator.baseline).toMatchObject({
      value: 300,
      approximate: true,
      reference: '2023',
      source: expect.stringContaining('25 424, nr. 664'),
    });
    expect(indicator.targets).toEqual([
      expect.objectContaining({ value: 240, by: '2024-03', source: expect.stringContaining('nr. 664') }),
      expect.objectContaining({ value: 100, by: null, approximate: true, source: expect.stringContaining('nr. 664') }),
    ]);
    expect(indicator.assessments).toEqual([expect.objectContaining({ asOf: '2025-03-11', source: expect.stringContaining('nr. 727') })]);
    expect(indicator.sources).toHaveLength(5);
  });

  it('seeds nothing twice', async () => {
    const head = await t.store.headPosition();
    expect(await t.app.get(MonitoringSeeder).seed()).toEqual({ commands: 0 });
    expect(await t.store.headPosition()).toBe(head);
  });

  it('records a measurement per month as an event in indicator-<id>, and a correction with the previous value', async () => {
    const res = await record({ period: '2026-09', value: 104, source: 'CIZ maandcijfers (test)' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ period: '2026-09', value: 104, recorded: true, previousValue: null });
    const again = await record({ period: '2026-09', value: 98 });
    expect(again.body).toMatchObject({ recorded: true, previousValue: 104 });
    const events = await t.store.readStream(indicatorStream(ID));
    expect(events.at(-1)).toMatchObject({ type: 'MeasurementRecorded', data: { period: '2026-09', value: 98, previousValue: 104 } });
    const one = (await request(t.http).get(`/api/v1/indicators/${ID}`).expect(200)).body;
    expect(one.measurements).toEqual([
      expect.objectContaining({ period: '2026-09', value: 98, corrections: 1, position: events.at(-1)!.position }),
    ]);
  });

  it('refuses an unknown period format or a negative count with problem+json naming the field, and records nothing', async () => {
    const head = await t.store.headPosition();
    const badPeriod = await record({ period: '2026-Q3', value: 10 });
    expect(badPeriod.status).toBe(400);
    expect(badPeriod.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(badPeriod.body.errors).toEqual([{ field: 'period', message: 'verwacht een maand als 2026-10' }]);
    const negative = await record({ period: '2026-10', value: -3 });
    expect(negative.status).toBe(400);
    expect(negative.body.errors).toEqual([{ field: 'value', message: 'verwacht een aantal van 0 of meer' }]);
    const both = await record({ period: 'oktober', value: -1 });
    expect(both.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['period', 'value']);
    const future = await record({ period: '2027-01', value: 1 });
    expect(future.status).toBe(400);
    expect(future.body.errors).toEqual([expect.objectContaining({ field: 'period', message: expect.stringMatching(/toekomst/) })]);
    expect(await t.store.headPosition()).toBe(head);
  });

  it('answers 404 for an unknown indicator and 400 for a malformed id', async () => {
    expect((await record({ period: '2026-10', value: 1 }, 'bestaat-niet')).status).toBe(404);
    expect((await record({ period: '2026-10', value: 1 }, 'Geen_Id')).body.errors).toEqual([expect.objectContaining({ field: 'id' })]);
  });

  it('exports the series as CSV with the applicable target and its source, and a chart as SVG', async () => {
    await record({ period: '2026-10', value: 101.5 });
    const csv = await request(t.http).get(`/api/v1/indicators/${ID}/series.csv`).expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe('periode;waarde;doel_max;doel_bron;basislijn;bron_meting;correcties;bron_positie');
    expect(lines[2]).toMatch(/^2026-10;101,5;100;Kamerstuk 25 424, nr\. 664 .*;300;;0;\d+$/);
    const svg = await request(t.http)
      .get(`/api/v1/indicators/${ID}/chart.svg`)
      .buffer(true)
      .parse((res, cb) => {
        let data = '';
        res.on('data', (c) => (data += c));
        res.on('end', () => cb(null, data));
      });
    expect(svg.status).toBe(200);
    expect(svg.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(svg.body).toContain('>101.5</text>'); // the recorded measurement, labelled on its point
    expect(svg.body).toContain('doel ≤ 240 vanaf 2024-03');
  });
});
