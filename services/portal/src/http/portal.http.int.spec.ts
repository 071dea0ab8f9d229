import { Global, type INestApplication, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { Clock, ManualClock } from '@regie/es-core';
import { PortalModule } from '../portal.module';

/**
 * The portal as a backend-for-frontend, against a stand-in for the public API that behaves as
 * API.md says (login, /auth/me, 401/403/400 problems): sessions, post/redirect/get, refusals.
 * The real services are exercised by the browser journeys (e2e/src/portal.e2e.spec.ts).
 */
interface Call { method: string; url: string; auth?: string; body: unknown; idempotencyKey?: string }

const me = { username: 'actiehouder-2.1', name: 'Actiehouder 2.1', roles: ['actiehouder'], actionCodes: ['2.1'] };
const action = { code: '2.1', actionLine: 2, title: 'Betere aansluiting', actionHolder: { parties: [], description: '' }, rag: null, startActivities: [], milestones: [], progressReports: [], knelpunten: [], revision: 0 };
const werkagenda = { id: 'w', title: 'Werkagenda', period: { from: '2025-01-01', to: '2028-12-31' }, parties: [], actionLines: [{ number: 2, title: 'Zorg' }] };
const problem = (res: ServerResponse, status: number, body: object) => res.writeHead(status, { 'content-type': 'application/problem+json' }).end(JSON.stringify({ status, ...body }));

function stubApi(calls: Call[]): Server {
  return createServer((req: IncomingMessage, res: ServerResponse) => {
    let text = '';
    req.on('data', (c) => (text += c)).on('end', () => {
      const call = { method: req.method ?? '', url: req.url ?? '', auth: req.headers.authorization, body: text ? JSON.parse(text) : undefined, idempotencyKey: req.headers['idempotency-key'] as string | undefined };
      calls.push(call);
      const json = (body: unknown, status = 200) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      if (call.url === '/api/v1/auth/login') {
        const { username, password } = call.body as { username: string; password: string };
        return password === 'goed' ? json({ accessToken: `token-${username}`, tokenType: 'Bearer', expiresIn: 3600, roles: ['actiehouder'] }) : problem(res, 401, { title: 'Niet ingelogd' });
      }
      if (call.auth !== 'Bearer token-actiehouder-2.1') return problem(res, 401, { title: 'Niet ingelogd', detail: 'token verlopen' });
      if (call.url === '/api/v1/auth/me') return json(me);
      if (call.url === '/api/v1/actions/2.1' || call.url === '/api/v1/actions/1.1') return json({ ...action, code: call.url.slice(-3) });
      if (call.url === '/api/v1/werkagenda') return json(werkagenda);
      if (call.url === '/api/v1/actions/1.1/progress-reports') return problem(res, 403, { title: 'Geen toegang' });
      if (call.url === '/api/v1/actions/2.1/progress-reports') {
        const body = call.body as { summary?: string };
        if (!body.summary) return problem(res, 400, { title: 'Ongeldige invoer', errors: [{ field: 'summary', message: 'mag niet leeg zijn' }] });
        return json({ id: 'r1' }, 201);
      }
      problem(res, 404, { title: 'Niet gevonden' });
    });
  });
}

@Global()
@Module({ providers: [{ provide: Clock, useValue: new ManualClock(new Date('2026-12-08T09:30:00Z')) }], exports: [Clock] })
class TestClockModule {}

describe('portal (backend-for-frontend) over HTTP', () => {
  let app: INestApplication;
  let api: Server;
  let http: ReturnType<typeof request.agent>;
  const calls: Call[] = [];
  const ORIGIN = 'http://portal.test';

  beforeAll(async () => {
    api = stubApi(calls).listen(0, '127.0.0.1');
    await new Promise((resolve) => api.once('listening', resolve));
    process.env.REGIE_API_URL = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
    const moduleRef = await Test.createTestingModule({ imports: [TestClockModule, PortalModule] }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.init();
  });

  afterAll(async () => {
    delete process.env.REGIE_API_URL;
    await app.close();
    await new Promise((resolve) => api.close(resolve));
  });

  beforeEach(() => {
    calls.length = 0;
    http = request.agent(app.getHttpServer());
  });

  const login = () => http.post('/inloggen').set('Origin', ORIGIN).set('Host', 'portal.test').type('form').send({ username: 'actiehouder-2.1', password: 'goed', terug: '/acties/2.1' });

  it('sends a visitor without a session to the login page, and back after logging in', async () => {
    const page = await http.get('/acties/2.1');
    expect(page.status).toBe(303);
    expect(page.headers.location).toBe('/inloggen?terug=%2Facties%2F2.1');
    const loggedIn = await login();
    expect(loggedIn.status).toBe(303);
    expect(loggedIn.headers.location).toBe('/acties/2.1');
    const cookie = String(loggedIn.headers['set-cookie']);
    expect(cookie).toMatch(/regie_sessie=token-actiehouder-2\.1;/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const action = await http.get('/acties/2.1');
    expect(action.status).toBe(200);
    expect(action.text).toContain('Ingelogd als <strong>Actiehouder 2.1</strong>');
    expect(calls.find((c) => c.url === '/api/v1/actions/2.1')?.auth).toBe('Bearer token-actiehouder-2.1');
  });

  it('says so in Dutch when the password is wrong', async () => {
    const res = await http.post('/inloggen').set('Origin', ORIGIN).set('Host', 'portal.test').type('form').send({ username: 'actiehouder-2.1', password: 'fout' });
    expect(res.status).toBe(401);
    expect(res.text).toContain('De combinatie van gebruikersnaam en wachtwoord is onjuist.');
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('clears an expired session and asks to log in again', async () => {
    const res = await http.get('/werkagenda').set('Cookie', 'regie_sessie=verlopen');
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/inloggen?terug=%2Fwerkagenda&verlopen=1');
    expect(String(res.headers['set-cookie'])).toMatch(/regie_sessie=;/);
  });

  it('posts a form through the API with the user token and an Idempotency-Key, then redirects with a message', async () => {
    await login();
    const res = await http.post('/acties/2.1/voortgang').set('Origin', ORIGIN).set('Host', 'portal.test').type('form').send({ rag: 'oranje', summary: ' Loopt uit ', _sleutel: 'sleutel-12345678' });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/acties/2.1#voortgang');
    expect(calls.at(-1)).toMatchObject({ method: 'POST', url: '/api/v1/actions/2.1/progress-reports', auth: 'Bearer token-actiehouder-2.1', body: { rag: 'oranje', summary: 'Loopt uit' }, idempotencyKey: 'sleutel-12345678' });
    const next = await http.get('/acties/2.1');
    expect(next.text).toContain('Uw voortgangsrapportage is opgeslagen.');
    expect((await http.get('/acties/2.1')).text).not.toContain('Uw voortgangsrapportage is opgeslagen.'); // once
  });

  it("shows the service's validation problem next to the field, and its 403 as the Dutch no-rights message", async () => {
    await login();
    const invalid = await http.post('/acties/2.1/voortgang').set('Origin', ORIGIN).set('Host', 'portal.test').type('form').send({ rag: 'oranje', summary: '' });
    expect(invalid.status).toBe(400);
    expect(invalid.text).toContain('id="voortgang-form-summary-fout"');
    expect(invalid.text).toContain('mag niet leeg zijn');
    const refused = await http.post('/acties/1.1/voortgang').set('Origin', ORIGIN).set('Host', 'portal.test').type('form').send({ rag: 'groen', summary: 'Niet mijn actie' });
    expect(refused.status).toBe(403);
    expect(refused.text).toContain('U heeft geen rechten voor deze handeling.');
  });

  it('refuses a form post from another site before calling the API', async () => {
    await login();
    calls.length = 0;
    const res = await http.post('/acties/2.1/voortgang').set('Origin', 'https://evil.example').set('Host', 'portal.test').type('form').send({ rag: 'rood', summary: 'x' });
    expect(res.status).toBe(403);
    expect(res.text).toContain('Dit formulier kwam niet van deze website');
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
  });

  it('logs out by clearing the session cookie', async () => {
    await login();
    const res = await http.post('/uitloggen').set('Origin', ORIGIN).set('Host', 'portal.test');
    expect(res.status).toBe(303);
    expect(String(res.headers['set-cookie'])).toMatch(/regie_sessie=;/);
    expect((await http.get('/werkagenda')).status).toBe(303);
  });
});
