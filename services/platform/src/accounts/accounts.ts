import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Pool } from 'pg';
import {
  type Clock,
  type CommandContext,
  EventStore,
  FIRST_WERKAGENDA_ID,
  handleCommand,
  IllegalTransition,
  newId,
  stableId,
} from '@regie/es-core';
import { ensureAccountsTable, hashPassword, storeCredential } from '@regie/nest-kit';
import { openReadModelDataSource, ProjectionRunner } from '@regie/read-model';
import { type AccountGrant, accountStreamOf } from './account';
import { type AccountCommand, accountDecider } from './account.decide';
import { accountsProjection } from './accounts.projection';

/** An account as the API shows it: never a hash or a salt, only whether it has a password of its own. */
export interface AccountView {
  id: string;
  username: string;
  personId: string | null;
  disabled: boolean;
  grants: AccountGrant[];
  ownPassword: boolean;
  createdAt: string | null;
  updatedAt: string | null;
}

export interface AccountChange {
  personId?: string | null;
  disabled?: boolean;
  grants?: AccountGrant[];
}

/** What a write answers: the account and the stream's revision after it. */
export interface AccountWritten {
  id: string;
  revision: number;
}

/** The id of an account: derived from its username, so the store itself refuses a second account of a name. */
export const accountIdOf = (username: string): string => stableId(`account:${username}`);

/** The password made for a reset without one: 20 characters, shown once. */
const generatedPassword = () => randomBytes(15).toString('base64url');

const SEED_ACTOR = { userId: 'seed', role: 'system' };

/**
 * VOORBEELD: the example persons of the people seed (ids derived like PeopleSeeder derives them) that
 * the seeded accounts are linked to. The people seed has no director: the director shows its role.
 */
export const EXAMPLE_PERSONS = { coordinator: stableId('person:voorbeeld-coordinator') } as const;

/**
 * The local accounts as data: commands on the account streams in the platform's event store (so
 * the audit log and the hash chain hold them like every other change), and `auth.accounts`
 * projected from them by a ProjectionRunner, which moves its checkpoint in the same transaction as
 * the rows. A write answers once its events are in the table, so the very next request (in any
 * process: each reads the row) sees the change.
 */
export class Accounts {
  private constructor(
    private readonly store: EventStore,
    private readonly pool: Pool,
    private readonly clock: Clock,
    private readonly dataSource: DataSource,
    private readonly runner: ProjectionRunner,
    private readonly settled: () => Promise<void>,
  ) {}

  static async open(options: {
    store: EventStore;
    pool: Pool;
    databaseUrl: string;
    clock: Clock;
    log: (line: string) => void;
    /** Resolves once this process's remembered principals have heard the changes committed so far. */
    settled?: () => Promise<void>;
  }): Promise<Accounts> {
    await ensureAccountsTable(options.pool);
    const dataSource = await openReadModelDataSource({
      url: options.databaseUrl,
      schema: 'auth',
      entities: [],
      migrations: [],
      poolSize: 2,
    });
    const runner = new ProjectionRunner({
      name: 'accounts',
      store: options.store,
      dataSource,
      projections: [accountsProjection],
      onError: (error) => options.log(`accounts projection interrupted, retrying: ${String(error)}`),
    });
    await runner.start();
    return new Accounts(options.store, options.pool, options.clock, dataSource, runner, options.settled ?? (async () => undefined));
  }

  async close(): Promise<void> {
    await this.runner.stop();
    await this.dataSource.destroy();
  }

  /**
   * The accounts of a fresh start, by the seed: a beheerder, the coordinator and director of the
   * first werkagenda, an auditor, and an actiehouder per action of the first werkagenda. They log
   * in with the shared password until theirs is reset. The coordinator is linked to the example person
   * C. de Vries (voorbeeld), so screens show a name; the others show their role until a beheerder links
   * a person (PATCH personId). Once the beheerder exists (made last), nothing
   * is seeded again: a beheerder may have changed or disabled the others since.
   */
  async seed(actionCodes: readonly string[]): Promise<void> {
    if ((await this.store.readStream(accountStreamOf(accountIdOf('beheerder')), { maxCount: 1 })).length > 0) return;
    const first = FIRST_WERKAGENDA_ID;
    const accounts: { username: string; grants: AccountGrant[]; personId?: string }[] = [
      {
        username: 'coordinator',
        grants: [{ role: 'coordinator', werkagendaId: first, actionCodes: [] }],
        // VOORBEELD: linked to the example person "C. de Vries" of the people seed (people.seed.ts).
        personId: EXAMPLE_PERSONS.coordinator,
      },
      { username: 'director', grants: [{ role: 'director', werkagendaId: first, actionCodes: [] }] },
      { username: 'auditor', grants: [{ role: 'auditor', werkagendaId: '*', actionCodes: [] }] },
      ...actionCodes.map((code) => ({
        username: `actiehouder-${code}`,
        grants: [{ role: 'actiehouder' as const, werkagendaId: first, actionCodes: [code] }],
      })),
      { username: 'beheerder', grants: [{ role: 'beheerder', werkagendaId: '*', actionCodes: [] }] },
    ];
    let position = 0;
    for (const account of accounts) {
      const id = newId();
      const ctx: CommandContext = { actor: SEED_ACTOR, correlationId: id, causationId: id, now: this.clock.now() };
      try {
        const written = await this.run(
          accountIdOf(account.username),
          { type: 'CreateAccount', data: { accountId: accountIdOf(account.username), ...account } },
          ctx,
        );
        position = Math.max(position, written.position);
      } catch (error) {
        if (!(error instanceof IllegalTransition)) throw error; // another process seeded it first
      }
    }
    await this.runner.waitFor(position, 30_000);
  }

  async create(
    ctx: CommandContext,
    account: { username: string; grants: AccountGrant[]; personId?: string | null },
  ): Promise<AccountWritten> {
    const accountId = accountIdOf(account.username);
    const { revision } = await this.run(accountId, { type: 'CreateAccount', data: { accountId, ...account } }, ctx);
    return { id: accountId, revision };
  }

  async change(ctx: CommandContext, accountId: string, change: AccountChange): Promise<AccountWritten> {
    const command: AccountCommand = { type: 'ChangeAccount', data: { accountId, requestedBy: ctx.actor.userId, ...change } };
    const { revision } = await this.run(accountId, command, ctx);
    return { id: accountId, revision };
  }

  /**
   * Sets the account's own password (at least 12 characters), or makes one and returns it (once)
   * when none is given. The event records only that it was reset, by whom, and whether Regie made
   * it; the scrypt hash goes to `auth.credentials` alone, never into the history. The event comes
   * first: a reset that fails after it is an audited reset without effect (the old password keeps
   * working, the beheerder sees the error and resets again), never a credential changed unaudited.
   */
  async resetPassword(ctx: CommandContext, accountId: string, password?: string): Promise<AccountWritten & { password?: string }> {
    const chosen = password ?? generatedPassword();
    const credential = await hashPassword(chosen);
    const command: AccountCommand = { type: 'ResetPassword', data: { accountId, generated: password === undefined } };
    const { revision } = await this.run(accountId, command, ctx);
    await storeCredential(this.pool, accountId, credential, ctx.now);
    return { id: accountId, revision, ...(password === undefined ? { password: chosen } : {}) };
  }

  async list(): Promise<AccountView[]> {
    const { rows } = await this.pool.query<Row>(`${SELECT} ORDER BY a.username`);
    return rows.map(viewOf);
  }

  async get(accountId: string): Promise<AccountView | undefined> {
    const { rows } = await this.pool.query<Row>(`${SELECT} WHERE a.id = $1`, [accountId]);
    return rows[0] ? viewOf(rows[0]) : undefined;
  }

  /** Decides on the stream, appends, and waits until the table holds the events. */
  private async run(accountId: string, command: AccountCommand, ctx: CommandContext) {
    const result = await handleCommand(this.store, accountStreamOf(accountId), accountDecider, command, ctx, ACCOUNT_SCHEMA_VERSIONS);
    if (result.position > 0 && !(await this.runner.waitFor(result.position, 10_000)))
      throw new Error(`the accounts table is behind position ${result.position}`);
    await this.settled(); // this process's next request sees the account as it is now
    return result;
  }
}

/** v2 of PasswordReset holds no credential (account.upcasters.ts reads v1 without it). */
const ACCOUNT_SCHEMA_VERSIONS = { PasswordReset: 2 };

const SELECT = `SELECT a.id, a.username, a.person_id, a.disabled, a.grants, c.account_id IS NOT NULL AS own_password, a.created_at, a.updated_at
  FROM auth.accounts a LEFT JOIN auth.credentials c ON c.account_id = a.id`;

interface Row {
  id: string;
  username: string;
  person_id: string | null;
  disabled: boolean;
  grants: AccountGrant[];
  own_password: boolean;
  created_at: Date | null;
  updated_at: Date | null;
}

const viewOf = (row: Row): AccountView => ({
  id: row.id,
  username: row.username,
  personId: row.person_id,
  disabled: row.disabled,
  grants: row.grants,
  ownPassword: row.own_password,
  createdAt: row.created_at?.toISOString() ?? null,
  updatedAt: row.updated_at?.toISOString() ?? null,
});
