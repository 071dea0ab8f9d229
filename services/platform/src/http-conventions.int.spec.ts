import { apiClient, type ApiClient, testDatabase } from '@regie/test-kit';
import { type RunningPlatform } from './platform';
import { platformForTests } from './testing/platform-for-tests';

/**
 * How the platform reads requests and words its refusals, whatever the service: what a script or
 * an HTML form sends as API.md writes it is understood, and every refusal is in Dutch.
 */
describe('HTTP conventions of the platform', () => {
  let db: Awaited<ReturnType<typeof testDatabase>>;
  let platform: RunningPlatform;
  let api: ApiClient;

  beforeAll(async () => {
    ({ db, platform } = await platformForTests('http_conventions', '2026-03-15T09:00:00Z'));
    api = apiClient(platform.url);
  });
  afterAll(async () => {
    await platform.close();
    await db.drop();
  });

  it('reads an empty query parameter as no filter, as an HTML form sends it', async () => {
    const all = await api.fetch('/api/v1/meetings');
    const empty = await api.fetch('/api/v1/meetings?kind=&from=&to=');
    expect(empty.status).toBe(200);
    expect(await empty.json()).toEqual(await all.json());
    expect((await api.fetch('/api/v1/audit/events?stream=&type=&limit=', {}, 'auditor')).status).toBe(200);
  });

  it('sends no ETag but a revision: a list has none', async () => {
    const list = await api.fetch('/api/v1/actions');
    expect(list.headers.get('etag')).toBeNull();
    expect((await api.fetch('/api/v1/actions/2.1')).headers.get('etag')).toMatch(/^"\d+"$/);
  });

  it('refuses malformed JSON, an unknown address and a bad value in Dutch', async () => {
    const malformed = await api.fetch('/api/v1/actions/2.1/milestones', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{titel',
    });
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await malformed.json()).toMatchObject({
      title: 'Ongeldige invoer',
      detail: expect.stringMatching(/^De body is geen geldige JSON/),
    });
    const unknown = await api.fetch('/api/v1/bestaat-niet');
    expect(await unknown.json()).toMatchObject({ status: 404, detail: 'Onbekend adres: GET /api/v1/bestaat-niet' });
    const bad = await api.fetch('/api/v1/actions/2.1/milestones', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ dueDate: 'ooit' }),
    });
    const { errors } = (await bad.json()) as { errors: { field: string; message: string }[] };
    expect(errors.map((e) => e.field).sort()).toEqual(['dueDate', 'title']);
    for (const { message } of errors) expect(message).not.toMatch(/Invalid|expected|received|Too (small|big)/);
    const login = await fetch(`${platform.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(((await login.json()) as { errors: { message: string }[] }).errors[0].message).toMatch(/^Ongeldige invoer: verwacht string/);
  });
});
