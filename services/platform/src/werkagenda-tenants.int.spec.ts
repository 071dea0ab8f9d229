import request from 'supertest';
import { apiClient, type ApiClient, TEST_PASSWORD, testDatabase } from '@regie/test-kit';
import { type RunningPlatform } from './platform';
import { platformForTests } from './testing/platform-for-tests';

/**
 * Issue 16, "How it will be checked", end to end on a fresh start: two werkagenda's listed; a new
 * werkagenda set up through the API by a beheerder, with its own coordinator (an account linked to
 * a person), an action, a meeting series and an indicator, appears on its own board, projection,
 * meetings and calendar and on no other; rights are per werkagenda; a disabled account's token is
 * refused at once; forgetting the person removes the name from every answer; the history names
 * who set up what, in words.
 */
const FIRST = 'betekenisvol-leven-2025-2028';
const ACTIEPLAN = 'actieplan-dakloos-wlz-2025';
const NEW = 'proef-werkagenda-eenzaamheid-2027';
const KEY = `${NEW}:1.1`;
const ACTION_TITLE = 'Proefactie buurtnetwerken tegen eenzaamheid';
const SERIES_TITLE = 'Kerngroep proefwerkagenda eenzaamheid';
const INDICATOR = 'Aantal buurtnetwerken proefwerkagenda';
const PERSON = 'Wilhelmina Proefpersoon-Zandvoort';
const USERNAME = 'coordinator-proef';
const NOW = '2027-01-11T09:00:00Z';

describe('a werkagenda set up through the API (issue 16, how it will be checked)', () => {
  let db: Awaited<ReturnType<typeof testDatabase>>;
  let platform: RunningPlatform;
  let api: ApiClient;
  let accountId: string;
  let personId: string;
  let seriesId: string;
  let meetingIds: string[] = [];

  const call = (method: string, path: string, body: unknown, as: string) =>
    api.fetch(
      path,
      body === undefined ? { method } : { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
      as,
    );
  const send = async (method: string, path: string, body: unknown, as: string, status = 201) => {
    const res = await call(method, path, body, as);
    const text = await res.text();
    if (res.status !== status) throw new Error(`${method} ${path} as ${as}: ${res.status} (expected ${status}) ${text}`);
    return text ? JSON.parse(text) : undefined;
  };
  const get = async (path: string, as = 'coordinator') => {
    const res = await api.fetch(path, {}, as);
    const text = await res.text();
    if (res.status !== 200) throw new Error(`GET ${path} as ${as}: ${res.status} ${text}`);
    return res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text;
  };
  /** Read models follow the events: wait until `probe` holds. */
  const eventually = async <T>(probe: () => Promise<T>, holds: (value: T) => boolean): Promise<T> => {
    let value = await probe();
    for (let i = 0; i < 100 && !holds(value); i++) {
      await new Promise((r) => setTimeout(r, 200));
      value = await probe();
    }
    return value;
  };
  const text = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

  beforeAll(async () => {
    ({ db, platform } = await platformForTests('werkagenda_tenants', NOW));
    api = apiClient(platform.url);
  });
  afterAll(async () => {
    await platform?.close();
    await db?.drop();
  });

  it('1. lists the two seeded werkagenda’s', async () => {
    const list = (await get('/api/v1/werkagendas')) as { id: string }[];
    expect(list.map((w) => w.id)).toEqual([FIRST, ACTIEPLAN]);
  });

  it('2. lets a beheerder set up a werkagenda with its own coordinator, who creates an action, a series and an indicator', async () => {
    await send(
      'POST',
      '/api/v1/werkagendas',
      {
        id: NEW,
        title: 'Proefwerkagenda eenzaamheid 2027',
        period: { from: '2027-01-01', to: '2027-12-31' },
        parties: [
          { code: 'VWS', name: 'Ministerie van Volksgezondheid, Welzijn en Sport', role: 'penvoerder' },
          { code: 'VNG', name: 'Vereniging van Nederlandse Gemeenten', role: 'partner' },
        ],
        actionLines: [{ number: 1, title: 'Buurtnetwerken' }],
      },
      'beheerder',
    );
    personId = (
      await send('POST', '/api/v1/people', { name: PERSON, function: 'coördinator proefwerkagenda', organisation: 'VWS' }, 'beheerder')
    ).id;
    accountId = (
      await send(
        'POST',
        '/api/v1/accounts',
        { username: USERNAME, grants: [{ role: 'coordinator', werkagendaId: NEW, actionCodes: [] }] },
        'beheerder',
      )
    ).id;
    await send('PATCH', `/api/v1/accounts/${accountId}`, { personId }, 'beheerder', 200);

    const action = await send(
      'POST',
      `/api/v1/werkagendas/${NEW}/actions`,
      {
        code: '1.1',
        title: ACTION_TITLE,
        actionLine: 1,
        leadParties: ['VNG'],
        actiehouderPersonIds: [personId],
        startActivities: ['Een buurtnetwerk per proefgemeente opzetten'],
      },
      USERNAME,
    );
    expect(action).toMatchObject({ key: KEY, code: '1.1', werkagendaId: NEW });
    await eventually(
      () => call('GET', `/api/v1/actions/${encodeURIComponent(KEY)}`, undefined, USERNAME),
      (res) => res.status === 200,
    );
    await send(
      'POST',
      `/api/v1/actions/${encodeURIComponent(KEY)}/milestones`,
      { title: 'Eerste buurtnetwerk gestart', dueDate: '2027-03-31' },
      USERNAME,
    );
    seriesId = (
      await send(
        'POST',
        '/api/v1/meeting-series',
        {
          werkagendaId: NEW,
          kind: 'kerngroep',
          title: SERIES_TITLE,
          interval: { unit: 'weeks', every: 4 },
          localTime: '10:00',
          durationMinutes: 90,
          location: 'Den Haag',
          chair: personId,
          participants: ['VWS', 'VNG'],
          firstDate: '2027-01-20',
        },
        USERNAME,
      )
    ).id;
    expect(seriesId).toEqual(expect.any(String));
    const indicator = await send(
      'POST',
      '/api/v1/indicators',
      {
        werkagendaId: NEW,
        actionCode: '1.1',
        name: INDICATOR,
        unit: 'buurtnetwerken',
        direction: 'hoger-is-beter',
        baseline: { value: 0, date: '2027-01-01', source: 'Startmeting proefwerkagenda' },
        targets: [{ value: 12, date: '2027-12-31' }],
      },
      USERNAME,
    );
    expect(indicator).toMatchObject({ werkagendaId: NEW });
  });

  it('3. shows the new action, its meetings and its projection in the new werkagenda only', async () => {
    const board = await eventually(
      () => get(`/api/v1/monitoring/milestones?werkagendaId=${NEW}`),
      (b) => text(b).includes(KEY),
    );
    expect(text(board)).toContain(KEY);
    const projection = await eventually(
      () => get(`/api/v1/monitoring/projections/2027-Q1?werkagendaId=${NEW}`),
      (p) => text(p).includes(KEY),
    );
    expect(text(projection)).toContain(KEY);
    const meetings = await eventually(
      () => get(`/api/v1/meetings?werkagendaId=${NEW}`),
      (m) => (m as unknown[]).length > 0,
    );
    meetingIds = (meetings as { id: string }[]).map((m) => m.id);
    expect(meetingIds.length).toBeGreaterThan(0);
    const own = await get(`/api/v1/meetings/calendar.ics?werkagendaId=${NEW}`);
    expect(own).toContain(meetingIds[0]);
    expect(text(await get(`/api/v1/meeting-series?werkagendaId=${NEW}`))).toContain(SERIES_TITLE);
    expect(text(await get(`/api/v1/actions?werkagendaId=${NEW}`))).toContain(ACTION_TITLE);
    expect(text(await get(`/api/v1/indicators?werkagendaId=${NEW}`))).toContain(INDICATOR);

    for (const other of [FIRST, ACTIEPLAN]) {
      for (const path of [
        `/api/v1/monitoring/milestones?werkagendaId=${other}`,
        `/api/v1/monitoring/projections/2027-Q1?werkagendaId=${other}`,
        `/api/v1/meetings?werkagendaId=${other}`,
        `/api/v1/meetings/calendar.ics?werkagendaId=${other}`,
        `/api/v1/actions?werkagendaId=${other}`,
        `/api/v1/indicators?werkagendaId=${other}`,
        `/api/v1/meeting-series?werkagendaId=${other}`,
      ]) {
        const answer = text(await get(path));
        for (const own of [KEY, ACTION_TITLE, SERIES_TITLE, INDICATOR, ...meetingIds])
          expect({ path, has: answer.includes(own) }).toEqual({ path, has: false });
      }
    }
  });

  it('4. lets the new coordinator write in its own werkagenda only, and refuses the seeded coordinator there', async () => {
    const inFirst: [string, string, unknown][] = [
      ['POST', '/api/v1/actions/2.1/progress-reports', { rag: 'groen', summary: 'Voortgang die hier niet mag' }],
      [
        'POST',
        '/api/v1/commitments',
        {
          text: 'Een toezegging die hier niet mag',
          madeBy: 'Minister voor Langdurige Zorg en Sport',
          madeAt: { date: '2027-01-05', source: 'Commissiedebat' },
          due: 'voor de zomer van 2027',
          werkagendaId: FIRST,
        },
      ],
      [
        'POST',
        '/api/v1/meeting-series',
        {
          werkagendaId: FIRST,
          kind: 'overleg',
          title: 'Overleg dat hier niet mag',
          interval: { unit: 'weeks', every: 4 },
          localTime: '10:00',
          durationMinutes: 60,
          firstDate: '2027-01-21',
        },
      ],
      ['POST', `/api/v1/werkagendas/${FIRST}/actions`, { code: '9.9', title: 'Een actie die hier niet mag', actionLine: 1 }],
      ['POST', `/api/v1/werkagendas/${ACTIEPLAN}/actions`, { code: '9.9', title: 'Een actie die hier niet mag', actionLine: 1 }],
    ];
    for (const [method, path, body] of inFirst)
      expect({ path, status: (await call(method, path, body, USERNAME)).status }).toEqual({ path, status: 403 });

    await send(
      'POST',
      `/api/v1/actions/${encodeURIComponent(KEY)}/progress-reports`,
      { rag: 'groen', summary: 'Drie gemeenten doen mee' },
      USERNAME,
    );
    await send(
      'POST',
      '/api/v1/commitments',
      {
        text: 'De Kamer informeren over de proefwerkagenda',
        madeBy: 'Minister voor Langdurige Zorg en Sport',
        madeAt: { date: '2027-01-05', source: 'Commissiedebat' },
        due: 'voor de zomer van 2027',
        werkagendaId: NEW,
      },
      USERNAME,
    );

    const seeded: [string, string, unknown][] = [
      ['POST', `/api/v1/actions/${encodeURIComponent(KEY)}/progress-reports`, { rag: 'rood', summary: 'Voortgang die hier niet mag' }],
      ['POST', `/api/v1/werkagendas/${NEW}/actions`, { code: '1.2', title: 'Een actie die hier niet mag', actionLine: 1 }],
      [
        'POST',
        '/api/v1/meeting-series',
        {
          werkagendaId: NEW,
          kind: 'overleg',
          title: 'Overleg dat hier niet mag',
          interval: { unit: 'weeks', every: 4 },
          localTime: '10:00',
          durationMinutes: 60,
          firstDate: '2027-01-21',
        },
      ],
      [
        'POST',
        '/api/v1/indicators',
        { werkagendaId: NEW, name: 'Indicator die hier niet mag', unit: 'stuks', direction: 'hoger-is-beter' },
      ],
      ['PATCH', `/api/v1/meeting-series/${seriesId}`, { from: '2027-02-01', location: 'Utrecht' }],
    ];
    for (const [method, path, body] of seeded)
      expect({ path, status: (await call(method, path, body, 'coordinator')).status }).toEqual({ path, status: 403 });
  });

  it('4b. gives an actiehouder and a director of the new werkagenda rights there only', async () => {
    await send(
      'POST',
      '/api/v1/accounts',
      { username: 'actiehouder-proef', grants: [{ role: 'actiehouder', werkagendaId: NEW, actionCodes: ['1.1'] }] },
      'beheerder',
    );
    await send(
      'POST',
      '/api/v1/accounts',
      { username: 'director-proef', grants: [{ role: 'director', werkagendaId: NEW, actionCodes: [] }] },
      'beheerder',
    );
    const report = { rag: 'oranje', summary: 'Een melding van de actiehouder' };
    const status = async (method: string, path: string, body: unknown, as: string) => ({
      path,
      status: (await call(method, path, body, as)).status,
    });
    expect(await status('POST', `/api/v1/actions/${encodeURIComponent(KEY)}/progress-reports`, report, 'actiehouder-proef')).toEqual({
      path: `/api/v1/actions/${encodeURIComponent(KEY)}/progress-reports`,
      status: 201,
    });
    for (const other of ['1.1', '2.1', `${ACTIEPLAN}:1.1`]) {
      const path = `/api/v1/actions/${encodeURIComponent(other)}/progress-reports`;
      expect(await status('POST', path, report, 'actiehouder-proef')).toEqual({ path, status: 403 });
    }
    const own = `/api/v1/monitoring/projections/2027-Q1/publish?werkagendaId=${NEW}`;
    expect(await status('POST', own, undefined, 'director-proef')).toEqual({ path: own, status: 201 });
    for (const path of [
      '/api/v1/monitoring/projections/2027-Q1/publish',
      `/api/v1/monitoring/projections/2027-Q1/publish?werkagendaId=${FIRST}`,
    ])
      expect(await status('POST', path, undefined, 'director-proef')).toEqual({ path, status: 403 });
  });

  it('3b. keeps the new werkagenda out of the first werkagenda’s default views (no werkagendaId)', async () => {
    for (const path of [
      '/api/v1/monitoring/milestones',
      '/api/v1/monitoring/projections/2027-Q1',
      '/api/v1/indicators',
      '/api/v1/werkagenda',
    ]) {
      const answer = text(await get(path));
      for (const own of [KEY, ACTION_TITLE, INDICATOR]) expect({ path, own, has: answer.includes(own) }).toEqual({ path, own, has: false });
    }
  });

  it('4d. opens a meeting of the new werkagenda on the portal with its series, and not for a user without a grant there', async () => {
    const portal = async (username: string) => {
      const agent = request.agent(platform.url);
      const res = await agent.post('/inloggen').set('Origin', platform.url).type('form').send({ username, password: TEST_PASSWORD });
      expect(res.status).toBe(303);
      return agent;
    };
    const page = await (await portal(USERNAME)).get(`/overleggen/${meetingIds[0]}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(SERIES_TITLE);
    const elsewhere = await (await portal('actiehouder-2.1')).get(`/overleggen/${meetingIds[0]}`);
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.text).not.toContain(SERIES_TITLE);
  });

  it('4c. refuses a write in a werkagenda nobody established (404), records nothing, and answers its reads with 404', async () => {
    await send(
      'POST',
      '/api/v1/accounts',
      { username: 'coordinator-overal', grants: [{ role: 'coordinator', werkagendaId: '*', actionCodes: [] }] },
      'beheerder',
    );
    const ghost = 'bestaat-niet-2027';
    const writes: [string, unknown][] = [
      [
        '/api/v1/meeting-series',
        {
          werkagendaId: ghost,
          kind: 'overleg',
          title: 'Spookoverleg',
          interval: { unit: 'weeks', every: 4 },
          localTime: '10:00',
          durationMinutes: 60,
          firstDate: '2027-01-21',
        },
      ],
      ['/api/v1/indicators', { werkagendaId: ghost, name: 'Spookindicator', unit: 'stuks', direction: 'hoger-is-beter' }],
      [
        '/api/v1/commitments',
        {
          text: 'Spooktoezegging',
          madeBy: 'Minister',
          madeAt: { date: '2027-01-05', source: 'Commissiedebat' },
          due: 'voor de zomer van 2027',
          werkagendaId: ghost,
        },
      ],
      ['/api/v1/meetings', { werkagendaId: ghost, title: 'Spook los overleg', date: '2027-01-21', time: '10:00', durationMinutes: 60 }],
      [`/api/v1/werkagendas/${ghost}/actions`, { code: '1.1', title: 'Spookactie', actionLine: 1 }],
    ];
    for (const [path, body] of writes) {
      const res = await call('POST', path, body, 'coordinator-overal');
      const problem = (await res.json()) as { detail: string };
      expect({ path, status: res.status, detail: problem.detail }).toEqual({
        path,
        status: 404,
        detail: `werkagenda ${ghost} bestaat niet`,
      });
    }
    // A beheerder granting a right in it: 400 naming the grant's field, no account made.
    const grant = await call(
      'POST',
      '/api/v1/accounts',
      { username: 'coordinator-spook', grants: [{ role: 'coordinator', werkagendaId: ghost, actionCodes: [] }] },
      'beheerder',
    );
    expect(grant.status).toBe(400);
    expect(((await grant.json()) as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual(['grants.0.werkagendaId']);
    expect(((await get('/api/v1/accounts', 'beheerder')) as { username: string }[]).map((a) => a.username)).not.toContain(
      'coordinator-spook',
    );
    // Nothing recorded, and reading the werkagenda answers 404 too: not an empty list that looks like a real werkagenda.
    for (const path of [
      `/api/v1/meeting-series?werkagendaId=${ghost}`,
      `/api/v1/indicators?werkagendaId=${ghost}`,
      `/api/v1/commitments?werkagendaId=${ghost}`,
      `/api/v1/monitoring/milestones?werkagendaId=${ghost}`,
    ]) {
      const res = await call('GET', path, undefined, 'coordinator');
      const problem = (await res.json()) as { detail: string };
      expect({ path, status: res.status, detail: problem.detail }).toEqual({
        path,
        status: 404,
        detail: `werkagenda ${ghost} bestaat niet`,
      });
    }
    expect(await get('/api/v1/meeting-series?werkagendaId=betekenisvol-leven-2025-2028')).not.toEqual([]);
  });

  it('7. names who set up what: the audit names the actors, and /people/actors gives the person and role', async () => {
    for (const stream of [`werkagenda-${NEW}`, `action-${KEY}`, `meeting-series-${seriesId}`]) {
      const { events } = await get(`/api/v1/audit/streams/${encodeURIComponent(stream)}`, 'auditor');
      expect(events.length).toBeGreaterThan(0);
      for (const event of events) expect(event.metadata.actor.userId).toEqual(expect.any(String));
    }
    const established = (await get(`/api/v1/audit/streams/werkagenda-${NEW}`, 'auditor')).events[0];
    expect(established.metadata.actor.userId).toBe('beheerder');
    const defined = (await get(`/api/v1/audit/streams/${encodeURIComponent(`action-${KEY}`)}`, 'auditor')).events[0];
    expect(defined.metadata.actor.userId).toBe(USERNAME);

    const actors = await get(`/api/v1/people/actors?ids=${USERNAME},beheerder`);
    expect(actors[USERNAME]).toBe(`${PERSON}, coördinator proefwerkagenda`);
    expect(actors[USERNAME]).not.toContain(USERNAME);
    expect(actors.beheerder).toMatch(/beheerder/);
  });

  it('5. refuses a disabled account’s token on the very next request', async () => {
    const token = await api.token(USERNAME);
    const before = await fetch(`${platform.url}/api/v1/werkagendas`, { headers: { authorization: `Bearer ${token}` } });
    expect(before.status).toBe(200);
    await send('PATCH', `/api/v1/accounts/${accountId}`, { disabled: true }, 'beheerder', 200);
    const after = await fetch(`${platform.url}/api/v1/werkagendas`, { headers: { authorization: `Bearer ${token}` } });
    expect(after.status).toBe(401);
    const login = await fetch(`${platform.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: USERNAME, password: TEST_PASSWORD }),
    });
    expect(login.status).toBe(401);
  });

  it('6. forgets the person: the name is in no answer any more', async () => {
    // Before: the name shows where it belongs.
    expect(text(await get('/api/v1/people'))).toContain(PERSON);
    expect(text(await get(`/api/v1/people/actors?ids=${USERNAME}`))).toContain(PERSON);

    const report = await send('POST', `/api/v1/people/${personId}/forget`, undefined, 'beheerder', 200);
    expect(report).toBeDefined();

    const answers: [string, string][] = [
      ['/api/v1/people', 'coordinator'],
      [`/api/v1/people/actors?ids=${USERNAME}`, 'coordinator'],
      [`/api/v1/actions/${encodeURIComponent(KEY)}`, 'coordinator'],
      [`/api/v1/actions?werkagendaId=${NEW}`, 'coordinator'],
      [`/api/v1/meeting-series?werkagendaId=${NEW}`, 'coordinator'],
      [`/api/v1/meetings?werkagendaId=${NEW}`, 'coordinator'],
      [`/api/v1/meetings/calendar.ics?werkagendaId=${NEW}`, 'coordinator'],
      [`/api/v1/commitments?werkagendaId=${NEW}`, 'coordinator'],
      [`/api/v1/audit/streams/person-${personId}?names=open`, 'auditor'],
      [`/api/v1/audit/streams/${encodeURIComponent(`action-${KEY}`)}?names=open`, 'auditor'],
      [`/api/v1/audit/streams/meeting-series-${seriesId}?names=open`, 'auditor'],
      [`/api/v1/audit/events?text=Proefpersoon&names=open`, 'auditor'],
      [`/api/v1/audit/events?order=desc&limit=1000&names=open`, 'auditor'],
      [`/api/v1/accounts/${accountId}`, 'beheerder'],
      [`/api/v1/meetings/${meetingIds[0]}`, 'coordinator'],
      [`/api/v1/meetings/${meetingIds[0]}/agenda.html`, 'coordinator'],
    ];
    for (const [path, as] of answers) {
      const answer = text(await get(path, as));
      expect({ path, hasName: answer.includes(PERSON) || answer.includes('Proefpersoon') }).toEqual({ path, hasName: false });
    }
    const people = (await get('/api/v1/people')) as { id: string }[];
    expect(people.map((p) => p.id)).not.toContain(personId);
    expect((await get(`/api/v1/people/actors?ids=${USERNAME}`))[USERNAME]).toMatch(/^\[verwijderd\]/);
  });
});
