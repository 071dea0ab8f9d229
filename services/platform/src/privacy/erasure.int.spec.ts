import { Client } from 'pg';
import { REDACTED_NAME } from '@regie/es-core';
import { checksums, rebuildInto, type TableChecksum } from '@regie/read-model';
import { apiClient, type ApiClient, testDatabase } from '@regie/test-kit';
import { type RunningPlatform } from '../platform';
import { MESSAGE_SOURCES, readModels } from '../read-models';
import { platformForTests } from '../testing/platform-for-tests';

/**
 * Personal data: after forgetting a person, no read model and no API answer contains
 * their name, a full replay still equals the live tables, the hash chain still verifies, and
 * everything else is intact. The names are never stored as plain text at all, before or after.
 */
describe('forgetting a person (crypto-shredding)', () => {
  let db: Awaited<ReturnType<typeof testDatabase>>;
  let platform: RunningPlatform;
  let sql: Client;
  let api: ApiClient;
  const PERSON = 'Anna de Vries-Voorbeeld';
  const SEEDED = 'C. Helder';
  const OTHER = 'M. van Ooijen';
  const ids: { commitment?: string; meeting?: string; seeded?: string } = {};

  /** As a local account: coordinator by default; the audit API as auditor. */
  const call = async (
    method: string,
    path: string,
    body?: object,
    as = path.startsWith('/api/v1/audit/') && method === 'GET' ? 'auditor' : 'coordinator',
  ) => {
    const res = await api.fetch(
      path,
      { method, headers: { 'content-type': 'application/json' }, body: body ? JSON.stringify(body) : undefined },
      as,
    );
    const text = await res.text();
    return {
      status: res.status,
      type: res.headers.get('content-type') ?? '',
      text,
      body: text.startsWith('{') || text.startsWith('[') ? JSON.parse(text) : text,
    };
  };
  const ok = async (method: string, path: string, body?: object) => {
    const res = await call(method, path, body);
    if (res.status >= 400) throw new Error(`${method} ${path}: ${res.status} ${res.text}`);
    return res.body;
  };

  /** Every table of every schema whose row text contains the name (events, read models, vault, everything). */
  const tablesContaining = async (name: string): Promise<string[]> => {
    const { rows: tables } = await sql.query(
      `SELECT table_schema, table_name FROM information_schema.tables
       WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')`,
    );
    const found: string[] = [];
    for (const t of tables) {
      const { rows } = await sql.query(`SELECT count(*)::int AS n FROM "${t.table_schema}"."${t.table_name}" x WHERE x::text ILIKE $1`, [
        `%${name}%`,
      ]);
      if (rows[0].n > 0) found.push(`${t.table_schema}.${t.table_name}`);
    }
    return found;
  };

  /** The read answers of every service, now and as of an earlier moment. */
  const answers = async (asOf: string): Promise<string> => {
    const paths = [
      '/api/v1/werkagenda',
      '/api/v1/actions',
      '/api/v1/actions/1.1',
      '/api/v1/commitments',
      `/api/v1/commitments/${ids.commitment}`,
      `/api/v1/commitments/${ids.seeded}`,
      '/api/v1/meetings',
      `/api/v1/meetings/${ids.meeting}`,
      '/api/v1/meeting-series',
      '/api/v1/meetings/calendar.ics',
      `/api/v1/meetings/${ids.meeting}/agenda.html`,
      '/api/v1/monitoring/milestones',
      '/api/v1/monitoring/milestones.csv',
      '/api/v1/monitoring/overdue-commitments',
      '/api/v1/indicators',
      '/api/v1/monitoring/projections/2026-Q1',
      '/api/v1/audit/events?limit=1000',
      `/api/v1/audit/streams/commitment-${ids.commitment}`,
      `/api/v1/audit/streams/commitment-${ids.commitment}?names=open`,
      '/api/v1/audit/events?limit=1000&names=open',
      `/api/v1/commitments?asOf=${asOf}`,
      `/api/v1/commitments/${ids.seeded}?asOf=${asOf}`,
      `/api/v1/monitoring/milestones?asOf=${asOf}`,
    ];
    const texts: string[] = [];
    for (const path of paths) texts.push(`${path}: ${(await call('GET', path)).text}`);
    return texts.join('\n');
  };

  beforeAll(async () => {
    ({ db, platform } = await platformForTests('erasure', '2026-03-10T12:00:00Z'));
    api = apiClient(platform.url);
    sql = new Client({ connectionString: db.url });
    await sql.connect();
  });
  afterAll(async () => {
    await sql.end();
    await platform.close();
    await db.drop();
  });

  it('stores names only sealed, and shows them in answers while the person is not forgotten', async () => {
    const before = platform.adapters.clock.now().toISOString();
    await new Promise((r) => setTimeout(r, 1100));
    const commitment = await ok('POST', '/api/v1/commitments', {
      text: 'Voorbeeld: de Kamer informeren over de regiokaart',
      madeBy: 'Staatssecretaris Voorbeeldzaken',
      madeByPersons: [PERSON],
      madeAt: { date: '2026-03-09', source: 'Voorbeeld: commissiedebat' },
      due: 'najaar 2026',
      actionCodes: ['3.1'],
    });
    ids.commitment = commitment.id;
    await ok('PUT', '/api/v1/actions/1.1/action-holder', {
      parties: ['VWS'],
      description: 'VWS, met een actiehouder bij naam',
      person: PERSON,
    });
    // The kerngroep of 10 March 2026 (10:00) has begun at the platform's now: it can be held and get action points.
    const [meeting] = await ok('GET', '/api/v1/meetings?kind=kerngroep&from=2026-03-10&to=2026-03-10');
    ids.meeting = meeting.id;
    await ok('POST', `/api/v1/meetings/${meeting.id}/held`);
    await ok('POST', `/api/v1/meetings/${meeting.id}/action-points`, {
      text: 'Voorbeeld: notitie regiokaart',
      owner: PERSON,
      dueDate: '2026-04-30',
    });
    const seeded = ((await ok('GET', '/api/v1/commitments')) as { id: string; madeBy: string }[]).find((c) => c.madeBy.includes(SEEDED));
    ids.seeded = seeded?.id;

    expect((await ok('GET', `/api/v1/commitments/${ids.commitment}`)).madeBy).toBe(`Staatssecretaris Voorbeeldzaken (${PERSON})`);
    expect((await ok('GET', '/api/v1/actions/1.1')).actionHolder).toEqual({
      parties: ['VWS'],
      description: 'VWS, met een actiehouder bij naam',
      person: PERSON,
    });
    expect((await ok('GET', `/api/v1/meetings/${meeting.id}`)).actionPoints).toEqual([expect.objectContaining({ owner: PERSON })]);
    // The audit log shows events as stored (sealed); auditors may ask for the names opened.
    const registered = (await call('GET', `/api/v1/audit/streams/commitment-${ids.commitment}`)).body.events[0].data.madeBy;
    expect(registered).toMatchObject({ text: 'Staatssecretaris Voorbeeldzaken ({0})', persons: [{ alg: 'A256GCM' }] });
    expect((await call('GET', `/api/v1/audit/streams/commitment-${ids.commitment}?names=open`)).body.events[0].data.madeBy).toBe(
      `Staatssecretaris Voorbeeldzaken (${PERSON})`,
    );
    expect(seeded?.madeBy).toBe(
      `Minister voor Langdurige Zorg en Sport (${SEEDED}) en Staatssecretaris van Volksgezondheid, Welzijn en Sport (${OTHER})`,
    );
    expect(await answers(before)).toContain(PERSON);
    for (const name of [PERSON, SEEDED, 'Vries-Voorbeeld']) expect(await tablesContaining(name)).toEqual([]);
  });

  it('lets only an auditor or coordinator forget, and names an unknown person in problem+json', async () => {
    const refused = await call('POST', '/api/v1/audit/subjects/forget', { name: PERSON }, 'actiehouder-2.1');
    expect(refused.status).toBe(403);
    const unknown = await call('POST', '/api/v1/audit/subjects/forget', { name: 'Niemand Bekend' }, 'auditor');
    expect(unknown).toMatchObject({
      status: 404,
      type: expect.stringContaining('application/problem+json'),
      body: { status: 404, title: 'Niet gevonden' },
    });
    expect(unknown.body.detail).toMatch(/geen sleutel/);
    const bad = await call('POST', '/api/v1/audit/subjects/forget', {}, 'auditor');
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'name' })]);
  });

  it('after forgetting, no table and no answer contains the name; others and all other data are intact; forgetting again changes nothing', async () => {
    const countsBefore = (await sql.query(`SELECT count(*)::int AS n FROM es.events`)).rows[0].n;
    const forgotten = await call('POST', '/api/v1/audit/subjects/forget', { name: PERSON }, 'auditor');
    expect(forgotten).toMatchObject({
      status: 200,
      body: { status: 'forgotten', subject: expect.any(String), remaining: { events: [], tables: [] } },
    });
    expect(forgotten.text).not.toContain('Vries');
    expect((await call('POST', '/api/v1/audit/subjects/forget', { name: SEEDED }, 'coordinator')).body.status).toBe('forgotten');
    expect((await call('POST', '/api/v1/audit/subjects/forget', { name: PERSON.toUpperCase() }, 'auditor')).body).toMatchObject({
      status: 'already-forgotten',
    });

    const all = await answers('2026-03-10T11:59:00Z');
    for (const name of [PERSON, SEEDED, 'Vries-Voorbeeld']) expect(all).not.toContain(name);
    for (const name of [PERSON, SEEDED, 'Vries-Voorbeeld']) expect(await tablesContaining(name)).toEqual([]);
    expect((await ok('GET', `/api/v1/commitments/${ids.commitment}`)).madeBy).toBe(`Staatssecretaris Voorbeeldzaken (${REDACTED_NAME})`);
    expect((await ok('GET', '/api/v1/actions/1.1')).actionHolder).toMatchObject({ parties: ['VWS'], person: REDACTED_NAME });
    expect((await ok('GET', `/api/v1/meetings/${ids.meeting}`)).actionPoints).toEqual([
      expect.objectContaining({ owner: REDACTED_NAME, text: 'Voorbeeld: notitie regiokaart' }),
    ]);
    expect((await ok('GET', `/api/v1/commitments/${ids.seeded}`)).madeBy).toBe(
      `Minister voor Langdurige Zorg en Sport (${REDACTED_NAME}) en Staatssecretaris van Volksgezondheid, Welzijn en Sport (${OTHER})`,
    );
    // The erasure is in the history, without the name; nothing else was written or changed.
    const erased = (await sql.query(`SELECT data FROM es.events WHERE type = 'PersonalDataErased' ORDER BY position`)).rows;
    expect(erased).toEqual([{ data: { subject: forgotten.body.subject, erasedAt: expect.any(String) } }, expect.anything()]);
    expect((await sql.query(`SELECT count(*)::int AS n FROM es.events`)).rows[0].n).toBe(countsBefore + 2);
  });

  it('still verifies the hash chain, and a full replay reproduces every live table', async () => {
    expect(await ok('GET', '/api/v1/audit/verify')).toMatchObject({ ok: true, problems: [] });
    const { adapters } = platform;
    for (const model of readModels(adapters.databaseUrl)) {
      const rebuilt = await rebuildInto(adapters.store, model, { fresh: true, sources: MESSAGE_SOURCES });
      const live = await model.openDataSource(model.schema);
      const byTable = (list: TableChecksum[]) => Object.fromEntries(list.map((t) => [t.table, t]));
      expect(byTable(await checksums(rebuilt.dataSource, rebuilt.schema))).toEqual(byTable(await checksums(live, model.schema)));
      await Promise.all([live.destroy(), rebuilt.dataSource.destroy()]);
    }
  });
});
