import { gzipSync } from 'node:zlib';
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

  it('sends security headers on every kind of answer, and no X-Powered-By', async () => {
    const [meeting] = (await (await api.fetch('/api/v1/meetings')).json()) as { id: string }[];
    const answers = {
      api: await api.fetch('/api/v1/actions'),
      refusal: await fetch(`${platform.url}/api/v1/actions`),
      health: await fetch(`${platform.url}/health`),
      docs: await fetch(`${platform.url}/api/docs/`),
      agenda: await api.fetch(`/api/v1/meetings/${meeting.id}/agenda.html`),
      portal: await fetch(`${platform.url}/inloggen`),
    };
    for (const [name, res] of Object.entries(answers)) {
      const csp = res.headers.get('content-security-policy') ?? '';
      expect([name, csp]).toEqual([name, expect.stringContaining("frame-ancestors 'none'")]);
      expect([name, csp]).toEqual([name, expect.stringMatching(/script-src '(none|self)'/)]);
      expect([name, res.headers.get('x-content-type-options'), res.headers.get('x-frame-options')]).toEqual([name, 'nosniff', 'DENY']);
      expect([name, res.headers.get('referrer-policy')]).toEqual([name, 'same-origin']);
      expect([name, res.headers.get('x-powered-by')]).toEqual([name, null]);
    }
    expect(answers.portal.headers.get('content-security-policy')).toContain("script-src 'none'");
  });

  it('sends no HSTS when X-Forwarded-Proto says https but no proxy is trusted (REGIE_TRUST_PROXY unset)', async () => {
    const res = await api.fetch('/api/v1/actions', { headers: { 'x-forwarded-proto': 'https' } });
    expect(res.headers.get('strict-transport-security')).toBeNull();
  });

  it('refuses an oversized, undecodable or non-JSON body with 413, 400 or 415 in Dutch, never 500', async () => {
    const post = (body: BodyInit, headers: Record<string, string>) =>
      api.fetch('/api/v1/actions/2.1/milestones', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    const answers = [
      [413, await post(JSON.stringify({ title: 'x'.repeat(300 * 1024), dueDate: '2026-06-01' }), {})],
      [413, await post(gzipSync(JSON.stringify({ title: '0'.repeat(30 * 1024 * 1024) })), { 'content-encoding': 'gzip' })],
      [400, await post('{"title":"x"}', { 'content-encoding': 'gzip' })],
      [415, await post('{"title":"x"}', { 'content-encoding': 'compress' })],
      [415, await post('{"title":"x"}', { 'content-type': 'text/plain' })],
      [415, await post('{"title":"x"}', { 'content-type': 'application/json; charset=ebcdic' })],
    ] as const;
    for (const [status, res] of answers) {
      expect(res.status).toBe(status);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(((await res.json()) as { detail: string }).detail).toMatch(/^(De body|Content-|De tekenset)/);
    }
  });

  it('refuses NUL and lone surrogates naming the field, also in a sealed personal field', async () => {
    const refusal = async (path: string, method: string, body: string) => {
      const res = await api.fetch(path, { method, headers: { 'content-type': 'application/json' }, body });
      expect(res.status).toBe(400);
      return ((await res.json()) as { errors: { field: string; message: string }[] }).errors;
    };
    expect(await refusal('/api/v1/actions/2.1/progress-reports', 'POST', '{"rag":"groen","summary":"klaar\\u0000"}')).toEqual([
      { field: 'summary', message: expect.stringContaining('NUL-teken') },
    ]);
    expect(
      await refusal('/api/v1/actions/2.1/action-holder', 'PUT', '{"parties":["VWS"],"description":"x","person":"A. \\ud800"}'),
    ).toEqual([{ field: 'person', message: expect.stringContaining('surrogaat') }]);
  });

  it('takes a Tweede Kamer export beyond the default limit, only on the import route', async () => {
    const body = JSON.stringify({ value: Array.from({ length: 400 }, (_, i) => ({ Id: `geen-guid-${i}`, Tekst: 'x'.repeat(1000) })) });
    const res = await api.fetch('/api/v1/commitments/import/tweede-kamer', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect(body.length).toBeGreaterThan(256 * 1024);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { rejected: unknown[] }).rejected).toHaveLength(400);
  });

  it('shows a browser a Dutch page, not JSON or a 5xx, for a form too large for the portal', async () => {
    const res = await fetch(`${platform.url}/inloggen`, {
      method: 'POST',
      headers: { accept: 'text/html', origin: platform.url, 'content-type': 'application/x-www-form-urlencoded' },
      body: `username=${'a'.repeat(300 * 1024)}&password=x`,
    });
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await res.text()).toContain('De body is te groot');
  });
});
