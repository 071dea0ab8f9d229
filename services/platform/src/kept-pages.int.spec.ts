import { Client } from 'pg';
import request from 'supertest';
import type { LocalAccounts } from '@regie/nest-kit';
import { apiClient, type ApiClient, TEST_PASSWORD, testDatabase } from '@regie/test-kit';
import type { RunningPlatform } from './platform';
import { platformForTests } from './testing/platform-for-tests';

/**
 * The portal's kept pages (services/portal/src/http/kept-pages.ts) on the real platform: a page
 * opened again while nothing changed is not made again, and whatever changes (a report through
 * the API, a form, a logout, an account disabled in the database) shows at the next page.
 * Whether a page was made is read where an operator reads it: /metrics counts the session checks
 * (`GET /api/v1/auth/me`) the portal's pages make in the process.
 */
describe('kept portal pages on the real platform', () => {
  let db: Awaited<ReturnType<typeof testDatabase>>;
  let platform: RunningPlatform;
  let api: ApiClient;

  beforeAll(async () => {
    ({ db, platform } = await platformForTests('kept_pages', '2026-12-08T09:30:00Z'));
    api = apiClient(platform.url);
  });
  afterAll(async () => {
    await platform.close();
    await db.drop();
  });

  const browser = async (username: string) => {
    const agent = request.agent(platform.url);
    const res = await agent.post('/inloggen').set('Origin', platform.url).type('form').send({ username, password: TEST_PASSWORD });
    expect(res.status).toBe(303);
    const token = /regie_sessie=([^;]+)/.exec(String(res.headers['set-cookie']))?.[1];
    return { agent, token: token! };
  };
  const sessionChecks = async (): Promise<number> => {
    const metrics = await (await fetch(`${platform.url}/metrics`)).text();
    const line = /regie_http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/auth\/me",status="200"\} (\d+)/.exec(metrics);
    return Number(line?.[1] ?? 0);
  };
  const formKeys = (html: string) => [...html.matchAll(/name="_sleutel" value="([0-9a-f-]{36})"/g)].map((m) => m[1]);
  const withoutKeys = (html: string) => html.replace(/name="_sleutel" value="[0-9a-f-]{36}"/g, 'name="_sleutel"');

  /**
   * The page opened `1 + kept` times in a row, until all but the first were kept (a kept page lives
   * a second, and the platform's own background work, a scheduled job or a consumer's
   * bookkeeping, lets it go too). The made page first, then the kept ones.
   */
  const opened = async (agent: request.Agent, path: string, kept = 1) => {
    for (let attempt = 0; attempt < 10; attempt++) {
      const made = await agent.get(path);
      const checks = await sessionChecks();
      const pages = [made];
      for (let i = 0; i < kept; i++) pages.push(await agent.get(path));
      if ((await sessionChecks()) === checks) return pages;
    }
    throw new Error(`${path} was made again every time`);
  };

  it('serves a page opened again while nothing changed without making it, to its own session only, with new form keys', async () => {
    const { agent } = await browser('actiehouder-2.1');
    const [first, second] = await opened(agent, '/acties/2.1');
    expect(second.status).toBe(200);
    expect(second.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(second.headers['cache-control']).toBe('no-store');
    expect(second.headers['content-security-policy']).toBeDefined(); // the process's security headers, as on a made page
    expect(withoutKeys(second.text)).toBe(withoutKeys(first.text));
    const [keysBefore, keysAfter] = [formKeys(first.text), formKeys(second.text)];
    expect(keysAfter.length).toBeGreaterThan(0);
    expect(keysAfter).toHaveLength(keysBefore.length);
    expect(keysAfter.filter((key) => keysBefore.includes(key))).toEqual([]);
    expect(new Set(keysAfter).size).toBe(keysAfter.length);

    const coordinator = await browser('coordinator'); // another session on the same address: its own page
    const theirs = await coordinator.agent.get('/acties/2.1');
    expect(theirs.status).toBe(200);
    expect(theirs.text).not.toContain('Ingelogd als <strong>Actiehouder actie 2.1</strong>');
    expect(withoutKeys(theirs.text)).not.toBe(withoutKeys(first.text));
  });

  it('makes a page once for ten requests of one session at once, and serves it to all ten', async () => {
    const { agent } = await browser('actiehouder-2.1');
    for (let attempt = 0; attempt < 10; attempt++) {
      // A report from elsewhere: the action's kept answer and every kept page go, so the page is made
      // again, reading the database (its requests wait on PostgreSQL side by side).
      const report = { rag: 'groen', summary: `Voorbeeld: tien tabbladen ${attempt}` };
      const recorded = await api.fetch(
        '/api/v1/actions/2.1/progress-reports',
        { method: 'POST', body: JSON.stringify(report), headers: { 'content-type': 'application/json' } },
        'actiehouder-2.1',
      );
      expect(recorded.status).toBe(201);
      const checks = await sessionChecks();
      const pages = await Promise.all(Array.from({ length: 10 }, () => agent.get('/acties/2.1')));
      expect(pages.map((p) => p.status)).toEqual(Array(10).fill(200));
      expect(new Set(pages.map((p) => withoutKeys(p.text))).size).toBe(1);
      expect(pages[0].text).toContain(report.summary);
      if ((await sessionChecks()) === checks + 1) return; // else the platform's own work let the page go meanwhile: again
    }
    throw new Error('/acties/2.1 was made more than once every time');
  });

  it('records both reports of two tabs opened on one kept page', async () => {
    const { agent } = await browser('actiehouder-2.1');
    const [, first, second] = await opened(agent, '/acties/2.1', 2);
    const keyOf = (html: string) =>
      /<form[^>]*action="\/acties\/2\.1\/voortgang[^"]*"[\s\S]*?name="_sleutel" value="([0-9a-f-]{36})"/.exec(html)?.[1];
    for (const [tab, summary] of [
      [first.text, 'Voorbeeld: eerste tabblad'],
      [second.text, 'Voorbeeld: tweede tabblad'],
    ]) {
      const posted = await agent
        .post('/acties/2.1/voortgang')
        .set('Origin', platform.url)
        .type('form')
        .send({ rag: 'groen', summary, _sleutel: keyOf(tab) });
      expect(posted.status).toBe(303);
    }
    const { progressReports } = (await (await api.fetch('/api/v1/actions/2.1')).json()) as { progressReports: { summary: string }[] };
    expect(progressReports.map((r) => r.summary)).toEqual(
      expect.arrayContaining(['Voorbeeld: eerste tabblad', 'Voorbeeld: tweede tabblad']),
    );
  });

  it('shows at the next page a report recorded through the API, and a form recorded through the portal', async () => {
    const { agent } = await browser('actiehouder-2.1');
    await opened(agent, '/acties/2.1');
    const recorded = await api.fetch(
      '/api/v1/actions/2.1/progress-reports',
      {
        method: 'POST',
        body: JSON.stringify({ rag: 'oranje', summary: 'Voorbeeld: via de API' }),
        headers: { 'content-type': 'application/json' },
      },
      'actiehouder-2.1',
    );
    expect(recorded.status).toBe(201);
    expect((await agent.get('/acties/2.1')).text).toContain('Voorbeeld: via de API');

    await opened(agent, '/werkagenda');
    const raised = await agent
      .post('/acties/2.1/knelpunten')
      .set('Origin', platform.url)
      .type('form')
      .send({ description: 'Voorbeeld: knelpunt op een bewaarde pagina' });
    expect(raised.status).toBe(303);
    await agent.get('/acties/2.1'); // the confirmation, once
    expect((await agent.get('/acties/2.1')).text).toContain('Voorbeeld: knelpunt op een bewaarde pagina');
  });

  it('refuses a kept page to a session logged out, and to an account disabled in the database by another process', async () => {
    const { agent, token } = await browser('actiehouder-2.1');
    await opened(agent, '/acties/2.1');
    expect((await agent.post('/uitloggen').set('Origin', platform.url).type('form').send({})).status).toBe(303);
    const replayed = await request(platform.url).get('/acties/2.1').set('Cookie', `regie_sessie=${token}`); // the old cookie, kept by a copy of the browser
    expect(replayed.status).toBe(303);
    expect(replayed.headers.location).toMatch(/^\/inloggen/);

    const director = await browser('director');
    await opened(director.agent, '/');
    const database = new Client({ connectionString: db.url }); // a connection of its own, as another process's would be
    await database.connect();
    await database.query(`UPDATE auth.accounts SET disabled = true WHERE username = 'director'`);
    try {
      await (platform.adapters.localAccounts as LocalAccounts).settled(); // this process has heard the change
      const refused = await director.agent.get('/');
      expect(refused.status).toBe(303);
      expect(refused.headers.location).toMatch(/^\/inloggen/);
    } finally {
      await database.query(`UPDATE auth.accounts SET disabled = false WHERE username = 'director'`);
      await database.end();
    }
  });
});
