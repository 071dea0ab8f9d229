import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import type { Pool } from 'pg';
import { TEST_PASSWORD } from '@regie/test-kit';
import { LocalAccounts } from '../auth';

export interface TestAuth {
  accounts: LocalAccounts;
  /** A bearer token for a local account (coordinator, director, auditor, actiehouder-<code>). */
  tokenFor(username: string): Promise<string>;
  /** `Authorization` header value for a local account. */
  bearer(username: string): Promise<string>;
}

export async function testAuth(pool: Pool): Promise<TestAuth> {
  const accounts = await LocalAccounts.open(pool, { password: TEST_PASSWORD, sealingKey: randomBytes(32) });
  const tokenFor = async (username: string) => (await accounts.issue(username)).accessToken;
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
