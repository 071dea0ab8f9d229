import request from 'supertest';
import { apiClient, TEST_PASSWORD, testDatabase } from '@regie/test-kit';
import { type RunningPlatform } from '../platform';
import { platformForTests } from '../testing/platform-for-tests';

const LOCKOUT_SECONDS = 2;
const login = (platform: RunningPlatform, username: string, password: string) =>
  fetch(`${platform.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });

/** Guessing passwords: limited per account and per client address, the lockout on the record for auditors. */
describe('auth: login attempts limited', () => {
  let db: Awaited<ReturnType<typeof testDatabase>>;
  let platform: RunningPlatform;

  beforeAll(async () => {
    ({ db, platform } = await platformForTests('auth_throttle', '2026-03-15T09:00:00Z', {
      REGIE_LOGIN_MAX_FAILURES: '3',
      REGIE_LOGIN_LOCKOUT_SECONDS: String(LOCKOUT_SECONDS),
    }));
  });
  afterAll(async () => {
    await platform.close();
    await db.drop();
  });

  it('locks an account after repeated wrong passwords with 429 and Retry-After, records it, and lets the right password in after', async () => {
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await login(platform, 'coordinator', `fout-${i}`)).status);
    expect(statuses).toEqual([401, 401, 429]);
    const locked = await login(platform, 'coordinator', TEST_PASSWORD); // even the right password waits
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(locked.headers.get('content-type')).toContain('application/problem+json');
    expect(((await locked.json()) as { detail: string }).detail).toBe('Te veel pogingen; probeer het over 1 minuut opnieuw.');

    const audit = await apiClient(platform.url).fetch('/api/v1/audit/streams/account-coordinator', {}, 'auditor');
    const { events } = (await audit.json()) as { events: { type: string; data: Record<string, unknown> }[] };
    expect(events.map((e) => e.type)).toEqual(['LoginLockedOut']);
    expect(Object.keys(events[0].data).sort()).toEqual(['account', 'attempts', 'until']);
    expect(events[0].data).toMatchObject({ account: 'coordinator', attempts: 3 });

    await new Promise((resolve) => setTimeout(resolve, LOCKOUT_SECONDS * 1000 + 200));
    expect((await login(platform, 'coordinator', TEST_PASSWORD)).status).toBe(200);
  });

  it('shows the lockout on the portal login page in Dutch', async () => {
    const portal = (password: string) =>
      request(platform.url).post('/inloggen').set('Origin', platform.url).type('form').send({ username: 'director', password, terug: '/' });
    for (let i = 0; i < 2; i++) expect((await portal(`fout-${i}`)).status).toBe(401);
    const page = await portal('fout-2');
    expect(page.status).toBe(429);
    expect(page.text).toContain('Te veel pogingen; probeer het over 1 minuut opnieuw.');
  });

  it('limits one client address guessing across many accounts, and records nothing for names that are no account', async () => {
    // 30 wrong passwords an hour per address; earlier tests spent some. Each name below is tried once only.
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) statuses.push((await login(platform, `gok-${i}@example.nl`, 'fout')).status);
    const firstRefusal = statuses.indexOf(429);
    expect(firstRefusal).toBeGreaterThanOrEqual(24);
    expect(statuses.slice(0, firstRefusal).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(firstRefusal).every((s) => s === 429)).toBe(true);
    const next = await login(platform, 'auditor', TEST_PASSWORD);
    expect(next.status).toBe(429);
    expect(next.headers.get('retry-after')).toBeTruthy();
    const { rows } = await platform.adapters.pool.query(`SELECT count(*)::int AS n FROM es.events WHERE stream_id LIKE 'account-gok-%'`);
    expect(rows[0].n).toBe(0);
  });
});
