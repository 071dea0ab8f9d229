import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import type { Pool } from 'pg';
import { TEST_PASSWORD } from '@regie/test-kit';
import { ALL_WERKAGENDAS, type Grant, LocalAccounts } from '../auth';
import { FIRST_WERKAGENDA_ID, stableId } from '@regie/es-core';

export interface TestAuth {
  accounts: LocalAccounts;
  /** A bearer token for a local account (coordinator, director, auditor, actiehouder-<code>). */
  tokenFor(username: string): Promise<string>;
  /** `Authorization` header value for a local account. */
  bearer(username: string): Promise<string>;
}

/**
 * The grants of a service test's local accounts: a coordinator, director, auditor and beheerder in
 * every werkagenda (a service's own tests work in several; tests of the rights per werkagenda make
 * tokens with the grants they need), and an actiehouder of one action of the first werkagenda. The
 * platform's seed is narrower (services/platform/src/accounts), and the platform's tests use that.
 */
function seededGrants(username: string): Grant[] | undefined {
  const code = /^actiehouder-(.+)$/.exec(username)?.[1];
  if (code) return [{ role: 'actiehouder', werkagendaId: FIRST_WERKAGENDA_ID, actionCodes: [code] }];
  const role = (['coordinator', 'director', 'auditor', 'beheerder'] as const).find((r) => r === username);
  return role ? [{ role, werkagendaId: ALL_WERKAGENDAS, actionCodes: [] }] : undefined;
}

/**
 * Local accounts for a service's tests. A service tested on its own has no accounts module to seed
 * them, so an account with the platform's seeded grants is put in `auth.accounts` the first time a
 * test asks for its token.
 */
export async function testAuth(pool: Pool): Promise<TestAuth> {
  const accounts = await LocalAccounts.open(pool, { password: TEST_PASSWORD, sealingKey: randomBytes(32) });
  const tokenFor = async (username: string) => {
    const grants = seededGrants(username);
    if (grants) {
      await pool.query(
        `INSERT INTO auth.accounts (id, username, disabled, grants, created_at, updated_at) VALUES ($1, $2, false, $3, now(), now())
         ON CONFLICT (username) DO NOTHING`,
        [stableId(`test-account:${username}`), username, JSON.stringify(grants)],
      );
    }
    return (await accounts.issue(username)).accessToken;
  };
  return { accounts, tokenFor, bearer: async (username) => `Bearer ${await tokenFor(username)}` };
}

/**
 * The app's HTTP handler behind a server that adds `Authorization: Bearer <token>` to requests
 * that carry none: service tests act as that account (usually the coordinator) unless they send
 * their own header. Tests of the rights themselves use the app's own server (no default token).
 */
export function signedInAs(app: INestApplication, token: string): Server {
  const handler = app.getHttpAdapter().getInstance() as (req: unknown, res: unknown) => void;
  return createServer((req, res) => {
    if (req.headers.authorization === undefined) req.headers.authorization = `Bearer ${token}`;
    handler(req, res);
  });
}
