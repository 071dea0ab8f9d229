import { Controller, type INestApplication, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Client } from 'pg';
import { Allow, CoreModule, ExpressServerAdapter, ScopedBy } from '@regie/nest-kit';
import { FIRST_WERKAGENDA_ID, newId } from '@regie/es-core';
import { apiClient, type ApiClient, TEST_PASSWORD, testDatabase } from '@regie/test-kit';
import { postgresStoreOf } from '../adapters';
import { loadConfig } from '../config';
import { type RunningPlatform, startPlatform } from '../platform';
import { platformForTests } from '../testing/platform-for-tests';
import { accountStreamOf } from './account';

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
    probe = await NestFactory.create(ProbeModule, new ExpressServerAdapter(), { logger: false });
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

  it('shows an auditor no password hash or salt, also of a reset recorded before they left the events', async () => {
    const res = await api.fetch(
      '/api/v1/accounts',
      send('POST', { username: 'r.geheim', grants: [{ role: 'director', werkagendaId: '*' }] }),
      'beheerder',
    );
    const { id } = (await res.json()) as { id: string };
    expect(
      (await api.fetch(`/api/v1/accounts/${id}/password`, send('POST', { password: 'r-geheim-eigen-wachtwoord' }), 'beheerder')).status,
    ).toBe(200);
    // A reset as an earlier version wrote it (v1: the scrypt salt and hash in the event), straight into the store.
    const v1 = newId();
    await postgresStoreOf(platform.adapters.store)!.append(
      accountStreamOf(id),
      [
        {
          id: v1,
          type: 'PasswordReset',
          schemaVersion: 1,
          occurredAt: new Date(NOW),
          metadata: { actor: { userId: 'beheerder', role: 'beheerder' }, correlationId: v1, causationId: v1 },
          data: { accountId: id, salt: 'b3VkZS1zYWx0LXYx', hash: 'b3VkZS1oYXNoLXYxLWdlaGVpbQ==' },
        },
      ],
      'any',
    );
    const sql = new Client({ connectionString: db.url });
    await sql.connect();
    const { rows } = await sql.query<{ password_hash: Buffer }>('SELECT password_hash FROM auth.credentials WHERE account_id = $1', [id]);
    await sql.end();
    const secrets = [
      rows[0].password_hash.toString('base64'),
      rows[0].password_hash.toString('hex'),
      'b3VkZS1zYWx0LXYx',
      'b3VkZS1oYXNoLXYxLWdlaGVpbQ==',
    ];

    const answers = [
      await api.fetch(`/api/v1/audit/streams/${accountStreamOf(id)}`, {}, 'auditor'),
      await api.fetch(`/api/v1/audit/streams/${accountStreamOf(id)}?names=open`, {}, 'auditor'),
      await api.fetch(`/api/v1/audit/events?stream=${accountStreamOf(id)}`, {}, 'auditor'),
      await api.fetch(`/api/v1/audit/events?type=PasswordReset&order=desc`, {}, 'auditor'),
    ];
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      const text = await answer.text();
      const { events } = JSON.parse(text) as { events: { type: string; data: Record<string, unknown> }[] };
      const resets = events.filter((e) => e.type === 'PasswordReset' && e.data.accountId === id);
      expect(resets.map((e) => e.data)).toHaveLength(2);
      expect(resets.map((e) => e.data)).toEqual(
        expect.arrayContaining([
          { accountId: id, generated: false },
          { accountId: id, generated: null },
        ]),
      );
      for (const event of events) expect(Object.keys(event.data).join()).not.toMatch(/passwordHash|salt|hash/i);
      for (const secret of secrets) expect(text).not.toContain(secret);
    }
    // The audited reset still sets the password; the old event changes nothing.
    expect((await login('r.geheim', 'r-geheim-eigen-wachtwoord')).status).toBe(200);
  });

  it('names a signed-in account by its person, else by its role in Dutch, never "lokaal account"', async () => {
    const me = async (token: string, on = platform) =>
      ((await (await fetch(`${on.url}/api/v1/auth/me`, { headers: { authorization: `Bearer ${token}` } })).json()) as { name: string })
        .name;
    const seeded: [string, string][] = [
      ['coordinator', 'C. de Vries'], // voorbeeld: the seeded coordinator is linked to the example person
      ['director', 'Directeur'],
      ['auditor', 'Auditor'],
      ['beheerder', 'Beheerder'],
      ['actiehouder-2.1', 'Actiehouder actie 2.1'],
    ];
    for (const [username, name] of seeded) expect([username, await me(await api.token(username))]).toEqual([username, name]);

    // A person of the directory linked by a beheerder: named from the next request on, in every process.
    const person = await api.fetch('/api/v1/people', send('POST', { name: 'L. Koppeling-Test', organisation: 'VWS' }), 'beheerder');
    expect(person.status).toBe(201);
    const { id: personId } = (await person.json()) as { id: string };
    const created = await api.fetch(
      '/api/v1/accounts',
      send('POST', {
        username: 'l.koppeling',
        grants: [
          { role: 'coordinator', werkagendaId: OTHER },
          { role: 'director', werkagendaId: '*' },
        ],
      }),
      'beheerder',
    );
    const { id } = (await created.json()) as { id: string };
    const { token } = await login('l.koppeling');
    expect(await me(token)).toBe('Coördinator en directeur');
    expect((await api.fetch(`/api/v1/accounts/${id}`, send('PATCH', { personId }), 'beheerder')).status).toBe(200);
    expect([await me(token), await me(token, second)]).toEqual(['L. Koppeling-Test', 'L. Koppeling-Test']);
    const fresh = await login('l.koppeling');
    expect(JSON.parse(Buffer.from(fresh.token.split('.')[1], 'base64url').toString()).name).toBe('L. Koppeling-Test');

    // Forgotten: the name is gone everywhere, the role shows instead.
    expect((await api.fetch(`/api/v1/people/${personId}/forget`, send('POST', {}), 'auditor')).status).toBe(200);
    expect(await me(token)).toBe('Coördinator en directeur');
    expect(
      JSON.stringify(await (await fetch(`${platform.url}/api/v1/auth/me`, { headers: { authorization: `Bearer ${token}` } })).json()),
    ).not.toMatch(/lokaal account|Koppeling/);
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
