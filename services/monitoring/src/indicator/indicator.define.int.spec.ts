import request from 'supertest';
import { FIRST_WERKAGENDA_ID } from '@regie/es-core';
import { monitoringTestApp, type MonitoringTestApp } from '../testing/monitoring-test-app';
import { indicatorStream } from './indicator';

const OTHER = 'actieplan-dakloos-wlz-2025';

/**
 * Indicators defined and changed through the API, on a clock that moves: defined on 1 November
 * 2025 with a target of ≤ 200 by December 2026, the target lowered to ≤ 150 on 1 March 2026.
 */
describe('indicators defined through the API', () => {
  let t: MonitoringTestApp;
  let id: string;
  beforeAll(async () => (t = await monitoringTestApp('monitoring_indicator_define', new Date('2025-11-01T09:00:00Z'))));
  afterAll(async () => t.close());

  const define = (body: object, auth?: string) => {
    const req = request(t.http).post('/api/v1/indicators');
    return (auth ? req.set('Authorization', auth) : req).send(body);
  };
  const change = (indicatorId: string, body: object, auth?: string) => {
    const req = request(t.http).patch(`/api/v1/indicators/${indicatorId}`);
    return (auth ? req.set('Authorization', auth) : req).send(body);
  };
  const instroom = {
    werkagendaId: FIRST_WERKAGENDA_ID,
    actionCode: '2.1',
    name: 'Instroom beschermd wonen',
    unit: 'cliënten per maand',
    direction: 'lager-is-beter',
    baseline: { value: 230, date: '2025-06-30', source: 'CIZ maandcijfers' },
    targets: [{ value: 200, date: '2026-12-31' }],
  };

  it('defines an indicator with baseline and targets: 201, recorded as events of its own stream, listed per werkagenda', async () => {
    const res = await define(instroom);
    expect(res.status).toBe(201);
    id = res.body.id;
    expect(id).toBe('instroom-beschermd-wonen');
    expect(res.headers.location).toBe(`/api/v1/indicators/${id}`);
    expect(res.body).toMatchObject({
      name: 'Instroom beschermd wonen',
      werkagendaId: FIRST_WERKAGENDA_ID,
      actionCode: '2.1',
      direction: 'lager-is-beter',
      unit: 'cliënten per maand',
      baseline: { value: 230, date: '2025-06-30', reference: '30 juni 2025', source: 'CIZ maandcijfers' },
      targets: [expect.objectContaining({ value: 200, date: '2026-12-31', by: '2026-12' })],
      targetHistory: [expect.objectContaining({ validFrom: '2025-11-01', reason: null, changedBy: 'coordinator' })],
    });
    expect((await t.store.readStream(indicatorStream(id))).map((e) => e.type)).toEqual([
      'IndicatorDefined',
      'IndicatorBaselineSet',
      'IndicatorTargetsChanged',
    ]);
    const list = (await request(t.http).get(`/api/v1/indicators?werkagendaId=${FIRST_WERKAGENDA_ID}`).expect(200)).body;
    expect(list.map((i: { id: string }) => i.id)).toEqual([id, 'nieuwe-wlz-indicaties-ggz-wonen']);
    expect((await request(t.http).get(`/api/v1/indicators?werkagendaId=${OTHER}`).expect(200)).body).toEqual([]);
  });

  it('answers 409 for a name already used in that werkagenda (also in other case), and allows it in another werkagenda', async () => {
    const head = await t.store.headPosition();
    const again = await define({ ...instroom, name: ' instroom BESCHERMD wonen ' });
    expect(again.status).toBe(409);
    expect(again.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(again.body.detail).toMatch(/al een indicator met de naam/);
    expect(await t.store.headPosition()).toBe(head);
    const elsewhere = await define({ ...instroom, werkagendaId: OTHER, actionCode: '1.1' });
    expect(elsewhere.status).toBe(201);
    expect(elsewhere.body).toMatchObject({ id: `${OTHER}-instroom-beschermd-wonen`, werkagendaId: OTHER, actionCode: `${OTHER}:1.1` });
    const renamed = await change(id, { name: 'Nieuwe Wlz-indicaties ggz-wonen per maand' });
    expect(renamed.status).toBe(409);
  });

  it('refuses bad input with problem+json naming each field, and records nothing', async () => {
    const head = await t.store.headPosition();
    const bad = await define({ ...instroom, name: 'x', direction: 'omhoog', baseline: { value: -1, date: '30-06-2025', source: '' } });
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'baseline.date',
      'baseline.source',
      'baseline.value',
      'direction',
    ]);
    expect(bad.body.errors.find((e: { field: string }) => e.field === 'direction').message).toBe(
      'verwacht hoger-is-beter of lager-is-beter',
    );
    const noName = await define({ ...instroom, name: '   ' });
    expect(noName.body.errors).toEqual([{ field: 'name', message: 'mag niet leeg zijn' }]);
    const foreignAction = await define({ ...instroom, name: 'Ander', actionCode: `${OTHER}:1.1` });
    expect(foreignAction.status).toBe(400);
    expect(foreignAction.body.errors).toEqual([{ field: 'actionCode', message: expect.stringMatching(/hoort niet bij werkagenda/) }]);
    const twice = await define({
      ...instroom,
      name: 'Ander',
      targets: [
        { value: 1, date: '2026-06-30' },
        { value: 2, date: '2026-06-30' },
      ],
    });
    expect(twice.body.errors).toEqual([{ field: 'targets', message: 'twee doelen op 30 juni 2026: geef één doel per datum' }]);
    expect(await t.store.headPosition()).toBe(head);
  });

  it('changes a target only with a reason (400 naming reason otherwise, nothing recorded), and keeps the history: when, by whom, why', async () => {
    // Four measurements, falling by 5 a month: a forecast of 200 for December 2025 and 185 for March 2026.
    for (const [period, value] of [
      ['2025-08', 220],
      ['2025-09', 215],
      ['2025-10', 210],
      ['2025-11', 205],
    ] as const) {
      await request(t.http).post(`/api/v1/indicators/${id}/measurements`).send({ period, value }).expect(201);
    }
    t.clock.set(new Date('2026-03-01T10:00:00Z'));
    const head = await t.store.headPosition();
    const without = await change(id, { targets: [{ value: 150, date: '2026-12-31' }] });
    expect(without.status).toBe(400);
    expect(without.body.errors).toEqual([{ field: 'reason', message: expect.stringMatching(/reden/) }]);
    expect(await t.store.headPosition()).toBe(head);

    const res = await change(id, { targets: [{ value: 150, date: '2026-12-31' }], reason: 'Bestuurlijk overleg: scherper doel' });
    expect(res.status).toBe(200);
    expect(res.body.changed).toEqual(['IndicatorTargetsChanged']);
    const one = (await request(t.http).get(`/api/v1/indicators/${id}`).expect(200)).body;
    expect(one.targets).toEqual([expect.objectContaining({ value: 150, date: '2026-12-31' })]);
    expect(one.targetHistory).toEqual([
      expect.objectContaining({ validFrom: '2025-11-01', reason: null, targets: [expect.objectContaining({ value: 200 })] }),
      expect.objectContaining({
        validFrom: '2026-03-01',
        reason: 'Bestuurlijk overleg: scherper doel',
        changedBy: 'coordinator',
        changedAt: '2026-03-01T10:00:00.000Z',
        targets: [expect.objectContaining({ value: 150 })],
      }),
    ]);
    const event = (await t.store.readStream(indicatorStream(id))).at(-1)!;
    expect(event).toMatchObject({
      type: 'IndicatorTargetsChanged',
      data: { previous: [expect.objectContaining({ value: 200 })], targets: [expect.objectContaining({ value: 150 })] },
    });
    expect(event.metadata.actor.userId).toBe('coordinator');

    const same = await change(id, { targets: [{ value: 150, date: '2026-12-31' }] });
    expect(same.status).toBe(200);
    expect(same.body.changed).toEqual([]);
    const renamed = await change(id, { name: 'Instroom beschermd wonen (Wlz)', unit: 'cliënten per maand' });
    expect(renamed.body.changed).toEqual(['IndicatorRedefined']);
    expect(renamed.body.indicator).toMatchObject({ name: 'Instroom beschermd wonen (Wlz)', title: 'Instroom beschermd wonen (Wlz)' });
  });

  it('projects each quarter against the targets valid then: the quarter before the change keeps ≤ 200', async () => {
    const projected = async (quarter: string) =>
      ((await request(t.http).get(`/api/v1/monitoring/projections/${quarter}`).expect(200)).body.indicators as { id: string }[]).find(
        (i) => i.id === id,
      ) as Record<string, unknown>;
    const q4 = await projected('2025-Q4');
    expect(q4).toMatchObject({
      targets: [expect.objectContaining({ value: 200 })],
      target: expect.objectContaining({ value: 200 }),
      forecast: expect.objectContaining({ period: '2025-12', value: 200 }),
      assessment: 'op koers',
    });
    const q1 = await projected('2026-Q1');
    expect(q1).toMatchObject({
      targets: [expect.objectContaining({ value: 150 })],
      forecast: expect.objectContaining({ period: '2026-03', value: 185 }),
      assessment: 'niet op koers',
    });
    // The quarter before the indicator existed had no target.
    expect(await projected('2025-Q3')).toMatchObject({ targets: [], assessment: 'geen doel' });
  });

  it('exports each month with the target valid then, and draws both targets where they were valid', async () => {
    const csv = await request(t.http).get(`/api/v1/indicators/${id}/series.csv`).expect(200);
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    // Measured before the indicator was defined: no target was valid then; November 2025: ≤ 200.
    expect(lines.slice(1).map((l) => l.split(';').slice(0, 3).join(';'))).toEqual([
      '2025-08;220;',
      '2025-09;215;',
      '2025-10;210;',
      '2025-11;205;200',
    ]);
    const svg = await request(t.http)
      .get(`/api/v1/indicators/${id}/chart.svg`)
      .buffer(true)
      .parse((res, cb) => {
        let data = '';
        res.on('data', (c) => (data += c));
        res.on('end', () => cb(null, data));
      });
    expect(svg.body).toContain('doel ≤ 200 vanaf 2026-12, geldig tot 2026-02');
    expect(svg.body).toContain('doel ≤ 150 vanaf 2026-12');
  });

  it('refuses a coordinator of another werkagenda (403) on every write, and lets one of this werkagenda write', async () => {
    const outsider = t.as('coordinator-elders', `coordinator@${OTHER}`);
    const head = await t.store.headPosition();
    expect((await define({ ...instroom, name: 'Buiten' }, outsider)).status).toBe(403);
    expect((await change(id, { name: 'Buiten' }, outsider)).status).toBe(403);
    const measured = await request(t.http)
      .post(`/api/v1/indicators/${id}/measurements`)
      .set('Authorization', outsider)
      .send({ period: '2026-02', value: 180 });
    expect(measured.status).toBe(403);
    expect(measured.body.detail).toBe('Alleen coördinator van deze werkagenda mag dit.');
    const director = t.as('directeur-elders', `director@${OTHER}`);
    expect((await request(t.http).post('/api/v1/monitoring/projections/2026-Q1/publish').set('Authorization', director)).status).toBe(403);
    expect(
      (
        await request(t.http)
          .post(`/api/v1/monitoring/projections/2026-Q1/publish?werkagendaId=${FIRST_WERKAGENDA_ID}`)
          .set('Authorization', director)
      ).status,
    ).toBe(403);
    expect(await t.store.headPosition()).toBe(head);

    const insider = t.as('coordinator-hier', `coordinator@${FIRST_WERKAGENDA_ID}`);
    expect((await change(id, { unit: 'cliënten per maand (CIZ)' }, insider)).status).toBe(200);
    expect((await define({ ...instroom, werkagendaId: OTHER, name: 'Uitstroom', actionCode: undefined }, outsider)).status).toBe(201);
    const ownDirector = await request(t.http)
      .post(`/api/v1/monitoring/projections/2026-Q1/publish?werkagendaId=${OTHER}`)
      .set('Authorization', director);
    expect(ownDirector.status).toBe(201);
    expect(ownDirector.body).toMatchObject({ werkagendaId: OTHER, quarter: '2026-Q1', version: 1, publishedBy: 'directeur-elders' });
  });

  it('answers 404 for an unknown indicator', async () => {
    expect((await change('bestaat-niet', { name: 'x' })).status).toBe(404);
    expect((await change('bestaat-niet', { name: 'x' }, t.as('coordinator-elders', `coordinator@${OTHER}`))).status).toBe(404);
  });
});
