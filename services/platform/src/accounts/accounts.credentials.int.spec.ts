import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { type CommandContext, ManualClock, newId, Upcasters, UpcastingEventStore } from '@regie/es-core';
import { PostgresEventStore } from '@regie/es-postgres';
import { ensureAccountsTable, hashPassword, InvalidCredentials, LocalAccounts } from '@regie/nest-kit';
import { testDatabase } from '@regie/test-kit';
import { accountStreamOf } from './account';
import { ACCOUNT_UPCASTERS } from './account.upcasters';
import { Accounts } from './accounts';

const SHARED = 'gedeeld-wachtwoord-van-de-test';
const OWN = 'een-lang-eigen-wachtwoord';

/**
 * Credentials out of the history (docs/security.md): a reset records only that it happened; the
 * hash lives in auth.credentials, which no projection writes, so a rebuild of auth.accounts keeps
 * it; resets written before (v1, with salt and hash) read without them; and databases made before
 * move their hashes out of auth.accounts.
 */
describe('accounts: passwords outside the event history', () => {
  let db: Awaited<ReturnType<typeof testDatabase>>;
  let postgres: PostgresEventStore;
  let store: UpcastingEventStore;
  let pool: Pool;
  let local: LocalAccounts;
  let accounts: Accounts;
  const clock = new ManualClock(new Date('2026-03-15T09:00:00Z'));
  const ctx = (): CommandContext => ({
    actor: { userId: 'beheerder', role: 'beheerder' },
    correlationId: newId(),
    causationId: newId(),
    now: clock.now(),
  });
  const open = () => Accounts.open({ store, pool, databaseUrl: db.url, clock, log: () => undefined });
  const until = async (check: () => Promise<boolean>) => {
    for (let i = 0; i < 200 && !(await check()); i++) await new Promise((r) => setTimeout(r, 50));
  };
  const credentialOf = async (id: string) =>
    (await pool.query<{ password_hash: Buffer }>('SELECT password_hash FROM auth.credentials WHERE account_id = $1', [id])).rows[0]
      ?.password_hash;

  beforeAll(async () => {
    db = await testDatabase('accounts_credentials');
    postgres = await PostgresEventStore.open({ connectionString: db.url });
    store = new UpcastingEventStore(postgres, new Upcasters(ACCOUNT_UPCASTERS));
    pool = new Pool({ connectionString: db.url, max: 4 });
    local = await LocalAccounts.open(pool, { password: SHARED, sealingKey: randomBytes(32) });
    accounts = await open();
  });
  afterAll(async () => {
    await accounts.close();
    await pool.end();
    await postgres.close();
    await db.drop();
  });

  it('records a reset without a credential, and the password survives a rebuild of auth.accounts', async () => {
    const { id } = await accounts.create(ctx(), {
      username: 'p.pieters',
      grants: [{ role: 'auditor', werkagendaId: '*', actionCodes: [] }],
    });
    await accounts.resetPassword(ctx(), id, OWN);
    const generated = await accounts.resetPassword(ctx(), id);
    await accounts.resetPassword(ctx(), id, OWN);

    const hash = (await credentialOf(id)) as Buffer;
    expect(hash).toBeInstanceOf(Buffer);
    // As stored, underneath every upcaster.
    const stored = await postgres.readStream(accountStreamOf(id));
    expect(stored.map((e) => [e.type, e.schemaVersion, e.data])).toEqual([
      ['AccountCreated', 1, expect.objectContaining({ username: 'p.pieters' })],
      ['PasswordReset', 2, { accountId: id, generated: false }],
      ['PasswordReset', 2, { accountId: id, generated: true }],
      ['PasswordReset', 2, { accountId: id, generated: false }],
    ]);
    expect(stored[1].metadata.actor).toEqual({ userId: 'beheerder', role: 'beheerder' });
    const text = JSON.stringify(stored.map((e) => e.data));
    expect(text).not.toMatch(/salt|hash/i);
    expect(text).not.toContain(hash.toString('base64'));
    expect(text).not.toContain(OWN);
    expect(text).not.toContain(generated.password);

    // A rebuild: the projection's rows and checkpoint gone, then projected again from the events.
    await accounts.close();
    await pool.query('DELETE FROM auth.accounts');
    await pool.query(`DELETE FROM auth.projection_checkpoints WHERE name = 'accounts'`);
    await expect(local.login('p.pieters', OWN)).rejects.toThrow(InvalidCredentials);
    accounts = await open();
    await until(async () => (await accounts.get(id)) !== undefined);
    expect(await accounts.get(id)).toMatchObject({ username: 'p.pieters', ownPassword: true });
    expect(await credentialOf(id)).toEqual(hash);
    await expect(local.login('p.pieters', OWN)).resolves.toMatchObject({ tokenType: 'Bearer' });
    await expect(local.login('p.pieters', SHARED)).rejects.toThrow(InvalidCredentials);
  });

  it('reads a reset written with salt and hash (v1) without them, and changes no password by it', async () => {
    const { id } = await accounts.create(ctx(), { username: 'oud.v1', grants: [{ role: 'director', werkagendaId: '*', actionCodes: [] }] });
    const id1 = newId();
    const { lastPosition } = await postgres.append(
      accountStreamOf(id),
      [
        {
          id: id1,
          type: 'PasswordReset',
          schemaVersion: 1,
          occurredAt: clock.now(),
          metadata: { actor: { userId: 'beheerder', role: 'beheerder' }, correlationId: id1, causationId: id1 },
          data: { accountId: id, salt: 'c2FsdC12MQ==', hash: 'aGFzaC12MS1nZWhlaW0=' },
        },
      ],
      'any',
    );
    const [, reset] = await store.readStream(accountStreamOf(id));
    expect(reset).toMatchObject({ type: 'PasswordReset', schemaVersion: 2, data: { accountId: id, generated: null } });
    expect(JSON.stringify(reset)).not.toMatch(/salt|hash|c2FsdC12MQ|aGFzaC12MS1nZWhlaW0/);
    // The projection passes over it (its checkpoint moves on); the account keeps the shared password.
    const checkpoint = async () =>
      Number((await pool.query(`SELECT position FROM auth.projection_checkpoints WHERE name = 'accounts'`)).rows[0]?.position ?? 0);
    await until(async () => (await checkpoint()) >= lastPosition);
    expect(await checkpoint()).toBeGreaterThanOrEqual(lastPosition);
    expect(await accounts.get(id)).toMatchObject({ ownPassword: false });
    await expect(local.login('oud.v1', SHARED)).resolves.toMatchObject({ tokenType: 'Bearer' });
  });

  it('moves the hashes of a database made before auth.credentials out of auth.accounts', async () => {
    const { id } = await accounts.create(ctx(), {
      username: 'oud.tabel',
      grants: [{ role: 'auditor', werkagendaId: '*', actionCodes: [] }],
    });
    await until(async () => (await accounts.get(id)) !== undefined);
    // As an earlier version left it: the hash in the projected row.
    const { salt, hash } = await hashPassword('oud-eigen-wachtwoord');
    await pool.query('ALTER TABLE auth.accounts ADD COLUMN password_salt bytea, ADD COLUMN password_hash bytea');
    await pool.query('UPDATE auth.accounts SET password_salt = $2, password_hash = $3 WHERE id = $1', [id, salt, hash]);

    await Promise.all([ensureAccountsTable(pool), ensureAccountsTable(pool)]); // two processes starting at once
    const { rows: columns } = await pool.query(
      `SELECT column_name FROM information_schema.columns WHERE table_schema = 'auth' AND table_name = 'accounts' AND column_name LIKE 'password%'`,
    );
    expect(columns).toEqual([]);
    expect(await credentialOf(id)).toEqual(hash);
    await expect(local.login('oud.tabel', 'oud-eigen-wachtwoord')).resolves.toMatchObject({ tokenType: 'Bearer' });
    await expect(local.login('oud.tabel', SHARED)).rejects.toThrow(InvalidCredentials);
  });
});
