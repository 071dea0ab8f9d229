import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { type CommandContext, ManualClock, newId, Upcasters, UpcastingEventStore } from '@regie/es-core';
import { PostgresEventStore } from '@regie/es-postgres';
import { LocalAccounts } from '@regie/nest-kit';
import { testDatabase } from '@regie/test-kit';
import { ACCOUNT_UPCASTERS } from './account.upcasters';
import { Accounts } from './accounts';

const PASSWORD = 'gedeeld-wachtwoord-van-de-test';

/**
 * An account's principal is read once per process and remembered until its rows change, so an
 * authenticated request costs no round trips to PostgreSQL for it; a disabled account is still
 * refused at its next request: at once in the process that disabled it, and in every other
 * process as soon as PostgreSQL's notification arrives.
 */
describe('accounts: principals remembered per process until the account changes', () => {
  let db: Awaited<ReturnType<typeof testDatabase>>;
  let postgres: PostgresEventStore;
  let pools: Pool[];
  let here: LocalAccounts;
  let elsewhere: LocalAccounts;
  let accounts: Accounts;
  const clock = new ManualClock(new Date('2026-03-15T09:00:00Z'));
  const ctx = (): CommandContext => ({
    actor: { userId: 'beheerder', role: 'beheerder' },
    correlationId: newId(),
    causationId: newId(),
    now: clock.now(),
  });
  /** The queries a verification sends (a spy on the real pool: the queries still run). */
  const queriesOf = async (pool: Pool, verify: () => Promise<unknown>) => {
    const spy = jest.spyOn(pool, 'query');
    try {
      await verify();
      return spy.mock.calls.length;
    } finally {
      spy.mockRestore();
    }
  };
  const within = async (ms: number, check: () => Promise<boolean>) => {
    const started = Date.now();
    while (Date.now() - started < ms) {
      if (await check()) return Date.now() - started;
      await new Promise((r) => setTimeout(r, 10));
    }
    return undefined;
  };
  const refused = (local: LocalAccounts, token: string) =>
    local.verify(token).then(
      () => false,
      () => true,
    );

  beforeAll(async () => {
    db = await testDatabase('known_principals');
    postgres = await PostgresEventStore.open({ connectionString: db.url });
    pools = [new Pool({ connectionString: db.url, max: 3 }), new Pool({ connectionString: db.url, max: 3 })];
    const sealingKey = randomBytes(32);
    here = await LocalAccounts.open(pools[0], { password: PASSWORD, sealingKey, rememberPrincipals: true });
    elsewhere = await LocalAccounts.open(pools[1], { password: PASSWORD, sealingKey, rememberPrincipals: true });
    const store = new UpcastingEventStore(postgres, new Upcasters(ACCOUNT_UPCASTERS));
    accounts = await Accounts.open({
      store,
      pool: pools[0],
      databaseUrl: db.url,
      clock,
      log: () => undefined,
      settled: () => here.settled(),
    });
  });
  afterAll(async () => {
    await accounts.close();
    await here.close();
    await elsewhere.close();
    for (const pool of pools) await pool.end();
    await postgres.close();
    await db.drop();
  });

  it('answers a known account without reading it again, and refuses it once disabled: here at once, elsewhere when heard', async () => {
    const { id } = await accounts.create(ctx(), {
      username: 'k.bekend',
      grants: [{ role: 'director', werkagendaId: '*', actionCodes: [] }],
    });
    const { accessToken } = await here.login('k.bekend', PASSWORD);
    for (const [local, pool] of [
      [here, pools[0]],
      [elsewhere, pools[1]],
    ] as const) {
      expect((await local.verify(accessToken)).roles).toEqual(['director']);
      expect(await queriesOf(pool, () => local.verify(accessToken))).toBe(0);
    }

    await accounts.change(ctx(), id, { disabled: true });
    expect(await refused(here, accessToken)).toBe(true);
    expect(await within(2_000, () => refused(elsewhere, accessToken))).toBeDefined();

    await accounts.change(ctx(), id, { disabled: false });
    expect((await here.verify(accessToken)).username).toBe('k.bekend');
  });

  it('hears a change made to the table directly (a rebuild of the projection) in every process', async () => {
    await accounts.create(ctx(), { username: 'r.rebuild', grants: [{ role: 'auditor', werkagendaId: '*', actionCodes: [] }] });
    const { accessToken } = await here.login('r.rebuild', PASSWORD);
    expect((await elsewhere.verify(accessToken)).roles).toEqual(['auditor']);
    await pools[0].query(
      `UPDATE auth.accounts SET grants = '[{"role":"beheerder","werkagendaId":"*","actionCodes":[]}]' WHERE username = $1`,
      ['r.rebuild'],
    );
    expect(await within(2_000, async () => (await elsewhere.verify(accessToken)).roles.includes('beheerder'))).toBeDefined();
    await pools[0].query('TRUNCATE auth.accounts');
    expect(await within(2_000, () => refused(elsewhere, accessToken))).toBeDefined();
  });

  it('remembers nothing while its notifications cannot reach it, and again once it listens anew', async () => {
    await accounts.create(ctx(), { username: 'l.luisteraar', grants: [{ role: 'auditor', werkagendaId: '*', actionCodes: [] }] });
    const { accessToken } = await here.login('l.luisteraar', PASSWORD);
    await elsewhere.verify(accessToken);
    // Every listening connection of the test database is cut (both "processes").
    await pools[0].query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN regie_principals_changed%'`,
    );
    await new Promise((r) => setTimeout(r, 100));
    expect(await queriesOf(pools[1], () => elsewhere.verify(accessToken))).toBeGreaterThan(0);
    expect(await queriesOf(pools[1], () => elsewhere.verify(accessToken))).toBeGreaterThan(0);
    // Listening again (a second later): a change is heard, and the account is remembered again.
    expect(await within(5_000, async () => (await queriesOf(pools[1], () => elsewhere.verify(accessToken))) === 0)).toBeDefined();
    await pools[0].query('UPDATE auth.accounts SET disabled = true WHERE username = $1', ['l.luisteraar']);
    expect(await within(2_000, () => refused(elsewhere, accessToken))).toBeDefined();
  });
});
