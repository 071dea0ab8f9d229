import { SignJWT } from 'jose';
import request from 'supertest';
import { type LocalAccounts, REVOCATION_CACHE_MS } from '@regie/nest-kit';
import { TEST_PASSWORD, testDatabase } from '@regie/test-kit';
import { loadConfig } from '../config';
import { type RunningPlatform, startPlatform } from '../platform';
import { platformForTests } from '../testing/platform-for-tests';

const NOW = '2026-03-15T09:00:00Z';
const json = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});
const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

async function login(platform: RunningPlatform, username = 'coordinator', password = TEST_PASSWORD) {
  const res = await fetch(`${platform.url}/api/v1/auth/login`, json({ username, password }));
  return { res, token: res.ok ? ((await res.json()) as { accessToken: string }).accessToken : '' };
}

const meStatus = async (platform: RunningPlatform, token: string) => (await fetch(`${platform.url}/api/v1/auth/me`, bearer(token))).status;

/**
 * Local tokens: signed with sealed keys that rotate, refused without exp/iat/jti or for an account
 * that does not exist, and revoked by logout for every process on the database.
 */
describe('auth: tokens, keys and logout', () => {
  let db: Awaited<ReturnType<typeof testDatabase>>;
  let platform: RunningPlatform;
  let second: RunningPlatform;
  let accounts: LocalAccounts;

  beforeAll(async () => {
    ({ db, platform } = await platformForTests('auth_tokens', NOW));
    accounts = platform.adapters.localAccounts as LocalAccounts;
    // A second process of the platform on the same database, as in the distributed shape.
    second = await startPlatform(
      loadConfig({
        DATABASE_URL: db.url,
        PORT: '0',
        REGIE_LOG_LEVEL: 'error',
        REGIE_NOW: NOW,
        REGIE_SEED: 'false',
        REGIE_LOCAL_PASSWORD: TEST_PASSWORD,
      }),
      () => undefined,
    );
  });
  afterAll(async () => {
    await second.close();
    await platform.close();
    await db.drop();
  });

  /** A token signed with the platform's own current key: only the claims can make it invalid. */
  const signed = async (claims: Record<string, unknown>, options: { exp?: string | number; jti?: boolean; iat?: boolean } = {}) => {
    const key = await accounts.keys.current();
    let jwt = new SignJWT({ roles: ['coordinator'], ...claims })
      .setProtectedHeader({ alg: 'ES256', kid: key.kid })
      .setIssuer('regie-local')
      .setAudience('regie')
      .setSubject(String(claims.sub ?? 'coordinator'));
    if (options.iat !== false) jwt = jwt.setIssuedAt();
    if (options.jti !== false) jwt = jwt.setJti(crypto.randomUUID());
    if (options.exp !== undefined) jwt = jwt.setExpirationTime(options.exp);
    return jwt.sign(key.privateKey);
  };

  it('accepts a token with exp, iat and jti of an existing account, and refuses one without any of them or for no account', async () => {
    expect(await meStatus(platform, await signed({}, { exp: '5m' }))).toBe(200);
    expect(await meStatus(platform, await signed({}))).toBe(401); // no exp: would be valid forever
    expect(await meStatus(platform, await signed({}, { exp: '5m', jti: false }))).toBe(401); // no jti: could not be revoked
    expect(await meStatus(platform, await signed({}, { exp: '5m', iat: false }))).toBe(401);
    expect(await meStatus(platform, await signed({}, { exp: Math.floor(Date.now() / 1000) - 60 }))).toBe(401);
    const unknown = await fetch(`${platform.url}/api/v1/auth/me`, bearer(await signed({ sub: 'minister' }, { exp: '5m' })));
    expect(unknown.status).toBe(401);
    expect(((await unknown.json()) as { detail: string }).detail).toContain('het account "minister" bestaat niet');
    // Rights come from the account, not from what the token claims.
    const claimed = await fetch(
      `${platform.url}/api/v1/auth/me`,
      bearer(await signed({ sub: 'auditor', roles: ['coordinator'] }, { exp: '5m' })),
    );
    expect(await claimed.json()).toMatchObject({ username: 'auditor', roles: ['auditor'] });
  });

  it('refuses a logged-out token in this process at once, and in another process within the cache bound', async () => {
    const { token } = await login(platform, 'actiehouder-2.1');
    expect(await meStatus(platform, token)).toBe(200);
    expect(await meStatus(second, token)).toBe(200);
    const out = await fetch(`${platform.url}/api/v1/auth/logout`, { method: 'POST', ...bearer(token) });
    expect(out.status).toBe(204);
    expect(await meStatus(platform, token)).toBe(401);
    const deadline = Date.now() + REVOCATION_CACHE_MS + 1000;
    let status = await meStatus(second, token);
    while (status !== 401 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      status = await meStatus(second, token);
    }
    expect(status).toBe(401);
    expect(await meStatus(platform, (await login(platform, 'actiehouder-2.1')).token)).toBe(200); // a new login works
  });

  it("revokes the token when the portal's user logs out", async () => {
    const loggedIn = await request(platform.url)
      .post('/inloggen')
      .set('Origin', platform.url)
      .type('form')
      .send({ username: 'director', password: TEST_PASSWORD, terug: '/' });
    const token = /regie_sessie=([^;]+)/.exec(String(loggedIn.headers['set-cookie']))?.[1] ?? '';
    expect(await meStatus(platform, token)).toBe(200);
    const out = await request(platform.url).post('/uitloggen').set('Origin', platform.url).set('Cookie', `regie_sessie=${token}`);
    expect(out.headers.location).toBe('/inloggen?uitgelogd=1');
    expect(await meStatus(platform, token)).toBe(401);
  });

  it('keeps verifying tokens of a replaced key until they expire, in every process', async () => {
    const before = (await login(platform)).token;
    const old = await accounts.keys.current();
    const fresh = await accounts.keys.rotate({ force: true });
    expect(fresh.kid).not.toBe(old.kid);
    const after = (await login(platform)).token;
    expect(JSON.parse(Buffer.from(after.split('.')[0], 'base64url').toString()).kid).toBe(fresh.kid);
    for (const process of [platform, second]) {
      expect(await meStatus(process, before)).toBe(200);
      expect(await meStatus(process, after)).toBe(200);
    }
  });

  it('keeps no private key readable in the database', async () => {
    const { privateKey } = await accounts.keys.current();
    const d = (privateKey.export({ format: 'jwk' }) as { d: string }).d;
    const scalar = Buffer.from(d, 'base64url').toString('hex');
    const der = (privateKey.export({ format: 'der', type: 'pkcs8' }) as Buffer).toString('hex');
    const { rows } = await platform.adapters.pool.query<{ dump: string }>(
      `SELECT string_agg(t::text, ' ') AS dump FROM (
         SELECT row_to_json(k)::text AS t FROM auth.signing_keys k
         UNION ALL SELECT row_to_json(s)::text FROM auth.local_settings s) x`,
    );
    expect(rows[0].dump.length).toBeGreaterThan(100);
    for (const secret of [d, scalar, der]) expect(rows[0].dump).not.toContain(secret);
    expect(rows[0].dump).not.toContain('"d":');
  });
});
