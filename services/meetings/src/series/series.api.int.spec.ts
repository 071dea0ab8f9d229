import request from 'supertest';
import { amsterdamLocal } from '@regie/calendar';
import { principalOf } from '@regie/nest-kit';
import { meetingsTestApp, type MeetingsTestApp } from '../testing/meetings-test-app';

type Summary = { id: string; kind: string; startsAt: string; status: string };

const OWN = 'betekenisvol-leven-2025-2028';
const OTHER = 'voorbeeld-andere';
const PERSON = '0196a4a2-7c1e-7000-8000-00000000aa01';

const wonen = {
  werkagendaId: OWN,
  kind: 'overleg',
  title: 'Overleg wonen en zorg',
  purpose: 'Afstemmen over huisvesting bij actie 2.1',
  interval: { unit: 'weeks', every: 2 },
  weekday: 'dinsdag',
  localTime: '14:00',
  durationMinutes: 60,
  location: 'Den Haag, Parnassusplein 5',
  chair: 'VWS',
  participants: ['VWS', 'ZN', PERSON],
  firstDate: '2026-03-24',
};

describe('meeting series and loose meetings through the API (issue 16)', () => {
  let t: MeetingsTestApp;
  let seriesId: string;
  let before: Summary[];
  beforeAll(async () => (t = await meetingsTestApp('meetings_series_api')));
  afterAll(async () => t.close());

  const overleggen = async (): Promise<Summary[]> =>
    (await request(t.http).get(`/api/v1/meetings?kind=overleg&werkagendaId=${OWN}`).expect(200)).body;
  const local = (m: Summary) => amsterdamLocal(m.startsAt);

  it('defines a series: 201, and its meetings are scheduled on the rhythm like the seeded ones', async () => {
    const res = await request(t.http).post('/api/v1/meeting-series').send(wonen).expect(201);
    seriesId = res.body.id;
    expect(res.body).toMatchObject({
      werkagendaId: OWN,
      kind: 'overleg',
      cadence: 'tweewekelijks',
      chair: 'VWS',
      participants: ['VWS', 'ZN', PERSON],
      firstOccurrence: { date: '2026-03-24', time: '14:00' },
      example: false,
      changes: [],
      endsOn: null,
    });
    const listed = (await request(t.http).get(`/api/v1/meeting-series?werkagendaId=${OWN}`).expect(200)).body;
    expect(listed.map((s: { id: string }) => s.id)).toContain(seriesId);
    before = await overleggen();
    expect(before.slice(0, 4).map((m) => [local(m).date, local(m).time])).toEqual([
      ['2026-03-24', '14:00'],
      ['2026-04-07', '14:00'],
      ['2026-04-21', '14:00'],
      ['2026-05-05', '14:00'],
    ]);
    expect(before.length).toBeGreaterThanOrEqual(25); // 12 months ahead, every two weeks
    const detail = (await request(t.http).get(`/api/v1/meetings/${before[0].id}`).expect(200)).body;
    expect(detail).toMatchObject({ seriesId, title: 'Overleg wonen en zorg', chair: 'VWS', adHoc: false, werkagendaId: OWN });
    const feed = (await request(t.http).get(`/api/v1/meetings/calendar.ics?kind=overleg&werkagendaId=${OWN}`).expect(200)).text;
    expect(feed).toContain('LOCATION:Den Haag\\, Parnassusplein 5');
    expect((await request(t.http).get(`/api/v1/meetings/calendar.ics?kind=overleg&werkagendaId=${OTHER}`).expect(200)).text).not.toContain(
      'BEGIN:VEVENT',
    );
  });

  it('changes the rhythm from a date on: earlier meetings keep their history, later ones move with the reason', async () => {
    const reason = 'Vanaf mei driewekelijks in de ochtend';
    const res = await request(t.http)
      .patch(`/api/v1/meeting-series/${seriesId}`)
      .send({
        from: '2026-05-01',
        interval: { unit: 'weeks', every: 3 },
        localTime: '10:00',
        location: 'Online (Teams)',
        chair: 'ZN',
        reason,
      })
      .expect(200);
    expect(res.body).toMatchObject({
      cadence: 'driewekelijks',
      localTime: '10:00',
      firstOccurrence: { date: '2026-03-24', time: '14:00' },
    });
    expect(res.body.changes).toEqual([expect.objectContaining({ from: '2026-05-01', firstDate: '2026-05-05', reason })]);
    const after = await overleggen();
    expect(after.slice(0, 3).map((m) => [m.id, m.startsAt, m.status])).toEqual(before.slice(0, 3).map((m) => [m.id, m.startsAt, m.status]));
    const moved = after.find((m) => m.id === before[3].id)!;
    expect(local(moved)).toEqual({ date: '2026-05-05', time: '10:00' });
    expect(local(after.find((m) => m.id === before[4].id)!)).toEqual({ date: '2026-05-26', time: '10:00' });
    const detail = (await request(t.http).get(`/api/v1/meetings/${before[3].id}`).expect(200)).body;
    expect(detail.reschedules).toEqual([expect.objectContaining({ reason, previousStartsAt: before[3].startsAt })]);
    expect(detail.chair).toBe('ZN');
    const untouched = (await request(t.http).get(`/api/v1/meetings/${before[2].id}`).expect(200)).body;
    expect(untouched.reschedules).toEqual([]);
    expect(untouched.chair).toBe('VWS');
    const days = after
      .filter((m) => m.startsAt >= moved.startsAt && m.startsAt < '2027-01-01')
      .slice(1, 6)
      .map((m, i, all) => (i === 0 ? 21 : (Date.parse(local(m).date) - Date.parse(local(all[i - 1]).date)) / 86_400_000));
    expect(new Set(days)).toEqual(new Set([21]));
    const feed = (await request(t.http).get(`/api/v1/meetings/calendar.ics?kind=overleg&werkagendaId=${OWN}`).expect(200)).text;
    expect(feed).toContain('LOCATION:Online (Teams)'); // from May on
    expect(feed).toContain('LOCATION:Den Haag\\, Parnassusplein 5'); // before
  });

  it('ends the series from a date: later meetings not held are cancelled with the reason, and the horizon job adds none', async () => {
    const reason = 'Opgegaan in het kerngroepoverleg';
    const res = await request(t.http)
      .patch(`/api/v1/meeting-series/${seriesId}`)
      .send({ from: '2026-07-01', end: true, reason })
      .expect(200);
    expect(res.body).toMatchObject({ endsOn: '2026-07-01', endReason: reason });
    const after = await overleggen();
    const [held, cancelled] = [after.filter((m) => local(m).date < '2026-07-01'), after.filter((m) => local(m).date >= '2026-07-01')];
    expect(held.map((m) => m.status)).toEqual(held.map(() => 'scheduled'));
    expect(cancelled.length).toBeGreaterThan(5);
    expect(new Set(cancelled.map((m) => m.status))).toEqual(new Set(['cancelled']));
    expect((await request(t.http).get(`/api/v1/meetings/${cancelled[0].id}`).expect(200)).body.cancelReason).toBe(reason);
    await t.scheduler.runNow('meetings-horizon');
    expect(await overleggen()).toEqual(after);
    const again = await request(t.http)
      .patch(`/api/v1/meeting-series/${seriesId}`)
      .send({ from: '2026-08-01', localTime: '09:00', reason: 'x' });
    expect(again.status).toBe(409);
    expect(again.body.detail).toMatch(/beëindigd/);
  });

  it('plans a loose overleg around an action, with its own agenda and a decision', async () => {
    const res = await request(t.http)
      .post('/api/v1/meetings')
      .send({
        werkagendaId: OWN,
        title: 'Kleinschalig overleg actie 2.1',
        date: '2026-03-16',
        time: '10:00',
        durationMinutes: 60,
        actionCode: '2.1',
        location: 'Online (Teams)',
        chair: 'VWS',
        participants: ['VWS', 'MIND'],
      })
      .expect(201);
    const id = res.body.id;
    expect(res.body).toMatchObject({
      kind: 'overleg',
      adHoc: true,
      actionCode: '2.1',
      title: 'Kleinschalig overleg actie 2.1',
      chair: 'VWS',
    });
    expect(local(res.body)).toEqual({ date: '2026-03-16', time: '10:00' });
    await request(t.http).post(`/api/v1/meetings/${id}/agenda-items`).send({ title: 'Huisvesting in de pilotregio’s' }).expect(201);
    expect((await request(t.http).get('/api/v1/meeting-series').expect(200)).body.map((s: { id: string }) => s.id)).not.toContain(id);
    t.clock.set(new Date('2026-03-16T09:30:00Z'));
    try {
      await request(t.http).post(`/api/v1/meetings/${id}/held`).expect(200);
      await request(t.http)
        .post(`/api/v1/meetings/${id}/decisions`)
        .send({ text: 'ZN en VNG werken de woonafspraken uit voor de regiegroep', kind: 'operationeel' })
        .expect(201);
      await request(t.http)
        .post(`/api/v1/meetings/${id}/action-points`)
        .send({ text: 'Conceptafspraken rondsturen', owner: 'VNG', dueDate: '2026-04-01' })
        .expect(201);
    } finally {
      t.clock.set(new Date('2026-03-15T09:00:00Z'));
    }
    const detail = (await request(t.http).get(`/api/v1/meetings/${id}`).expect(200)).body;
    expect(detail.agenda.map((i: { title: string }) => i.title)).toContain('Huisvesting in de pilotregio’s');
    expect(detail.decisions).toEqual([expect.objectContaining({ text: 'ZN en VNG werken de woonafspraken uit voor de regiegroep' })]);
    expect(detail.actionPoints).toEqual([expect.objectContaining({ text: 'Conceptafspraken rondsturen', owner: 'VNG' })]);
    expect((await overleggen()).map((m) => m.id)).toContain(id);
    expect((await request(t.http).get(`/api/v1/meetings?werkagendaId=${OTHER}`).expect(200)).body).toEqual([]);
  });

  it('refuses a date on a public holiday with 409 naming it, and schedules it once confirmed', async () => {
    const adHoc = { werkagendaId: OWN, title: 'Werksessie monitoring', date: '2026-04-27', time: '13:00' };
    const refused = await request(t.http).post('/api/v1/meetings').send(adHoc);
    expect(refused.status).toBe(409);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body.detail).toContain('27 april 2026 is Koningsdag');
    const confirmed = await request(t.http)
      .post('/api/v1/meetings')
      .send({ ...adHoc, confirmHoliday: true })
      .expect(201);
    expect(local(confirmed.body)).toEqual({ date: '2026-04-27', time: '13:00' });

    const [kerngroep] = (await request(t.http).get('/api/v1/meetings?kind=kerngroep&from=2026-03-15').expect(200)).body as Summary[];
    const move = { startsAt: '2026-04-06T10:00:00+02:00', reason: 'Zaal niet beschikbaar' };
    const moveRefused = await request(t.http).post(`/api/v1/meetings/${kerngroep.id}/reschedule`).send(move);
    expect(moveRefused.status).toBe(409);
    expect(moveRefused.body.detail).toContain('Tweede paasdag');
    await request(t.http)
      .post(`/api/v1/meetings/${kerngroep.id}/reschedule`)
      .send({ ...move, confirmHoliday: true })
      .expect(200);

    const series = {
      ...wonen,
      kind: 'regiegroep',
      title: 'Extra regiegroep',
      weekday: undefined,
      interval: { unit: 'months', every: 3 },
      firstDate: '2026-05-14',
    };
    const seriesRefused = await request(t.http).post('/api/v1/meeting-series').send(series);
    expect(seriesRefused.status).toBe(409);
    expect(seriesRefused.body.detail).toContain('14 mei 2026 is Hemelvaartsdag');
    const defined = await request(t.http)
      .post('/api/v1/meeting-series')
      .send({ ...series, confirmHoliday: true })
      .expect(201);
    expect(defined.body.cadence).toBe('driemaandelijks');
    const onHoliday = (await request(t.http).get('/api/v1/meetings?kind=regiegroep&from=2026-05-14&to=2026-05-14').expect(200)).body;
    expect(onHoliday).toHaveLength(1);
    expect(local(onHoliday[0])).toEqual({ date: '2026-05-14', time: '14:00' });
  });

  it('refuses bad input with 400 naming the field, and records nothing', async () => {
    const series = (await request(t.http).get('/api/v1/meeting-series').expect(200)).body;
    const meetings = (await request(t.http).get('/api/v1/meetings').expect(200)).body;
    const bad = await request(t.http)
      .post('/api/v1/meeting-series')
      .send({ ...wonen, title: 'Nog een overleg', localTime: '25:00', interval: { unit: 'weeks', every: 0 } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['interval.every', 'localTime']);
    expect(bad.body.errors[0].message).toMatch(/minstens|verwacht/);
    const wrongDay = await request(t.http)
      .post('/api/v1/meeting-series')
      .send({ ...wonen, title: 'Nog een overleg', weekday: 'maandag' });
    expect(wrongDay.status).toBe(400);
    expect(wrongDay.body.errors).toEqual([expect.objectContaining({ field: 'firstDate' })]);
    const foreignAction = await request(t.http)
      .post('/api/v1/meetings')
      .send({ werkagendaId: OWN, title: 'Overleg', date: '2026-03-30', time: '10:00', actionCode: `${OTHER}:1.1` });
    expect(foreignAction.status).toBe(400);
    expect(foreignAction.body.errors).toEqual([expect.objectContaining({ field: 'actionCode' })]);
    const noChange = await request(t.http).patch(`/api/v1/meeting-series/${seriesId}`).send({ from: '2026-06-01', reason: 'x' });
    expect(noChange.status).toBe(400);
    expect((await request(t.http).get('/api/v1/meeting-series').expect(200)).body).toEqual(series);
    expect((await request(t.http).get('/api/v1/meetings').expect(200)).body).toEqual(meetings);

    const duplicate = await request(t.http)
      .post('/api/v1/meeting-series')
      .send({ ...wonen, title: 'Extra regiegroep', kind: 'overleg' });
    expect(duplicate.status).toBe(409);
    const unknown = await request(t.http)
      .patch('/api/v1/meeting-series/0196a4a2-7c1e-7000-8000-00000000ffff')
      .send({ from: '2026-06-01', localTime: '09:00', reason: 'x' });
    expect(unknown.status).toBe(404);
  });

  it('refuses a coordinator of another werkagenda every write in this one (403), and lets them work in their own', async () => {
    const elsewhere = t.bearerFor(
      principalOf('coordinator-elders', 'Coördinator elders', [{ role: 'coordinator', werkagendaId: OTHER, actionCodes: [] }]),
    );
    const [kerngroep] = (await request(t.http).get('/api/v1/meetings?kind=kerngroep&from=2026-03-15').expect(200)).body as Summary[];
    const attempts = [
      request(t.http)
        .post('/api/v1/meeting-series')
        .set('Authorization', elsewhere)
        .send({ ...wonen, title: 'Indringer' }),
      request(t.http)
        .patch(`/api/v1/meeting-series/${seriesId}`)
        .set('Authorization', elsewhere)
        .send({ from: '2026-06-01', localTime: '09:00', reason: 'x' }),
      request(t.http)
        .post('/api/v1/meetings')
        .set('Authorization', elsewhere)
        .send({ werkagendaId: OWN, title: 'Indringer', date: '2026-03-30', time: '10:00' }),
      request(t.http)
        .post(`/api/v1/meetings/${kerngroep.id}/reschedule`)
        .set('Authorization', elsewhere)
        .send({ startsAt: '2026-04-01T10:00:00+02:00', reason: 'x' }),
      request(t.http).post(`/api/v1/meetings/${kerngroep.id}/agenda-items`).set('Authorization', elsewhere).send({ title: 'x' }),
      request(t.http).post(`/api/v1/meeting-series/${seriesId}/location`).set('Authorization', elsewhere).send({ location: 'x' }),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.status).toBe(403);
      expect(res.body.detail).toBe('Alleen coördinator van deze werkagenda mag dit.');
    }
    const own = await request(t.http)
      .post('/api/v1/meeting-series')
      .set('Authorization', elsewhere)
      .send({ ...wonen, werkagendaId: OTHER, participants: ['VNG'] })
      .expect(201);
    expect(own.body.werkagendaId).toBe(OTHER);
    expect((await request(t.http).get(`/api/v1/meetings?werkagendaId=${OTHER}`).expect(200)).body.length).toBeGreaterThan(20);
  });
});
