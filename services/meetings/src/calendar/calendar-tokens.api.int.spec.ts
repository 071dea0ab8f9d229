import ICAL from 'ical.js';
import request from 'supertest';
import { meetingsTestApp, type MeetingsTestApp } from '../testing/meetings-test-app';
import { calendarTokensStream } from './calendar-token';

/**
 * A calendar program subscribes to a personal address without a bearer token; the user revokes
 * it and from then on it is refused. The feed marks example dates as tentative and links back to
 * the meeting's page in the portal.
 */
describe('personal calendar addresses over HTTP', () => {
  let t: MeetingsTestApp;
  beforeAll(async () => (t = await meetingsTestApp('meetings_calendar_tokens')));
  afterAll(async () => t.close());

  const subscribe = (url: string) => request(t.anonymous).get(new URL(url).pathname); // no Authorization header

  it('shows in an address only the meetings of the werkagenda’s its maker has rights in', async () => {
    // A series of another werkagenda, which an actiehouder of the first werkagenda may not read.
    const other = await request(t.http)
      .post('/api/v1/meeting-series')
      .send({
        werkagendaId: 'andere-werkagenda-2027',
        kind: 'overleg',
        title: 'Overleg van een andere werkagenda',
        interval: { unit: 'weeks', every: 4 },
        localTime: '10:00',
        durationMinutes: 60,
        firstDate: '2027-01-21',
      })
      .expect(201);
    const uids = async (url: string) =>
      new ICAL.Component(ICAL.parse((await subscribe(url).expect(200)).text))
        .getAllSubcomponents('vevent')
        .map((e) => String(e.getFirstPropertyValue('uid')).replace('@regie.werkagenda', ''));
    const othersMeetings = (await request(t.http).get(`/api/v1/meetings?werkagendaId=andere-werkagenda-2027`).expect(200)).body.map(
      (m: { id: string }) => m.id,
    );
    expect(othersMeetings.length).toBeGreaterThan(0);
    expect(other.body).toBeDefined();

    const mine = await request(t.http)
      .post('/api/v1/calendar-tokens')
      .set('Authorization', await t.auth.bearer('actiehouder-2.1'))
      .expect(201);
    const shown = await uids(mine.body.url);
    expect(shown.length).toBeGreaterThan(0); // the first werkagenda's meetings
    expect(shown.filter((id) => othersMeetings.includes(id))).toEqual([]);

    const everyWerkagenda = await request(t.http) // the auditor reads every werkagenda
      .post('/api/v1/calendar-tokens')
      .set('Authorization', await t.auth.bearer('auditor'))
      .expect(201);
    expect(await uids(everyWerkagenda.body.url)).toEqual(expect.arrayContaining(othersMeetings));
  });

  it('makes an address that parses in ical.js without a token, lists it, and refuses it once revoked', async () => {
    const made = await request(t.http)
      .post('/api/v1/calendar-tokens')
      .set('Authorization', await t.auth.bearer('director'))
      .expect(201);
    expect(made.body).toEqual({
      id: expect.any(String),
      url: expect.stringMatching(/\/api\/v1\/calendar-feeds\/[\w-]+\.[\w-]{43}\.ics$/),
      issuedAt: expect.any(String),
    });

    const feed = await subscribe(made.body.url).expect(200);
    expect(feed.headers['content-type']).toMatch(/^text\/calendar/);
    const events = new ICAL.Component(ICAL.parse(feed.text)).getAllSubcomponents('vevent');
    expect(events.length).toBeGreaterThan(0);
    const [first] = events;
    // The seeded series have example dates ("Voorbeelddatum"): provisional, so TENTATIVE, never CONFIRMED.
    expect(first.getFirstPropertyValue('status')).toBe('TENTATIVE');
    const meetingId = String(first.getFirstPropertyValue('uid')).replace('@regie.werkagenda', '');
    expect(first.getFirstPropertyValue('url')).toMatch(new RegExp(`^http://[^/]+/overleggen/${meetingId}$`));

    // Only the hash of the secret is recorded, with the director as the actor.
    const [issued] = await t.store.readStream(calendarTokensStream('director'));
    expect(JSON.stringify(issued)).not.toContain(new URL(made.body.url).pathname.split('.')[1]);
    expect(issued.metadata.actor.userId).toBe('director');

    const director = await t.auth.bearer('director');
    expect((await request(t.http).get('/api/v1/calendar-tokens').set('Authorization', director).expect(200)).body).toEqual([
      { id: made.body.id, issuedAt: made.body.issuedAt },
    ]);
    // Someone else cannot revoke it (nor learn that it exists): the coordinator's own list is empty and the id unknown there.
    expect((await request(t.http).get('/api/v1/calendar-tokens').expect(200)).body).toEqual([]);
    await request(t.http).delete(`/api/v1/calendar-tokens/${made.body.id}`).expect(404);
    await subscribe(made.body.url).expect(200);

    await request(t.http).delete(`/api/v1/calendar-tokens/${made.body.id}`).set('Authorization', director).expect(204);
    const refused = await subscribe(made.body.url).expect(404);
    expect(refused.text).not.toContain('BEGIN:VCALENDAR');
    expect(JSON.stringify(refused.body)).toMatch(/bestaat niet of is ingetrokken/);
    expect((await request(t.http).get('/api/v1/calendar-tokens').set('Authorization', director).expect(200)).body).toEqual([]);
    await request(t.http).delete(`/api/v1/calendar-tokens/${made.body.id}`).set('Authorization', director).expect(404);
  });

  it('refuses a guessed, altered or malformed address alike, and the routes that need a login without one', async () => {
    const made = (await request(t.http).post('/api/v1/calendar-tokens').expect(201)).body;
    const path = new URL(made.url).pathname;
    const [user, secret] = path.replace('/api/v1/calendar-feeds/', '').split('.');
    const altered = `${secret.slice(0, -1)}${secret.endsWith('A') ? 'B' : 'A'}`;
    for (const wrong of [
      `/api/v1/calendar-feeds/${user}.${altered}.ics`,
      `/api/v1/calendar-feeds/${user}.kort.ics`,
      '/api/v1/calendar-feeds/x',
    ]) {
      await subscribe(`http://x${wrong}`).expect(404);
    }
    await subscribe(made.url).expect(200);
    await request(t.anonymous).post('/api/v1/calendar-tokens').expect(401);
    await request(t.http).delete('/api/v1/calendar-tokens/geen-id').expect(400);
  });

  it("writes LOCATION: a meeting's own location, else its series'; set by the coordinator only", async () => {
    const [kerngroep] = (await request(t.http).get('/api/v1/meeting-series').expect(200)).body as { id: string; kind: string }[];
    const meetings = (await request(t.http).get(`/api/v1/meetings?kind=${kerngroep.kind}&from=2026-03-15`).expect(200)).body as {
      id: string;
    }[];
    const [first, second] = meetings;
    await request(t.http)
      .post(`/api/v1/meeting-series/${kerngroep.id}/location`)
      .send({ location: 'Ministerie van VWS, Den Haag' })
      .expect(200);
    await request(t.http).post(`/api/v1/meetings/${second.id}/location`).send({ location: 'Online (Teams)' }).expect(200);
    await request(t.http)
      .post(`/api/v1/meetings/${first.id}/location`)
      .set('Authorization', await t.auth.bearer('director'))
      .send({ location: 'Elders' })
      .expect(403);
    await request(t.http).post('/api/v1/meetings/00000000-0000-4000-8000-000000000000/location').send({ location: 'x' }).expect(404);
    const tooLong = await request(t.http)
      .post(`/api/v1/meetings/${first.id}/location`)
      .send({ location: 'x'.repeat(201) })
      .expect(400);
    expect(tooLong.body.errors).toEqual([expect.objectContaining({ field: 'location' })]);

    const feed = (await request(t.http).get(`/api/v1/meetings/calendar.ics?kind=${kerngroep.kind}`).expect(200)).text;
    const events = new ICAL.Component(ICAL.parse(feed)).getAllSubcomponents('vevent');
    const locationOf = (meetingId: string) =>
      events.find((e) => e.getFirstPropertyValue('uid') === `${meetingId}@regie.werkagenda`)?.getFirstPropertyValue('location');
    expect(locationOf(first.id)).toBe('Ministerie van VWS, Den Haag');
    expect(locationOf(second.id)).toBe('Online (Teams)');

    await request(t.http).post(`/api/v1/meetings/${second.id}/location`).send({ location: '' }).expect(200); // cleared: back to the series'
    const after = new ICAL.Component(ICAL.parse((await request(t.http).get('/api/v1/meetings/calendar.ics').expect(200)).text));
    const back = after.getAllSubcomponents('vevent').find((e) => e.getFirstPropertyValue('uid') === `${second.id}@regie.werkagenda`);
    expect(back?.getFirstPropertyValue('location')).toBe('Ministerie van VWS, Den Haag');
  });
});
