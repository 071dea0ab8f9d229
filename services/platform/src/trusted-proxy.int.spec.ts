import { apiClient, type ApiClient, testDatabase } from '@regie/test-kit';
import { type RunningPlatform } from './platform';
import { platformForTests } from './testing/platform-for-tests';

/** Behind a trusted reverse proxy that terminates TLS, browsers are told to use https only (HSTS). */
describe('HSTS behind a trusted proxy (REGIE_TRUST_PROXY)', () => {
  let db: Awaited<ReturnType<typeof testDatabase>>;
  let platform: RunningPlatform;
  let api: ApiClient;

  beforeAll(async () => {
    ({ db, platform } = await platformForTests('trusted_proxy', '2026-03-15T09:00:00Z', {
      REGIE_TRUST_PROXY: 'loopback',
      REGIE_SEED: 'false',
    }));
    api = apiClient(platform.url);
  });
  afterAll(async () => {
    await platform.close();
    await db.drop();
  });

  it('sends Strict-Transport-Security when the trusted proxy says the request came over https', async () => {
    for (const path of ['/api/v1/actions', '/health', '/inloggen']) {
      const res = await api.fetch(path, { headers: { 'x-forwarded-proto': 'https' } });
      expect([path, res.headers.get('strict-transport-security')]).toEqual([path, 'max-age=31536000; includeSubDomains']);
    }
  });

  it('sends none over plain http', async () => {
    const res = await api.fetch('/api/v1/actions', { headers: { 'x-forwarded-proto': 'http' } });
    expect(res.headers.get('strict-transport-security')).toBeNull();
    expect((await fetch(`${platform.url}/health`)).headers.get('strict-transport-security')).toBeNull();
  });
});
