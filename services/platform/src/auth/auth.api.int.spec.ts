import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { apiClient, type ApiClient, TEST_PASSWORD, testDatabase } from '@regie/test-kit';
import { loadConfig } from '../config';
import { startPlatform, type RunningPlatform } from '../platform';
import { platformForTests } from '../testing/platform-for-tests';

const json = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

/**
 * Login and rights, enforced by the services themselves: every API write is refused without a
 * token (401) and with a token of the wrong role (403), and every write records its actor.
 */
describe('auth: local accounts and rights', () => {
  let db: Awaited<ReturnType<typeof testDatabase>>;
  let platform: RunningPlatform;
  let api: ApiClient;

  beforeAll(async () => {
    ({ db, platform } = await platformForTests('auth_api', '2026-03-15T09:00:00Z'));
    api = apiClient(platform.url);
  });
  afterAll(async () => {
    await platform.close();
    await db.drop();
  });

  it('logs in a local account and says who it is', async () => {
    const res = await fetch(`${platform.url}/api/v1/auth/login`, json({ username: 'actiehouder-2.1', password: TEST_PASSWORD }));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { accessToken: string; tokenType: string; expiresIn: number; roles: string[] };
    expect(body).toMatchObject({ tokenType: 'Bearer', roles: ['actiehouder'] });
    expect(body.expiresIn).toBeGreaterThan(0);
    const me = await fetch(`${platform.url}/api/v1/auth/me`, { headers: { authorization: `Bearer ${body.accessToken}` } });
    expect(await me.json()).toMatchObject({ username: 'actiehouder-2.1', roles: ['actiehouder'], actionCodes: ['2.1'] });
  });

  it('refuses a wrong password, an unknown account and an actiehouder of an action that does not exist', async () => {
    for (const [username, password] of [
      ['coordinator', 'fout-wachtwoord'],
      ['minister', TEST_PASSWORD],
      ['actiehouder-9.9', TEST_PASSWORD],
    ]) {
      const res = await fetch(`${platform.url}/api/v1/auth/login`, json({ username, password }));
      expect(res.status).toBe(401);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
    const empty = await fetch(`${platform.url}/api/v1/auth/login`, json({ username: '', password: '' }));
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as { errors: { field: string }[] }).errors.map((e) => e.field).sort()).toEqual(['password', 'username']);
  });

  it('needs a token for every API call except health, login and the API docs', async () => {
    expect((await fetch(`${platform.url}/health`)).status).toBe(200);
    expect((await fetch(`${platform.url}/api/docs`)).status).toBe(200);
    const anonymous = await fetch(`${platform.url}/api/v1/actions`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toContain('Bearer');
    const forged = await fetch(`${platform.url}/api/v1/actions`, {
      headers: { authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJjb29yZGluYXRvciIsInJvbGVzIjpbImNvb3JkaW5hdG9yIl19.' },
    });
    expect(forged.status).toBe(401);
    expect((await api.fetch('/api/v1/actions', {}, 'auditor')).status).toBe(200);
  });

  it('lets an actiehouder write on their own action only, and records them as the actor', async () => {
    const own = await api.fetch(
      '/api/v1/actions/2.1/progress-reports',
      json({ rag: 'groen', summary: 'Voorbeeld: op schema' }),
      'actiehouder-2.1',
    );
    expect(own.status).toBe(201);
    const other = await api.fetch(
      '/api/v1/actions/2.2/progress-reports',
      json({ rag: 'groen', summary: 'Voorbeeld: niet mijn actie' }),
      'actiehouder-2.1',
    );
    expect(other.status).toBe(403);
    expect(((await other.json()) as { detail: string }).detail).toBe(
      'Alleen coördinator van deze werkagenda of actiehouder van actie 2.2 mag dit.',
    );
    const { events } = (await (await api.fetch('/api/v1/audit/streams/action-2.1', {}, 'auditor')).json()) as {
      events: { type: string; metadata: { actor: unknown } }[];
    };
    expect(events.find((e) => e.type === 'ProgressReported')?.metadata.actor).toEqual({ userId: 'actiehouder-2.1', role: 'actiehouder' });
    const { events: refused } = (await (await api.fetch('/api/v1/audit/streams/action-2.2', {}, 'auditor')).json()) as {
      events: { type: string }[];
    };
    expect(refused.map((e) => e.type)).not.toContain('ProgressReported');
  });

  it('enforces each role on each kind of write, and the writes of the allowed roles succeed', async () => {
    const [meeting] = (await (await api.fetch('/api/v1/meetings?kind=kerngroep&from=2026-03-15')).json()) as { id: string }[];
    const [indicator] = (await (await api.fetch('/api/v1/indicators')).json()) as { id: string }[];
    const writes: { path: string; body: object; allowed: string[] }[] = [
      {
        path: '/api/v1/actions/1.1/milestones',
        body: { title: 'Voorbeeld: mijlpaal', dueDate: '2026-12-01' },
        allowed: ['coordinator', 'actiehouder-1.1'],
      },
      {
        path: '/api/v1/actions/1.1/knelpunten',
        body: { description: 'Voorbeeld: knelpunt', escalateTo: 'kerngroep' },
        allowed: ['coordinator', 'actiehouder-1.1'],
      },
      {
        path: '/api/v1/commitments',
        body: {
          text: 'Voorbeeld: toezegging',
          madeBy: 'Voorbeeld: minister',
          madeAt: { date: '2026-03-01', source: 'Voorbeeld' },
          due: 'najaar 2026',
          actionCodes: [],
        },
        allowed: ['coordinator'],
      },
      { path: `/api/v1/meetings/${meeting.id}/agenda-items`, body: { title: 'Voorbeeld: agendapunt' }, allowed: ['coordinator'] },
      { path: `/api/v1/indicators/${indicator.id}/measurements`, body: { period: '2026-01', value: 101 }, allowed: ['coordinator'] },
      { path: '/api/v1/monitoring/projections/2026-Q1/publish', body: {}, allowed: ['director'] },
    ];
    for (const write of writes) {
      expect([write.path, (await fetch(`${platform.url}${write.path}`, json(write.body))).status]).toEqual([write.path, 401]);
      for (const who of ['coordinator', 'director', 'auditor', 'actiehouder-1.1', 'actiehouder-3.2']) {
        const status = (await api.fetch(write.path, json(write.body), who)).status;
        // An allowed write must succeed, not merely pass the rights check and fail further on.
        const outcome = status === 403 ? 'refused' : status >= 200 && status < 300 ? 'succeeded' : `answered ${status}`;
        expect([write.path, who, outcome]).toEqual([write.path, who, write.allowed.includes(who) ? 'succeeded' : 'refused']);
      }
    }
  });

  it('leaves strategic decisions to directors', async () => {
    const [regie] = (await (await api.fetch('/api/v1/meetings?kind=regiegroep&from=2026-03-15')).json()) as { id: string }[];
    const byCoordinator = await api.fetch(
      `/api/v1/meetings/${regie.id}/decisions`,
      json({ text: 'Voorbeeld: pilots verlengen', kind: 'strategisch' }),
      'coordinator',
    );
    expect(byCoordinator.status).toBe(403);
    const byDirector = await api.fetch(
      `/api/v1/meetings/${regie.id}/decisions`,
      json({ text: 'Voorbeeld: pilots verlengen', kind: 'strategisch' }),
      'director',
    );
    // The director passes the rights check; the meeting itself then answers (it has not been held yet).
    expect(byDirector.status).toBe(409);
    expect(((await byDirector.json()) as { detail: string }).detail).toBe('leg eerst vast dat het overleg gehouden is');
  });
});

describe('auth: tokens from an OIDC provider', () => {
  let db: Awaited<ReturnType<typeof testDatabase>>;
  let platform: RunningPlatform;
  let jwks: Server;
  let issuer: string;
  let sign: (claims: Record<string, unknown>, options?: { issuer?: string; audience?: string }) => Promise<string>;
  let privateKey: CryptoKey;

  beforeAll(async () => {
    // A real JWKS endpoint over HTTP, as a provider such as Keycloak serves it.
    const pair = await generateKeyPair('RS256');
    privateKey = pair.privateKey;
    const { publicKey } = pair;
    const jwk = { ...(await exportJWK(publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
    jwks = createServer((_, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] })));
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    issuer = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/realms/vws`;
    sign = (claims, options = {}) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid: 'test-key' })
        .setIssuer(options.issuer ?? issuer)
        .setAudience(options.audience ?? 'regie')
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(privateKey);
    db = await testDatabase('auth_oidc');
    platform = await startPlatform(
      loadConfig({
        DATABASE_URL: db.url,
        PORT: '0',
        REGIE_LOG_LEVEL: 'error',
        REGIE_SEED: 'false',
        REGIE_MODE: 'production',
        REGIE_OIDC_ISSUER: issuer,
        REGIE_OIDC_JWKS_URL: `${issuer}/protocol/openid-connect/certs`,
        REGIE_OIDC_AUDIENCE: 'regie',
        REGIE_OIDC_ROLES_CLAIM: 'realm_access.roles',
        REGIE_OIDC_GRANTS_CLAIM: 'resource_access.regie.grants',
      }),
      () => undefined,
    );
  });
  afterAll(async () => {
    await platform.close();
    await db.drop();
    jwks.close();
  });

  const me = async (token: string) => fetch(`${platform.url}/api/v1/auth/me`, { headers: { authorization: `Bearer ${token}` } });

  it("accepts the provider's tokens and takes roles from the configured claim", async () => {
    const res = await me(
      await sign({
        sub: 'f3a1',
        preferred_username: 'j.jansen',
        name: 'J. Jansen',
        realm_access: { roles: ['offline_access', 'director'] },
      }),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      username: 'j.jansen',
      name: 'J. Jansen',
      roles: ['director'],
      actionCodes: [],
      grants: [{ role: 'director', werkagendaId: '*', actionCodes: [] }],
    });
  });

  it('takes grants per werkagenda from the configured grants claim', async () => {
    const token = await sign({
      sub: 'f3a2',
      preferred_username: 'p.pieters',
      resource_access: { regie: { grants: ['coordinator@actieplan-dakloos-wlz-2025'] } },
    });
    const res = await me(token);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      username: 'p.pieters',
      roles: ['coordinator'],
      grants: [{ role: 'coordinator', werkagendaId: 'actieplan-dakloos-wlz-2025', actionCodes: [] }],
    });
  });

  it('refuses another issuer, another audience, and a token without a Regie role', async () => {
    const roles = { realm_access: { roles: ['coordinator'] } };
    expect((await me(await sign({ sub: 'x', ...roles }, { issuer: 'http://elders.example/realms/vws' }))).status).toBe(401);
    expect((await me(await sign({ sub: 'x', ...roles }, { audience: 'ander-systeem' }))).status).toBe(401);
    expect((await me(await sign({ sub: 'x', realm_access: { roles: ['offline_access'] } }))).status).toBe(401);
  });

  it('refuses a token signed by a foreign key with the right issuer, audience and key id', async () => {
    const foreign = await generateKeyPair('RS256');
    const claims = { sub: 'x', realm_access: { roles: ['coordinator'] } };
    for (const kid of ['test-key', 'sleutel-van-elders']) {
      const token = await new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid })
        .setIssuer(issuer)
        .setAudience('regie')
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(foreign.privateKey);
      const res = await me(token);
      expect([kid, res.status]).toEqual([kid, 401]);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
    expect((await me(await sign(claims))).status).toBe(200);
  });

  it("refuses the provider's own token once it has expired", async () => {
    const now = Math.floor(Date.now() / 1000);
    const expired = await new SignJWT({ sub: 'x', realm_access: { roles: ['coordinator'] } })
      .setProtectedHeader({ alg: 'RS256', kid: 'test-key' })
      .setIssuer(issuer)
      .setAudience('regie')
      .setIssuedAt(now - 600)
      .setExpirationTime(now - 5)
      .sign(privateKey);
    expect((await me(expired)).status).toBe(401);
    expect((await fetch(`${platform.url}/api/v1/actions`, { headers: { authorization: `Bearer ${expired}` } })).status).toBe(401);
  });

  it('has no local accounts in production mode', async () => {
    const res = await fetch(`${platform.url}/api/v1/auth/login`, json({ username: 'coordinator', password: TEST_PASSWORD }));
    expect(res.status).toBe(404);
  });
});
