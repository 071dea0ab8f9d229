import ICAL from 'ical.js';
import type { IncomingMessage, Server } from 'node:http';
import request from 'supertest';
import type { LocalAccounts } from '@regie/nest-kit';
import { apiClient, type ApiClient, TEST_PASSWORD, testDatabase } from '@regie/test-kit';
import { loadConfig } from './config';
import { type RunningPlatform, startPlatform } from './platform';
import { platformForTests } from './testing/platform-for-tests';

/**
 * The portal (the server-rendered backend-for-frontend) against the real platform in one process:
 * sessions, post/redirect/get, the services' refusals on the forms, CSRF and double submits.
 * What a form did is checked through the API and the audit trail, as a user or auditor sees it.
 */
interface Report {
  rag: string;
  summary: string;
}
interface AuditEvent {
  type: string;
  data: { summary?: string };
  metadata: { actor: unknown };
}

describe('portal (backend-for-frontend) on the real platform', () => {
  let db: Awaited<ReturnType<typeof testDatabase>>;
  let platform: RunningPlatform;
  let api: ApiClient;
  let http: ReturnType<typeof request.agent>;

  beforeAll(async () => {
    ({ db, platform } = await platformForTests('portal_http', '2026-12-08T09:30:00Z'));
    api = apiClient(platform.url);
  });
  afterAll(async () => {
    await platform.close();
    await db.drop();
  });
  beforeEach(() => {
    http = request.agent(platform.url); // a browser: keeps its cookies
  });

  const post = (path: string, body: object, origin = platform.url) => http.post(path).set('Origin', origin).type('form').send(body);
  const login = (username = 'actiehouder-2.1', password = TEST_PASSWORD) => post('/inloggen', { username, password, terug: '/acties/2.1' });
  const reports = async (code: string): Promise<Report[]> =>
    ((await (await api.fetch(`/api/v1/actions/${code}`)).json()) as { progressReports: Report[] }).progressReports;
  const recorded = async (summary: string) => (await reports('2.1')).filter((r) => r.summary === summary);
  const audited = async (summary: string) => {
    const { events } = (await (await api.fetch('/api/v1/audit/streams/action-2.1', {}, 'auditor')).json()) as { events: AuditEvent[] };
    return events.filter((e) => e.type === 'ProgressReported' && e.data.summary === summary);
  };
  const cookies = (res: request.Response) => String(res.headers['set-cookie'] ?? '');

  it('sends a visitor without a session to the login page, and back after logging in, with a cookie no script or other site gets', async () => {
    const page = await http.get('/acties/2.1');
    expect(page.status).toBe(303);
    expect(page.headers.location).toBe('/inloggen?terug=%2Facties%2F2.1');
    const loggedIn = await login();
    expect(loggedIn.status).toBe(303);
    expect(loggedIn.headers.location).toBe('/acties/2.1');
    const cookie = cookies(loggedIn);
    expect(cookie).toMatch(/regie_sessie=[^;]+;/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const action = await http.get('/acties/2.1');
    expect(action.status).toBe(200);
    expect(action.text).toContain('Ingelogd als <strong>Actiehouder actie 2.1</strong>');
    expect(action.text).toContain('Voortgang rapporteren'); // the form of one's own action
  });

  it('answers a browser at an unknown address with a Dutch page, and a script or an unknown API address with problem+json', async () => {
    const browser = await request(platform.url).get('/bestaat-niet').set('Accept', 'text/html,application/xhtml+xml,*/*;q=0.8');
    expect(browser.status).toBe(404);
    expect(browser.headers['content-type']).toMatch(/^text\/html/);
    expect(browser.text).toContain('Deze pagina bestaat niet.');
    const script = await request(platform.url).get('/bestaat-niet');
    expect(script.status).toBe(404);
    expect(script.headers['content-type']).toMatch(/^application\/problem\+json/);
    const api = await request(platform.url).get('/api/v1/bestaat-niet').set('Accept', 'text/html');
    expect(api.status).toBe(404);
    expect(api.body).toMatchObject({ status: 404, title: 'Niet gevonden' });
  });

  it('says in Dutch, without an id, that a screen at a peildatum before its werkagenda was recorded has nothing yet', async () => {
    await login('auditor');
    for (const path of ['/werkagenda', '/mijlpalen', '/acties/2.1']) {
      const page = await http.get(`${path}?peildatum=2001-06-01T12:00`);
      expect(page.status).toBe(404);
      expect(page.text).toContain('Op 1 juni 2001 om 12:00 was dit nog niet in Regie vastgelegd. Kies een latere peildatum.');
      expect(page.text).not.toMatch(/betekenisvol-leven|bestaat niet/);
    }
  });

  it('shows an auditor one event on its own page, says in Dutch when a position holds none, and shows others none', async () => {
    const { events } = (await (await api.fetch('/api/v1/audit/streams/action-2.1', {}, 'auditor')).json()) as {
      events: (AuditEvent & { position: number })[];
    };
    const defined = events.find((e) => e.type === 'ActionDefined')!;
    await login('auditor');
    const timeline = await http.get('/audit');
    expect(timeline.text).toMatch(/href="\/audit\/gebeurtenissen\/\d+" aria-label="Gebeurtenis bekijken: /);
    expect(timeline.text).not.toContain('regie-json'); // the records are on the events' pages
    const page = await http.get(`/audit/gebeurtenissen/${defined.position}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(`Gebeurtenis ${defined.position.toLocaleString('nl-NL')}`);
    expect(page.text).toContain('<h1 class="nl-heading nl-heading--level-1">Actie vastgelegd</h1>');
    expect(page.text).toContain('href="/audit/stromen/action-2.1"');
    expect(page.text).toContain('&quot;type&quot;: &quot;ActionDefined&quot;');
    for (const none of ['999999999', '0', 'abc', '1e3']) {
      const missing = await http.get(`/audit/gebeurtenissen/${none}`);
      expect(missing.status).toBe(404);
      expect(missing.text).toContain(`Er is geen gebeurtenis op positie ${none}.`);
    }
    http = request.agent(platform.url);
    await login('actiehouder-2.1');
    const refused = await http.get(`/audit/gebeurtenissen/${defined.position}`);
    expect(refused.status).toBe(403);
    expect(refused.text).not.toContain('ActionDefined');
  });

  it('says so in Dutch when the password is wrong, and starts no session', async () => {
    const res = await login('actiehouder-2.1', 'fout-wachtwoord');
    expect(res.status).toBe(401);
    expect(res.text).toContain('De combinatie van gebruikersnaam en wachtwoord is onjuist.');
    expect(res.headers['set-cookie']).toBeUndefined();
    expect((await http.get('/werkagenda')).status).toBe(303);
  });

  it('clears a session whose token the services refuse (forged or expired) and asks to log in again', async () => {
    const accounts = platform.adapters.localAccounts as LocalAccounts;
    const expired = (await accounts.issue('actiehouder-2.1', -60)).accessToken; // signed with the platform's key, a minute past expiry
    for (const token of ['vervalst', expired]) {
      const res = await request(platform.url).get('/werkagenda').set('Cookie', `regie_sessie=${token}`);
      expect(res.status).toBe(303);
      expect(res.headers.location).toBe('/inloggen?terug=%2Fwerkagenda&verlopen=1');
      expect(cookies(res)).toMatch(/regie_sessie=;/);
    }
    expect((await http.get('/inloggen?terug=%2Fwerkagenda&verlopen=1')).text).toContain('Uw sessie is verlopen. Log opnieuw in.');
  });

  it('records a form through the API as the logged-in user, then redirects with a message shown once', async () => {
    await login();
    const res = await post('/acties/2.1/voortgang', { rag: 'oranje', summary: '  Voorbeeld: pilots lopen uit  ' });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/acties/2.1#bevestiging');
    expect(await recorded('Voorbeeld: pilots lopen uit')).toEqual([expect.objectContaining({ rag: 'oranje' })]);
    expect((await audited('Voorbeeld: pilots lopen uit')).map((e) => e.metadata.actor)).toEqual([
      { userId: 'actiehouder-2.1', role: 'actiehouder' },
    ]);
    const next = await http.get('/acties/2.1');
    expect(next.text).toContain('Uw voortgangsrapportage is opgeslagen.');
    expect(next.text).toContain('Voorbeeld: pilots lopen uit');
    expect((await http.get('/acties/2.1')).text).not.toContain('Uw voortgangsrapportage is opgeslagen.');
  });

  it("reaches the API of its own process in the process: a page is the browser's one request over HTTP", async () => {
    await login();
    const server = platform.app.getHttpServer() as Server;
    const overHttp: string[] = [];
    const seen = (req: IncomingMessage) => overHttp.push(`${req.method} ${req.url}`);
    server.on('request', seen);
    try {
      const page = await http.get('/acties/2.1');
      expect(page.status).toBe(200);
      expect(page.text).toContain('Ingelogd als <strong>Actiehouder actie 2.1</strong>'); // the API's /auth/me, under the user's token
      const posted = await post('/acties/2.1/voortgang', { rag: 'groen', summary: 'Voorbeeld: zonder omweg' });
      expect(posted.status).toBe(303);
    } finally {
      server.off('request', seen);
    }
    expect(overHttp).toEqual(['GET /acties/2.1', 'POST /acties/2.1/voortgang']);
    expect((await audited('Voorbeeld: zonder omweg')).map((e) => e.metadata.actor)).toEqual([
      { userId: 'actiehouder-2.1', role: 'actiehouder' },
    ]);
  });

  it('works the same as a process of its own that calls the API over HTTP (REGIE_API_URL, the distributed shape)', async () => {
    // The portal reads REGIE_API_URL from the environment, as a portal process of the distributed shape is given it.
    process.env.REGIE_API_URL = platform.url;
    const portal = await startPlatform(
      loadConfig({
        DATABASE_URL: db.url,
        PORT: '0',
        REGIE_LOG_LEVEL: 'error',
        REGIE_SERVICES: 'portal',
        REGIE_API_URL: platform.url,
        REGIE_LOCAL_PASSWORD: TEST_PASSWORD,
      }),
      () => undefined,
    ).finally(() => delete process.env.REGIE_API_URL);
    const server = platform.app.getHttpServer() as Server;
    const reachedApi: string[] = [];
    const seen = (req: IncomingMessage) => reachedApi.push(`${req.method} ${req.url?.split('?')[0]}`);
    server.on('request', seen);
    try {
      const browser = request.agent(portal.url);
      const loggedIn = await browser
        .post('/inloggen')
        .set('Origin', portal.url)
        .type('form')
        .send({ username: 'actiehouder-2.1', password: TEST_PASSWORD, terug: '/acties/2.1' });
      expect(loggedIn.headers.location).toBe('/acties/2.1');
      const page = await browser.get('/acties/2.1');
      expect(page.status).toBe(200);
      expect(page.text).toContain('Ingelogd als <strong>Actiehouder actie 2.1</strong>');
      const posted = await browser
        .post('/acties/2.1/voortgang')
        .set('Origin', portal.url)
        .type('form')
        .send({ rag: 'oranje', summary: 'Voorbeeld: via het netwerk' });
      expect(posted.headers.location).toBe('/acties/2.1#bevestiging');
      const refused = await browser
        .post('/acties/1.1/voortgang')
        .set('Origin', portal.url)
        .type('form')
        .send({ rag: 'groen', summary: 'Voorbeeld: niet de mijne' });
      expect(refused.status).toBe(403);
      expect(refused.text).toContain('U heeft geen rechten voor deze handeling.');
    } finally {
      server.off('request', seen);
      await portal.close();
    }
    expect(reachedApi).toEqual(
      expect.arrayContaining(['POST /api/v1/auth/login', 'GET /api/v1/actions/2.1', 'POST /api/v1/actions/2.1/progress-reports']),
    );
    expect((await audited('Voorbeeld: via het netwerk')).map((e) => e.metadata.actor)).toEqual([
      { userId: 'actiehouder-2.1', role: 'actiehouder' },
    ]);
  });

  it("shows the service's validation problem next to the field it names, and records nothing", async () => {
    await login();
    const before = (await reports('2.1')).length;
    const invalid = await post('/acties/2.1/voortgang', { rag: 'rood', summary: '   ' });
    expect(invalid.status).toBe(400);
    expect(invalid.text).toMatch(/id="voortgang-form-summary-fout"[^>]*>[\s\S]*?mag niet leeg zijn/);
    expect(invalid.text).toContain('Niet alle velden zijn goed ingevuld.');
    expect((await reports('2.1')).length).toBe(before);
  });

  it("shows the service's 403 as the Dutch no-rights message when writing on someone else's action", async () => {
    await login();
    const refused = await post('/acties/1.1/voortgang', { rag: 'groen', summary: 'Voorbeeld: niet mijn actie' });
    expect(refused.status).toBe(403);
    expect(refused.text).toContain('U heeft geen rechten voor deze handeling.');
    expect((await reports('1.1')).map((r) => r.summary)).not.toContain('Voorbeeld: niet mijn actie');
  });

  it('refuses a form or a login posted from another site', async () => {
    await login();
    const res = await post('/acties/2.1/voortgang', { rag: 'rood', summary: 'Voorbeeld: van elders' }, 'https://evil.example');
    expect(res.status).toBe(403);
    expect(res.text).toContain('Dit formulier kwam niet van deze website');
    expect(await recorded('Voorbeeld: van elders')).toEqual([]);
    const foreignLogin = await post('/inloggen', { username: 'coordinator', password: TEST_PASSWORD }, 'https://evil.example');
    expect(foreignLogin.status).toBe(403);
    expect(foreignLogin.headers['set-cookie']).toBeUndefined();
  });

  it('records a form submitted twice with the same key (a double click, a resend) once', async () => {
    await login();
    const form = { rag: 'groen', summary: 'Voorbeeld: dubbel verstuurd', _sleutel: 'sleutel-dubbel-1' };
    const clicks = await Promise.all([post('/acties/2.1/voortgang', form), post('/acties/2.1/voortgang', form)]);
    expect(clicks.map((r) => r.headers.location)).toContain('/acties/2.1#bevestiging');
    const resent = await post('/acties/2.1/voortgang', form);
    expect(resent.status).toBe(303);
    expect(await recorded('Voorbeeld: dubbel verstuurd')).toHaveLength(1);
    expect(await audited('Voorbeeld: dubbel verstuurd')).toHaveLength(1);
    const other = await post('/acties/2.1/voortgang', { ...form, _sleutel: 'sleutel-dubbel-2' }); // a new form on the page: a new key
    expect(other.status).toBe(303);
    expect(await recorded('Voorbeeld: dubbel verstuurd')).toHaveLength(2);
  });

  it('makes a personal calendar address on the overleggen page that a calendar reads without logging in, until it is revoked', async () => {
    await login('director');
    const page = await http.get('/overleggen');
    expect(page.text).toContain('Overleggen in uw agenda (abonnement)');
    expect(page.text).toContain('U hebt nog geen actief agenda-adres.');
    const made = await post('/overleggen/agenda-abonnement', {});
    expect(made.status).toBe(303);
    expect(made.headers.location).toBe('/overleggen#bevestiging');
    const shown = (await http.get('/overleggen')).text;
    const address = /Uw persoonlijke agenda-adres: (http\S+\.ics)/.exec(shown)?.[1];
    expect(address).toMatch(new RegExp(`^${platform.url}/api/v1/calendar-feeds/`));
    expect(shown).toContain('Uw actieve agenda-adressen');

    const subscribed = await fetch(address!); // a calendar program: no cookie, no bearer token
    expect(subscribed.status).toBe(200);
    const vevents = new ICAL.Component(ICAL.parse(await subscribed.text())).getAllSubcomponents('vevent');
    expect(vevents.length).toBeGreaterThan(0);
    expect(String(vevents[0].getFirstPropertyValue('url'))).toMatch(new RegExp(`^${platform.url}/overleggen/`));
    expect((await http.get('/overleggen')).text).not.toContain(address!); // shown once

    const revoke = /action="(\/overleggen\/agenda-abonnement\/[\w-]+\/intrekken)#/.exec(shown)?.[1];
    const revoked = await post(revoke!, {});
    expect(revoked.status).toBe(303);
    expect((await http.get('/overleggen')).text).toContain('Het agenda-adres is ingetrokken: het werkt niet meer.');
    expect((await fetch(address!)).status).toBe(404);
  });

  it('logs out by clearing the session cookie', async () => {
    await login();
    const res = await post('/uitloggen', {});
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/inloggen?uitgelogd=1');
    expect(cookies(res)).toMatch(/regie_sessie=;/);
    expect((await http.get('/werkagenda')).status).toBe(303);
  });
});
