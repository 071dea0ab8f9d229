import ICAL from 'ical.js';
import request from 'supertest';
import { amsterdamLocal } from '@regie/calendar';
import { MeetingsHorizon } from '../scheduling/horizon-job';
import { meetingsTestApp, type MeetingsTestApp } from '../testing/meetings-test-app';

type Summary = { id: string; kind: string; startsAt: string; status: string };

/** Minimal RFC 5545 reading: unfold lines, check nesting, collect VEVENT properties. */
function parseIcs(text: string) {
  expect(text.includes('\r\n')).toBe(true);
  const lines = text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter(Boolean);
  const stack: string[] = [];
  const events: Record<string, string>[] = [];
  for (const line of lines) {
    const colon = line.indexOf(':');
    expect(colon).toBeGreaterThan(0);
    const [name, value] = [line.slice(0, colon), line.slice(colon + 1)];
    if (name === 'BEGIN') {
      stack.push(value);
      if (value === 'VEVENT') events.push({});
    } else if (name === 'END') expect(stack.pop()).toBe(value);
    else if (stack[stack.length - 1] === 'VEVENT') events[events.length - 1][name] = value;
  }
  expect(stack).toEqual([]);
  expect(lines[0]).toBe('BEGIN:VCALENDAR');
  return events;
}

describe('meetings over HTTP: series, scheduling, record, calendar', () => {
  let t: MeetingsTestApp;
  beforeAll(async () => (t = await meetingsTestApp('meetings_api')));
  afterAll(async () => t.close());

  const kerngroepen = async (): Promise<Summary[]> => (await request(t.http).get('/api/v1/meetings?kind=kerngroep&from=2026-03-15')).body;

  it('seeds the four overlegvormen of the werkagenda, with example first dates', async () => {
    const { body } = await request(t.http).get('/api/v1/meeting-series').expect(200);
    expect(body.map((s: { kind: string; cadence: string }) => `${s.kind}:${s.cadence}`)).toEqual([
      'kerngroep:driewekelijks',
      'evaluatie:halfjaarlijks',
      'jaaroverleg:jaarlijks',
      'regiegroep:driemaandelijks',
    ]);
    expect(body[0]).toMatchObject({
      participants: ['Actiehouders'],
      chair: 'VWS',
      example: true,
      firstOccurrence: { date: '2025-04-08', time: '10:00' },
    });
    expect(body[3].participants).toEqual([
      'Directeur VWS',
      'Directeur ZN',
      'Directeur VNG',
      'Directeur de Nederlandse ggz',
      'Directeur Valente',
      'Directeur MIND',
    ]);
    expect(body[3].chair).toBeNull(); // the werkagenda names no chair for the regiegroep
  });

  it('schedules the kerngroep for 12 months, 21 days apart, at 10:00 local in winter and summer, never on a holiday', async () => {
    const list = await kerngroepen();
    expect(list).toHaveLength(17);
    expect(list.map((m) => amsterdamLocal(m.startsAt).time)).toEqual(list.map(() => '10:00'));
    expect(new Set(list.map((m) => m.startsAt.slice(11, 16)))).toEqual(new Set(['08:00', '09:00'])); // CEST and CET
    const days = list
      .slice(1)
      .map((m, i) => (Date.parse(m.startsAt.slice(0, 10)) - Date.parse(list[i].startsAt.slice(0, 10))) / 86_400_000);
    expect(new Set(days)).toEqual(new Set([21]));
    expect(list.some((m) => ['12-25', '04-27'].includes(amsterdamLocal(m.startsAt).date.slice(5)))).toBe(false);
    const previous = (await request(t.http).get('/api/v1/meetings?kind=kerngroep&to=2026-03-14')).body;
    expect(previous.map((m: Summary) => [m.startsAt, m.status])).toEqual([['2026-03-10T09:00:00.000Z', 'scheduled']]); // the last one before today, still to record
    const between = (await request(t.http).get('/api/v1/meetings?kind=kerngroep&from=2026-04-01&to=2026-04-30')).body;
    expect(between.map((m: Summary) => m.startsAt)).toEqual(['2026-04-21T08:00:00.000Z']);
  });

  it('registers the daily horizon job, which schedules nothing twice and extends the horizon as time goes on', async () => {
    const job = (await t.scheduler.list()).find((j) => j.name === 'meetings-horizon');
    expect(job?.runAt.toISOString()).toBe('2026-03-16T02:00:00.000Z'); // 03:00 Amsterdam
    await t.scheduler.runNow('meetings-horizon');
    expect(await kerngroepen()).toHaveLength(17);
    t.clock.advance(30 * 86_400_000);
    await t.scheduler.runNow('meetings-horizon');
    const all = (await request(t.http).get('/api/v1/meetings?kind=kerngroep&from=2026-03-15')).body;
    expect(all.length).toBeGreaterThan(17);
    expect((await t.scheduler.list()).filter((j) => j.name === 'meetings-horizon')).toHaveLength(1);
    t.clock.set(new Date('2026-03-15T09:00:00Z'));
  });

  it('fills the horizon in the background when the start stops waiting for it, and leaves nothing to do after', async () => {
    const horizon = t.app.get(MeetingsHorizon);
    t.clock.advance(60 * 86_400_000); // two months on: every series has meetings to add
    const before = (await kerngroepen()).length;
    expect(await horizon.extendAtStart(0)).toBeUndefined(); // a start that waits no time answers at once
    await horizon.settled();
    expect((await kerngroepen()).length).toBeGreaterThan(before);
    expect(await horizon.extend()).toBe(0); // the run in the background scheduled them all
    t.clock.set(new Date('2026-03-15T09:00:00Z'));
  });

  it('answers per werkagenda with ?werkagendaId= (series, meetings, calendar), and refuses a malformed id naming the field', async () => {
    const own = 'betekenisvol-leven-2025-2028';
    expect(
      (await request(t.http).get(`/api/v1/meeting-series?werkagendaId=${own}`).expect(200)).body.map(
        (s: { werkagendaId: string }) => s.werkagendaId,
      ),
    ).toEqual([own, own, own, own]);
    expect((await request(t.http).get('/api/v1/meeting-series?werkagendaId=voorbeeld-andere').expect(200)).body).toEqual([]);
    const all = (await request(t.http).get('/api/v1/meetings?kind=kerngroep').expect(200)).body;
    expect(all.length).toBeGreaterThan(0);
    expect((await request(t.http).get(`/api/v1/meetings?kind=kerngroep&werkagendaId=${own}`).expect(200)).body).toEqual(all);
    expect((await request(t.http).get('/api/v1/meetings?werkagendaId=voorbeeld-andere').expect(200)).body).toEqual([]);
    expect((await request(t.http).get('/api/v1/meetings/calendar.ics?werkagendaId=voorbeeld-andere').expect(200)).text).not.toContain(
      'BEGIN:VEVENT',
    );
    const refused = await request(t.http).get('/api/v1/meetings?werkagendaId=Andere%20werkagenda');
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'werkagendaId' })]);
  });

  it('refuses an unknown overlegvorm in the query, naming the field', async () => {
    const res = await request(t.http).get('/api/v1/meetings?kind=bestuur');
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'kind' })]);
  });

  it('reschedules one occurrence and cancels another with a reason; the rest stay; the feed keeps UIDs and raises SEQUENCE', async () => {
    const listBefore = await kerngroepen();
    const [first, second, third] = listBefore;
    const before = parseIcs((await request(t.http).get('/api/v1/meetings/calendar.ics?kind=kerngroep')).text);
    await request(t.http)
      .post(`/api/v1/meetings/${second.id}/reschedule`)
      .send({ startsAt: '2026-04-22T13:00:00+02:00', reason: 'Voorzitter verhinderd' })
      .expect(200);
    await request(t.http).post(`/api/v1/meetings/${third.id}/cancel`).send({ reason: 'Mei-vakantie' }).expect(200);
    const after = await kerngroepen();
    expect(after.find((m) => m.id === first.id)?.startsAt).toBe(first.startsAt);
    expect(after.find((m) => m.id === second.id)?.startsAt).toBe('2026-04-22T11:00:00.000Z');
    expect(after.find((m) => m.id === third.id)?.status).toBe('cancelled');
    expect(after.slice(3).map((m) => [m.id, m.startsAt, m.status])).toEqual(listBefore.slice(3).map((m) => [m.id, m.startsAt, m.status]));
    const detail = (await request(t.http).get(`/api/v1/meetings/${second.id}`)).body;
    expect(detail.reschedules).toEqual([
      expect.objectContaining({ previousStartsAt: '2026-04-21T08:00:00.000Z', reason: 'Voorzitter verhinderd' }),
    ]);

    const feed = await request(t.http).get('/api/v1/meetings/calendar.ics?kind=kerngroep');
    // The feed starts with the most recent past kerngroep (10 March), scheduled so it can still be recorded.
    expect(feed.status).toBe(200);
    expect(feed.headers['content-type']).toMatch(/^text\/calendar/);
    expect(feed.text).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/Amsterdam');
    const events = parseIcs(feed.text);
    // A standard parser (Mozilla's ical.js, as in Thunderbird) reads it the same way.
    const standard = new ICAL.Component(ICAL.parse(feed.text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(standard.map((e) => e.uid)).toEqual(events.map((e) => e.UID));
    const movedStandard = standard.find((e) => e.uid === `${second.id}@regie.werkagenda`)!;
    expect(movedStandard.startDate.toJSDate().toISOString()).toBe('2026-04-22T11:00:00.000Z');
    expect(movedStandard.sequence).toBe(1);
    expect(events.map((e) => e.UID)).toEqual(before.map((e) => e.UID));
    const moved = events.find((e) => e.UID === `${second.id}@regie.werkagenda`) as Record<string, string>;
    expect(moved).toMatchObject({ 'DTSTART;TZID=Europe/Amsterdam': '20260422T130000', SEQUENCE: '1' });
    expect(events[0]).toMatchObject({
      'DTSTART;TZID=Europe/Amsterdam': '20260310T100000',
      'DTEND;TZID=Europe/Amsterdam': '20260310T113000',
      SEQUENCE: '0',
      STATUS: 'TENTATIVE', // the seeded series' dates are examples (Voorbeelddatum): provisional
    });
    expect(events[1]).toMatchObject({
      'DTSTART;TZID=Europe/Amsterdam': '20260331T100000',
      'DTEND;TZID=Europe/Amsterdam': '20260331T113000',
      SEQUENCE: '0',
      STATUS: 'TENTATIVE',
    });
    expect(events.find((e) => e.UID === `${third.id}@regie.werkagenda`)).toMatchObject({ STATUS: 'CANCELLED', SEQUENCE: '1' });
    const winter = events.find((e) => e['DTSTART;TZID=Europe/Amsterdam'].startsWith('202611')) as Record<string, string>;
    expect(winter['DTSTART;TZID=Europe/Amsterdam'].slice(8)).toBe('T100000');
    await request(t.http)
      .post(`/api/v1/meetings/${third.id}/reschedule`)
      .send({ startsAt: '2026-05-13T10:00:00+02:00', reason: 'x' })
      .expect(409);
  });

  it('records a held kerngroep: operational decisions only, action points with owner and due date, overdue, completed', async () => {
    const [first] = await kerngroepen();
    await request(t.http).post(`/api/v1/meetings/${first.id}/held`).expect(409); // not begun yet
    t.clock.set(new Date('2026-03-31T10:00:00Z'));
    await request(t.http).post(`/api/v1/meetings/${first.id}/held`).expect(200);
    const strategic = await request(t.http)
      .post(`/api/v1/meetings/${first.id}/decisions`)
      .set('Authorization', await t.auth.bearer('director'))
      .send({ text: 'Financiering pilots structureel maken', kind: 'strategisch' });
    expect(strategic.status).toBe(409);
    expect(strategic.body.detail).toBe('een strategisch besluit hoort in de regiegroep; de kerngroep neemt operationele besluiten');
    const bad = await request(t.http).post(`/api/v1/meetings/${first.id}/decisions`).send({ text: 'x', kind: 'tactisch' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'kind' })]);
    await request(t.http)
      .post(`/api/v1/meetings/${first.id}/decisions`)
      .send({ text: 'Werkgroep regiokaart start in april', kind: 'operationeel' })
      .expect(201);
    const point = await request(t.http)
      .post(`/api/v1/meetings/${first.id}/action-points`)
      .send({ text: 'Notitie financiering opstellen', owner: 'ZN', dueDate: '2026-04-10' });
    expect(point.status).toBe(201);

    t.clock.set(new Date('2026-04-15T10:00:00Z'));
    const detail = (await request(t.http).get(`/api/v1/meetings/${first.id}`)).body;
    expect(detail).toMatchObject({ status: 'held', decisions: [expect.objectContaining({ kind: 'operationeel' })] });
    expect(detail.actionPoints).toEqual([
      expect.objectContaining({ id: point.body.id, owner: 'ZN', dueDate: '2026-04-10', done: false, overdue: true }),
    ]);
    const [, next] = await kerngroepen();
    const onNext = (await request(t.http).get(`/api/v1/meetings/${next.id}`)).body.agenda;
    expect(onNext).toContainEqual(expect.objectContaining({ source: { type: 'action-point', ref: point.body.id } }));

    await request(t.http).post(`/api/v1/action-points/${point.body.id}/complete`).send({}).expect(200);
    expect((await request(t.http).get(`/api/v1/meetings/${first.id}`)).body.actionPoints[0]).toMatchObject({
      done: true,
      completedOn: '2026-04-15',
      overdue: false,
    });
    await request(t.http).post(`/api/v1/action-points/${point.body.id}/complete`).send({}).expect(409);
    await request(t.http).post('/api/v1/action-points/0196a4a2-7c1e-7000-8000-00000000ffff/complete').send({}).expect(404);

    await request(t.http).post(`/api/v1/meetings/${first.id}/minutes/approve`).expect(200);
    await request(t.http).post(`/api/v1/meetings/${first.id}/decisions`).send({ text: 'nog één', kind: 'operationeel' }).expect(409);
  });

  it('takes strategic decisions in the regiegroep', async () => {
    const [regie] = (await request(t.http).get('/api/v1/meetings?kind=regiegroep&from=2026-03-15')).body as Summary[];
    t.clock.set(new Date(Date.parse(regie.startsAt) + 3_600_000));
    await request(t.http).post(`/api/v1/meetings/${regie.id}/held`).expect(200);
    await request(t.http)
      .post(`/api/v1/meetings/${regie.id}/decisions`)
      .send({ text: 'Financiering pilots structureel maken', kind: 'strategisch' })
      .expect(403);
    await request(t.http)
      .post(`/api/v1/meetings/${regie.id}/decisions`)
      .set('Authorization', await t.auth.bearer('director'))
      .send({ text: 'Financiering pilots structureel maken', kind: 'strategisch' })
      .expect(201);
  });

  it('publishes integration events of contract v1 on regie.meetings.v1', async () => {
    const received: { type: string; payload: unknown; key: string }[] = [];
    const subscription = await t.bus.subscribe('regie.meetings.v1', 'test-consumer', async (m) => void received.push(m));
    for (
      let i = 0;
      i < 100 &&
      !received.some((m) => m.type === 'DecisionRecordedV1' && (m.payload as { decisionKind: string }).decisionKind === 'strategisch');
      i++
    ) {
      await new Promise((r) => setTimeout(r, 20));
    }
    await subscription.close();
    const types = new Set(received.map((m) => m.type));
    for (const type of [
      'MeetingSeriesDefinedV1',
      'MeetingScheduledV1',
      'MeetingRescheduledV1',
      'MeetingCancelledV1',
      'MeetingHeldV1',
      'DecisionRecordedV1',
      'ActionPointAssignedV2',
      'ActionPointCompletedV1',
      'MinutesApprovedV1',
    ]) {
      expect(types).toContain(type);
    }
    expect(received.filter((m) => m.type === 'MeetingSeriesDefinedV1')).toHaveLength(4);
    expect(received.find((m) => m.type === 'MeetingScheduledV1')?.key).toMatch(/^meeting-/);
    // The owner is personal data: sealed on the bus, never the plain name.
    const assigned = received.find((m) => m.type === 'ActionPointAssignedV2');
    expect(assigned?.payload).toMatchObject({ owner: { alg: 'A256GCM' } });
    expect(JSON.stringify(assigned?.payload)).not.toContain('"ZN"');
  });
});
