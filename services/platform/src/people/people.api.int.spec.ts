import { Client } from 'pg';
import { REDACTED_NAME } from '@regie/es-core';
import { ActorNames } from '@regie/nest-kit';
import { apiClient, type ApiClient, testDatabase } from '@regie/test-kit';
import { type RunningPlatform } from '../platform';
import { platformForTests } from '../testing/platform-for-tests';
import { PeopleModule } from './people.module';

/**
 * The directory of persons (issue 16, item 2): names sealed, shown opened, refused when taken,
 * forgotten by id everywhere they were mentioned; and actors shown in words, never as account ids.
 */
describe('people directory and actor names', () => {
  let db: Awaited<ReturnType<typeof testDatabase>>;
  let platform: RunningPlatform;
  let sql: Client;
  let api: ApiClient;
  const PERSON = 'P. Voorbeeld-Testpersoon';

  const call = async (method: string, path: string, body?: object, as = 'coordinator') => {
    const res = await api.fetch(
      path,
      { method, headers: { 'content-type': 'application/json' }, body: body ? JSON.stringify(body) : undefined },
      as,
    );
    const text = await res.text();
    return { status: res.status, type: res.headers.get('content-type') ?? '', text, body: text ? JSON.parse(text) : undefined };
  };

  beforeAll(async () => {
    ({ db, platform } = await platformForTests('people', '2026-03-10T12:00:00Z'));
    api = apiClient(platform.url);
    sql = new Client({ connectionString: db.url });
    await sql.connect();
  });
  afterAll(async () => {
    await sql.end();
    await platform.close();
    await db.drop();
  });

  it('holds the example persons of the seed, names opened, ordered by name', async () => {
    const list = await call('GET', '/api/v1/people', undefined, 'actiehouder-2.1');
    expect(list.status).toBe(200);
    expect(list.body.map((p: { name: string }) => p.name)).toEqual(['A. Visser', 'C. de Vries', 'J. Bakker', 'M. Jansen']);
    expect(list.body[1]).toEqual({
      id: expect.any(String),
      name: 'C. de Vries',
      function: 'coördinator werkagenda',
      organisation: 'VWS',
      forgotten: false,
      revision: 0,
    });
  });

  it('registers a person: the list shows the name opened, the store and read model hold it only sealed', async () => {
    const created = await call('POST', '/api/v1/people', {
      name: ` ${PERSON} `,
      function: 'programmaleider',
      organisation: 'Gemeente Utrecht',
    });
    expect(created.status).toBe(201);
    const list = await call('GET', '/api/v1/people', undefined, 'director');
    expect(list.body).toContainEqual(expect.objectContaining({ id: created.body.id, name: PERSON, organisation: 'Gemeente Utrecht' }));
    expect((await call('GET', `/api/v1/people/${created.body.id}`, undefined, 'auditor')).body).toMatchObject({
      name: PERSON,
      function: 'programmaleider',
    });
    const stored = await sql.query(`SELECT count(*)::int AS n FROM es.events e WHERE e::text ILIKE '%Testpersoon%'`);
    expect(stored.rows[0].n).toBe(0);
    const row = await sql.query(
      `SELECT name, metadata FROM directory.people p JOIN es.events e ON e.stream_id = 'person-' || p.id WHERE p.id = $1`,
      [created.body.id],
    );
    expect(row.rows[0].name).toMatchObject({ alg: 'A256GCM' });
    expect(row.rows[0].metadata.actor).toEqual({ userId: 'coordinator', role: 'coordinator' });

    const changed = await call('PATCH', `/api/v1/people/${created.body.id}`, { function: 'programmamanager', organisation: 'VNG' });
    expect(changed).toMatchObject({ status: 200, body: { id: created.body.id, revision: 1 } });
    expect((await call('GET', `/api/v1/people/${created.body.id}`)).body).toMatchObject({
      function: 'programmamanager',
      organisation: 'VNG',
    });
    await call('PATCH', `/api/v1/people/${created.body.id}`, { function: ' ' });
    expect((await call('GET', `/api/v1/people/${created.body.id}`)).body).toMatchObject({ function: null, revision: 2 });
  });

  it('refuses a name that is already registered (however it is spelled), and another person taking it', async () => {
    const twice = await call('POST', '/api/v1/people', { name: 'c.  DE VRIES', organisation: 'VWS' });
    expect(twice).toMatchObject({ status: 409, type: expect.stringContaining('application/problem+json') });
    expect(twice.body.detail).toBe('er staat al een persoon met deze naam in het personenregister');
    const someone = (await call('GET', '/api/v1/people')).body.find((p: { name: string }) => p.name === 'J. Bakker');
    expect((await call('PATCH', `/api/v1/people/${someone.id}`, { name: 'C. de Vriës' })).status).toBe(409);
    expect((await call('PATCH', `/api/v1/people/${someone.id}`, { name: 'J. Bakker' })).status).toBe(200);
  });

  it('refuses bad input naming the field in Dutch, records nothing; unknown id 404; other roles 403', async () => {
    const before = (await sql.query('SELECT count(*)::int AS n FROM es.events')).rows[0].n;
    const empty = await call('POST', '/api/v1/people', {});
    expect(empty.status).toBe(400);
    expect(empty.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'name', message: expect.stringContaining('weergavenaam') }),
        expect.objectContaining({ field: 'organisation' }),
      ]),
    );
    const short = await call('POST', '/api/v1/people', { name: 'X', organisation: 'VWS' });
    expect(short.body.errors).toEqual([expect.objectContaining({ field: 'name', message: 'minstens 2 tekens' })]);
    const nullFunction = await call('POST', '/api/v1/people', { name: 'X. Iemand', organisation: 'VWS', function: null });
    expect(nullFunction.body.errors).toEqual([expect.objectContaining({ field: 'function' })]);
    const unknownField = await call('POST', '/api/v1/people', { name: 'X. Iemand', organisation: 'VWS', email: 'x@example.org' });
    expect(unknownField.status).toBe(400);
    const someone = (await call('GET', '/api/v1/people')).body[0];
    const nothing = await call('PATCH', `/api/v1/people/${someone.id}`, {});
    expect(nothing.status).toBe(400);
    expect(nothing.body.errors).toEqual([expect.objectContaining({ field: 'name' })]);
    expect((await call('GET', '/api/v1/people/niet-een-id')).body.errors).toEqual([expect.objectContaining({ field: 'id' })]);
    expect((await call('GET', '/api/v1/people/0195f3c2-8b21-7d5f-8c3b-4e5f60718293')).status).toBe(404);
    expect((await call('PATCH', '/api/v1/people/0195f3c2-8b21-7d5f-8c3b-4e5f60718293', { organisation: 'ZN' })).status).toBe(404);

    expect((await call('POST', '/api/v1/people', { name: 'X. Iemand', organisation: 'VWS' }, 'actiehouder-2.1')).status).toBe(403);
    expect((await call('PATCH', `/api/v1/people/${someone.id}`, { organisation: 'ZN' }, 'director')).status).toBe(403);
    expect((await call('POST', `/api/v1/people/${someone.id}/forget`, undefined, 'actiehouder-2.1')).status).toBe(403);
    expect((await sql.query('SELECT count(*)::int AS n FROM es.events')).rows[0].n).toBe(before);
  });

  it('forgets a person by id: gone from the directory, "[verwijderd]" in every answer that mentioned them', async () => {
    const { body: created } = await call('POST', '/api/v1/people', { name: 'R. Vergeetmij', organisation: 'ZN' });
    const holder = await call('PUT', '/api/v1/actions/1.1/action-holder', {
      parties: ['VWS'],
      description: 'VWS, met een actiehouder bij naam',
      person: 'r. vergeetmij',
    });
    expect(holder.status).toBeLessThan(300);
    expect((await call('GET', '/api/v1/actions/1.1')).body.actionHolder.person).toBe('r. vergeetmij');

    const forgotten = await call('POST', `/api/v1/people/${created.id}/forget`);
    expect(forgotten).toMatchObject({
      status: 200,
      body: { status: 'forgotten', subject: expect.any(String), remaining: { events: [], tables: [] } },
    });
    expect(forgotten.text).not.toContain('ergeetmij');

    const list = await call('GET', '/api/v1/people');
    expect(list.body.map((p: { id: string }) => p.id)).not.toContain(created.id);
    expect((await call('GET', `/api/v1/people/${created.id}`)).body).toMatchObject({ name: REDACTED_NAME, forgotten: true });
    expect((await call('GET', '/api/v1/actions/1.1')).body.actionHolder.person).toBe(REDACTED_NAME);
    const history = await call('GET', `/api/v1/audit/streams/person-${created.id}?names=open`, undefined, 'auditor');
    expect(history.body.events.map((e: { type: string }) => e.type)).toEqual(['PersonRegistered', 'PersonForgotten']);
    expect(history.body.events[0].data.name).toBe(REDACTED_NAME);
    expect(history.text).not.toContain('ergeetmij');

    const again = await call('POST', `/api/v1/people/${created.id}/forget`, undefined, 'auditor');
    expect(again).toMatchObject({ status: 200, body: { status: 'already-forgotten', erasedAt: forgotten.body.erasedAt } });
    expect((await call('PATCH', `/api/v1/people/${created.id}`, { organisation: 'VWS' })).status).toBe(409);
    // The name can be registered anew: it is a new data subject, whose key is not the one deleted.
    expect((await call('POST', '/api/v1/people', { name: 'R. Vergeetmij', organisation: 'ZN' })).status).toBe(201);
  });

  it('names actors in words: system actors, accounts with and without a person, never an account id', async () => {
    const people = (await call('GET', '/api/v1/people')).body as { id: string; name: string }[];
    const cdv = people.find((p) => p.name === 'C. de Vries') as { id: string };
    await sql.query(`CREATE SCHEMA IF NOT EXISTS auth`);
    await sql.query(`CREATE TABLE IF NOT EXISTS auth.accounts (username text PRIMARY KEY, person_id uuid NULL, grants jsonb NOT NULL)`);
    await sql.query(
      `INSERT INTO auth.accounts (id, username, person_id, grants)
       VALUES (gen_random_uuid(), $1, $2, $3), (gen_random_uuid(), $4, NULL, $5), (gen_random_uuid(), $6, NULL, $7)`,
      [
        'cdevries',
        cdv.id,
        JSON.stringify([{ role: 'coordinator', werkagendaId: 'betekenisvol-leven-2025-2028', actionCodes: [] }]),
        'ah-utrecht',
        JSON.stringify([{ role: 'actiehouder', werkagendaId: 'betekenisvol-leven-2025-2028', actionCodes: ['2.2', '2.1'] }]),
        'dir-wlz',
        JSON.stringify([
          { role: 'director', werkagendaId: 'actieplan-dakloos-wlz-2025', actionCodes: [] },
          { role: 'actiehouder', werkagendaId: 'actieplan-dakloos-wlz-2025', actionCodes: ['1.1'] },
        ]),
      ],
    );
    const ids = [
      'seed',
      'scheduler',
      'regie-cli',
      'cdevries',
      'ah-utrecht',
      'dir-wlz',
      'coordinator',
      'actiehouder-2.1',
      'iemand-onbekends',
    ];
    const answer = await call('GET', `/api/v1/people/actors?ids=${ids.join(',')}`, undefined, 'actiehouder-2.1');
    expect(answer.body).toEqual({
      seed: 'eerste inrichting',
      scheduler: 'automatische controle',
      'regie-cli': 'beheer via de opdrachtregel',
      cdevries: 'C. de Vries, coördinator werkagenda',
      'ah-utrecht': 'actiehouder acties 2.1 en 2.2',
      'dir-wlz': 'directeur en actiehouder actie 1.1',
      // voorbeeld: the seeded coordinator account is linked to the example person C. de Vries
      coordinator: 'C. de Vries, coördinator werkagenda',
      'actiehouder-2.1': 'actiehouder actie 2.1',
      'iemand-onbekends': 'onbekende gebruiker',
    });
    expect((await call('GET', '/api/v1/people/actors')).body.errors).toEqual([expect.objectContaining({ field: 'ids' })]);

    // The same service in process, and after the person is forgotten: "[verwijderd]", still with the post.
    const actors = platform.app.select(PeopleModule).get(ActorNames);
    expect((await actors.describe(['cdevries'])).get('cdevries')).toBe('C. de Vries, coördinator werkagenda');
    await call('POST', `/api/v1/people/${cdv.id}/forget`);
    expect((await actors.describe(['cdevries', 'seed'])).get('cdevries')).toBe(`${REDACTED_NAME}, coördinator werkagenda`);
  });
});
