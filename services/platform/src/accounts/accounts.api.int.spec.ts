import { Controller, type INestApplication, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Allow, CoreModule, ScopedBy } from '@regie/nest-kit';
import { FIRST_WERKAGENDA_ID } from '@regie/es-core';
import { apiClient, type ApiClient, TEST_PASSWORD, testDatabase } from '@regie/test-kit';
import { loadConfig } from '../config';
import { type RunningPlatform, startPlatform } from '../platform';
import { platformForTests } from '../testing/platform-for-tests';

const NOW = '2026-03-15T09:00:00Z';
const OTHER = 'actieplan-dakloos-wlz-2025';
const send = (method: string, body: unknown, token?: string): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
  body: JSON.stringify(body),
});

/** No route on main is scoped by werkagenda yet: this one is, by the werkagenda named in its body. */
@Controller('probe')
class ScopedProbe {
  @Post()
  @Allow('coordinator')
  @ScopedBy({ body: 'werkagendaId' })
  probe() {
    return { ok: true };
  }
}

interface Account {
  id: string;
  username: string;
  disabled: boolean;
  grants: { role: string; werkagendaId: string; actionCodes: string[] }[];
  ownPassword: boolean;
}

/**
 * Accounts as data: a beheerder makes and changes them through the API, every change is an event
 * with its actor, and a token counts for the account as it is now, in every process.
 */
describe('accounts: local accounts and their rights per werkagenda', () => {
  let db: Awaited<ReturnType<typeof testDatabase>>;
  let platform: RunningPlatform;
  let second: RunningPlatform;
  let probe: INestApplication;
  let probeUrl: string;
  let api: ApiClient;

  const login = async (username: string, password = TEST_PASSWORD, on = platform) => {
    const res = await fetch(`${on.url}/api/v1/auth/login`, send('POST', { username, password }));
    return { status: res.status, token: res.ok ? ((await res.json()) as { accessToken: string }).accessToken : '' };
  };
  const accounts = async () => (await (await api.fetch('/api/v1/accounts', {}, 'beheerder')).json()) as Account[];
  const streamOf = async (id: string) =>
    (
      (await (await api.fetch(`/api/v1/audit/streams/account-${id}`, {}, 'auditor')).json()) as {
        events: { type: string; data: Record<string, unknown>; metadata: { actor: unknown } }[];
      }
    ).events;

  beforeAll(async () => {
    ({ db, platform } = await platformForTests('accounts_api', NOW));
    api = apiClient(platform.url);
    // A second process on the same database, as in the distributed shape: it reads the same accounts.
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
    @Module({ imports: [CoreModule.forRoot(platform.adapters)], controllers: [ScopedProbe] })
    class ProbeModule {}
    probe = await NestFactory.create(ProbeModule, { logger: false });
    await probe.listen(0, '127.0.0.1');
    probeUrl = `http://127.0.0.1:${(probe.getHttpServer().address() as { port: number }).port}`;
  });
  afterAll(async () => {
    await probe.close();
    await second.close();
    await platform.close();
    await db.drop();
  });

  it('seeds the accounts of a fresh start, by the system, with rights in the first werkagenda', async () => {
    const seeded = await accounts();
    const byName = new Map(seeded.map((a) => [a.username, a]));
    expect(byName.get('beheerder')?.grants).toEqual([{ role: 'beheerder', werkagendaId: '*', actionCodes: [] }]);
    expect(byName.get('coordinator')?.grants).toEqual([{ role: 'coordinator', werkagendaId: FIRST_WERKAGENDA_ID, actionCodes: [] }]);
    expect(byName.get('director')?.grants).toEqual([{ role: 'director', werkagendaId: FIRST_WERKAGENDA_ID, actionCodes: [] }]);
    expect(byName.get('auditor')?.grants).toEqual([{ role: 'auditor', werkagendaId: '*', actionCodes: [] }]);
    expect(byName.get('actiehouder-2.1')?.grants).toEqual([
      { role: 'actiehouder', werkagendaId: FIRST_WERKAGENDA_ID, actionCodes: ['2.1'] },
    ]);
    expect(JSON.stringify(seeded)).not.toMatch(/hash|salt/i);
    const [created] = await streamOf(byName.get('coordinator')!.id);
    expect(created).toMatchObject({ type: 'AccountCreated', metadata: { actor: { userId: 'seed', role: 'system' } } });
  });

  it('lets a beheerder make a coordinator of another werkagenda, who may act there and not in the first', async () => {
    const res = await api.fetch(
      '/api/v1/accounts',
      send('POST', { username: 'k.de-vries', grants: [{ role: 'coordinator', werkagendaId: OTHER }] }),
      'beheerder',
    );
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    const [event] = await streamOf(id);
    expect(event).toMatchObject({ type: 'AccountCreated', metadata: { actor: { userId: 'beheerder', role: 'beheerder' } } });

    const { token } = await login('k.de-vries');
    const scoped = (werkagendaId: string) =>
      fetch(`${probeUrl}/probe`, send('POST', { werkagendaId }, token)).then(async (r) => [
        r.status,
        ((await r.json()) as { detail?: string }).detail,
      ]);
    expect(await scoped(OTHER)).toEqual([201, undefined]);
    expect(await scoped(FIRST_WERKAGENDA_ID)).toEqual([403, 'Alleen coördinator van deze werkagenda mag dit.']);
    // The seeded coordinator the other way round.
    const coordinator = await api.token('coordinator');
    expect((await fetch(`${probeUrl}/probe`, send('POST', { werkagendaId: FIRST_WERKAGENDA_ID }, coordinator))).status).toBe(201);
    expect((await fetch(`${probeUrl}/probe`, send('POST', { werkagendaId: OTHER }, coordinator))).status).toBe(403);

    // Grants changed: the same token counts for the new grants from the next request on.
    const patched = await api.fetch(
      `/api/v1/accounts/${id}`,
      send('PATCH', { grants: [{ role: 'coordinator', werkagendaId: FIRST_WERKAGENDA_ID }] }),
      'beheerder',
    );
    expect(patched.status).toBe(200);
    expect(await scoped(FIRST_WERKAGENDA_ID)).toEqual([201, undefined]);
    expect((await scoped(OTHER))[0]).toBe(403);
  });

  it('refuses the tokens of a disabled account at once, in every process, and its login', async () => {
    const res = await api.fetch(
      '/api/v1/accounts',
      send('POST', { username: 'tijdelijk', grants: [{ role: 'director', werkagendaId: '*' }] }),
      'beheerder',
    );
    const { id } = (await res.json()) as { id: string };
    const { token } = await login('tijdelijk');
    const me = (on: RunningPlatform) =>
      fetch(`${on.url}/api/v1/auth/me`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.status);
    expect([await me(platform), await me(second)]).toEqual([200, 200]);

    expect((await api.fetch(`/api/v1/accounts/${id}`, send('PATCH', { disabled: true }), 'beheerder')).status).toBe(200);
    // The very next request, here and in the other process.
    expect([await me(platform), await me(second)]).toEqual([401, 401]);
    expect((await login('tijdelijk')).status).toBe(401);
    expect((await streamOf(id)).map((e) => e.type)).toEqual(['AccountCreated', 'AccountDisabled']);

    expect((await api.fetch(`/api/v1/accounts/${id}`, send('PATCH', { disabled: false }), 'beheerder')).status).toBe(200);
    expect(await me(second)).toBe(200);
  });

  it('resets a password: the old one is refused, the new one accepted, and only a hash is stored', async () => {
    const res = await api.fetch(
      '/api/v1/accounts',
      send('POST', { username: 'p.pieters', grants: [{ role: 'auditor', werkagendaId: '*' }] }),
      'beheerder',
    );
    const { id } = (await res.json()) as { id: string };
    expect((await login('p.pieters')).status).toBe(200);

    const chosen = 'een-lang-eigen-wachtwoord';
    const reset = await api.fetch(`/api/v1/accounts/${id}/password`, send('POST', { password: chosen }), 'beheerder');
    expect(reset.status).toBe(200);
    expect(await reset.json()).not.toHaveProperty('password');
    expect((await login('p.pieters')).status).toBe(401);
    expect((await login('p.pieters', chosen)).status).toBe(200);
    expect((await login('p.pieters', chosen, second)).status).toBe(200);

    // Without a password Regie makes one and answers it once.
    const generated = await api.fetch(`/api/v1/accounts/${id}/password`, send('POST', {}), 'beheerder');
    const { password } = (await generated.json()) as { password: string };
    expect(password.length).toBeGreaterThanOrEqual(20);
    expect((await login('p.pieters', chosen)).status).toBe(401);
    expect((await login('p.pieters', password)).status).toBe(200);

    const events = await streamOf(id);
    expect(events.filter((e) => e.type === 'PasswordReset')).toHaveLength(2);
    expect(JSON.stringify(events)).not.toContain(chosen);
    expect(JSON.stringify(events)).not.toContain(password);
    const view = (await (await api.fetch(`/api/v1/accounts/${id}`, {}, 'beheerder')).json()) as Account;
    expect(view).toMatchObject({ username: 'p.pieters', ownPassword: true });
    expect(JSON.stringify(view)).not.toMatch(/hash|salt/i);
    // The seeded accounts keep the shared password.
    expect((await login('coordinator')).status).toBe(200);
  });

  it('lets only a beheerder see or change accounts', async () => {
    for (const who of ['coordinator', 'director', 'auditor', 'actiehouder-2.1']) {
      expect([who, (await api.fetch('/api/v1/accounts', {}, who)).status]).toEqual([who, 403]);
      const create = await api.fetch('/api/v1/accounts', send('POST', { username: `door-${who.replace('.', '-')}`, grants: [] }), who);
      expect([who, create.status]).toEqual([who, 403]);
    }
    expect((await accounts()).map((a) => a.username)).not.toContain('door-coordinator');
  });

  it('refuses bad input naming the field and records nothing; a taken username is 409; an unknown id 404', async () => {
    const before = await platform.adapters.store.headPosition();
    const bad: [unknown, string][] = [
      [{ username: 'Hoofdletters', grants: [] }, 'username'],
      [{ username: 'met spatie', grants: [] }, 'username'],
      [{ username: 'x', grants: [{ role: 'minister', werkagendaId: '*' }] }, 'grants.0.role'],
      [{ username: 'x', grants: [{ role: 'coordinator', werkagendaId: '' }] }, 'grants.0.werkagendaId'],
      [{ username: 'x', grants: [{ role: 'director', werkagendaId: '*', actionCodes: ['2.1'] }] }, 'grants.0.actionCodes'],
      [{ username: 'x', grants: [{ role: 'actiehouder', werkagendaId: OTHER }] }, 'grants.0.actionCodes'],
    ];
    for (const [body, field] of bad) {
      const res = await api.fetch('/api/v1/accounts', send('POST', body), 'beheerder');
      expect(res.status).toBe(400);
      const problem = (await res.json()) as { errors: { field: string; message: string }[] };
      expect(problem.errors.map((e) => e.field)).toContain(field);
    }
    const [coordinator] = (await accounts()).filter((a) => a.username === 'coordinator');
    const short = await api.fetch(`/api/v1/accounts/${coordinator.id}/password`, send('POST', { password: 'te-kort' }), 'beheerder');
    expect(short.status).toBe(400);
    expect(((await short.json()) as { errors: { field: string; message: string }[] }).errors).toEqual([
      { field: 'password', message: 'minstens 12 tekens (of laat het leeg: dan maakt Regie er een)' },
    ]);
    const patch = await api.fetch(`/api/v1/accounts/${coordinator.id}`, send('PATCH', { disabled: 'ja' }), 'beheerder');
    expect(patch.status).toBe(400);
    expect(await platform.adapters.store.headPosition()).toBe(before);

    const taken = await api.fetch('/api/v1/accounts', send('POST', { username: 'coordinator', grants: [] }), 'beheerder');
    expect(taken.status).toBe(409);
    expect(((await taken.json()) as { detail: string }).detail).toBe('de gebruikersnaam "coordinator" is al in gebruik');
    const unknown = '0190a7a0-0000-7000-8000-00000000dead';
    expect((await api.fetch(`/api/v1/accounts/${unknown}`, {}, 'beheerder')).status).toBe(404);
    expect((await api.fetch(`/api/v1/accounts/${unknown}`, send('PATCH', { disabled: true }), 'beheerder')).status).toBe(404);
    expect((await api.fetch(`/api/v1/accounts/${unknown}/password`, send('POST', {}), 'beheerder')).status).toBe(404);
    expect(await platform.adapters.store.headPosition()).toBe(before);
  });
});
