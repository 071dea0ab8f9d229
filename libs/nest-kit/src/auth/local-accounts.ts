import { Logger } from '@nestjs/common';
import { createHash, randomBytes, randomUUID, scrypt as scryptCallback, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { jwtVerify, SignJWT } from 'jose';
import type { Pool } from 'pg';
import { type PersonalDataVault, REDACTED_NAME, type SealedName } from '@regie/es-core';
import { roleText } from '../actor-names';
import { type AccountRow, accountByUsername, ensureAccountsTable } from './accounts-table';
import { InvalidToken, type Principal, principalFromClaims, principalOf, type Role, TokenVerifier } from './principal';
import { KnownPrincipals } from './known-principals';
import { createOnce } from './schema';
import { SigningKeys } from './signing-keys';
import { validUntilMs, VerifiedTokens } from './verified-tokens';

const scrypt = promisify(scryptCallback) as (password: string, salt: Buffer, length: number) => Promise<Buffer>;

const ISSUER = 'regie-local';
const AUDIENCE = 'regie';
const ALGORITHM = 'ES256';
/** A working day: see docs/security.md for why there is no refresh token. */
export const DEFAULT_TOKEN_LIFETIME_SECONDS = 8 * 3600;
const DEFAULT_KEY_ROTATION_SECONDS = 30 * 86_400;

export interface LocalAccountsOptions {
  /** `REGIE_LOCAL_PASSWORD`: the password of every account without one of its own. Without it one is generated once and stored hashed. */
  password?: string;
  tokenLifetimeSeconds?: number;
  /** 32 bytes, derived from the master key, that seal the signing keys in the database. */
  sealingKey: Buffer;
  /** How long a signing key signs before a new one takes over (old tokens keep verifying until they expire). */
  keyRotationSeconds?: number;
  /** Where the generated password is printed, once. */
  log?: (line: string) => void;
  /** Opens the names of the persons accounts are linked to; without it every account is named by its role. */
  vault?: NameOpener;
  /**
   * Remember each account's principal in this process until its rows change (KnownPrincipals:
   * LISTEN/NOTIFY), instead of reading them on every request. Needs `close()`.
   */
  rememberPrincipals?: boolean;
}

export interface LoginResult {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  roles: Role[];
}

export class InvalidCredentials extends Error {}

/**
 * What a local account is called on screens (`/auth/me`, the portal's header, the token's `name`):
 * the linked person's name from the directory, opened with the vault; without one (or once the
 * person is forgotten) its role in Dutch: "Coördinator", "Actiehouder actie 2.1"; only an account
 * without any grant shows its username.
 */
async function nameOf(pool: Pool, vault: NameOpener | undefined, account: AccountRow): Promise<string> {
  if (account.person_id && vault) {
    const { rows } = await pool
      .query<{ name: SealedName; forgotten: boolean }>('SELECT name, forgotten FROM directory.people WHERE id = $1', [account.person_id])
      .catch((error: { code?: string }) => {
        if (error.code === '42P01') return { rows: [] }; // no directory (yet): the people context makes it
        throw error;
      });
    if (rows[0] && !rows[0].forgotten) {
      const [opened] = await vault.open([rows[0].name]);
      if (opened && opened !== REDACTED_NAME) return opened;
    }
  }
  const role = roleText(account.grants);
  return role ? role.charAt(0).toUpperCase() + role.slice(1) : account.username;
}

/** The part of the personal data vault that opens names. */
export type NameOpener = Pick<PersonalDataVault, 'open'>;

/** A password as the accounts store it: scrypt with a fresh salt; the password itself is never kept. */
export async function hashPassword(password: string): Promise<{ salt: Buffer; hash: Buffer }> {
  const salt = randomBytes(16);
  return { salt, hash: await scrypt(password, salt, 32) };
}

/**
 * The local accounts of the embedded default, as data: the rows of `auth.accounts`, projected from
 * each account's event stream (the platform's accounts module: created, granted, disabled, password
 * reset, all with their actor), with the own passwords of `auth.credentials`, which are never in an
 * event. An account without a password of its own logs in with the shared one. Tokens are ES256 JWTs signed with sealed keys kept in the platform database (SigningKeys),
 * so every process of the platform (also in the distributed shape) verifies them.
 * A token must carry `exp`, `iat` and `jti`, and names an account that exists and is enabled now;
 * its rights are the account's grants as they are now (one indexed read per request), not as
 * written in the token.
 * Never used in production mode (config refuses it): there an OIDC provider issues the tokens.
 */
export class LocalAccounts extends TokenVerifier {
  /** The username of each token whose signature and claims were checked, until it expires. */
  private readonly verified = new VerifiedTokens<string>();

  private constructor(
    private readonly pool: Pool,
    readonly keys: SigningKeys,
    private readonly sharedPasswordCheck: (password: string) => Promise<boolean>,
    private readonly options: LocalAccountsOptions,
    private readonly known?: KnownPrincipals,
  ) {
    super();
  }

  static async open(pool: Pool, options: LocalAccountsOptions): Promise<LocalAccounts> {
    await createOnce(pool, 'CREATE SCHEMA IF NOT EXISTS auth');
    await createOnce(
      pool,
      `CREATE TABLE IF NOT EXISTS auth.local_settings (
        id int PRIMARY KEY CHECK (id = 1),
        password_salt bytea,
        password_hash bytea,
        created_at timestamptz NOT NULL DEFAULT now()
      )`,
    );
    await ensureAccountsTable(pool);
    await dropPlainKeys(pool);
    await pool.query('INSERT INTO auth.local_settings (id) VALUES (1) ON CONFLICT (id) DO NOTHING');
    let settings = (await readSettings(pool)) as Settings;
    const lifetime = options.tokenLifetimeSeconds ?? DEFAULT_TOKEN_LIFETIME_SECONDS;
    const keys = await SigningKeys.open(pool, {
      sealingKey: options.sealingKey,
      rotateAfterSeconds: options.keyRotationSeconds ?? DEFAULT_KEY_ROTATION_SECONDS,
      tokenLifetimeSeconds: Math.max(lifetime, DEFAULT_TOKEN_LIFETIME_SECONDS),
    });
    let passwordCheck: (password: string) => Promise<boolean>;
    if (options.password !== undefined) {
      const expected = digest(options.password);
      passwordCheck = async (password) => timingSafeEqual(digest(password), expected);
    } else {
      if (!settings.password_hash) {
        // No password stored yet (a first start, or earlier starts had REGIE_LOCAL_PASSWORD): generate one.
        const fresh = randomBytes(12).toString('base64url');
        const salt = randomBytes(16);
        const stored = await pool.query(
          'UPDATE auth.local_settings SET password_salt = $1, password_hash = $2 WHERE id = 1 AND password_hash IS NULL',
          [salt, await scrypt(fresh, salt, 32)],
        );
        if (stored.rowCount === 1) announce(options, fresh);
        settings = (await readSettings(pool)) as Settings;
      }
      const [storedSalt, storedHash] = [settings.password_salt as Buffer, settings.password_hash as Buffer];
      passwordCheck = async (password) => timingSafeEqual(await scrypt(password, storedSalt, 32), storedHash);
    }
    const known = options.rememberPrincipals ? await KnownPrincipals.open(pool) : undefined;
    return new LocalAccounts(pool, keys, passwordCheck, options, known);
  }

  /** Resolves once this process has heard every change of the accounts committed before (see KnownPrincipals.settled). */
  async settled(): Promise<void> {
    await this.known?.settled();
  }

  /** Stops listening for changes of the accounts (only with `rememberPrincipals`). */
  async close(): Promise<void> {
    await this.known?.close();
  }

  /** The usernames that can log in now, for the README and the start-up banner. */
  async usernames(): Promise<string[]> {
    const { rows } = await this.pool.query<{ username: string }>('SELECT username FROM auth.accounts WHERE NOT disabled ORDER BY username');
    return rows.map((r) => r.username);
  }

  async login(username: string, password: string): Promise<LoginResult> {
    const account = await accountByUsername(this.pool, username.trim());
    const passwordOk = await this.passwordMatches(account, password);
    if (!account || account.disabled || !passwordOk) throw new InvalidCredentials('Onbekende gebruikersnaam of onjuist wachtwoord.');
    return this.sign(account);
  }

  /** Whether a local account of this name exists now (enabled or not). */
  async exists(username: string): Promise<boolean> {
    return (await accountByUsername(this.pool, username)) !== undefined;
  }

  /** A token for an enabled local account without its password: for the platform's own tools and tests. */
  async issue(username: string, lifetimeSeconds = this.lifetime()): Promise<LoginResult> {
    const account = await accountByUsername(this.pool, username);
    if (!account || account.disabled) throw new InvalidCredentials(`Geen bruikbaar lokaal account "${username}".`);
    return this.sign(account, lifetimeSeconds);
  }

  private async sign(account: AccountRow, lifetimeSeconds = this.lifetime()): Promise<LoginResult> {
    const principal = principalOf(account.username, await nameOf(this.pool, this.options.vault, account), account.grants);
    const key = await this.keys.current();
    const expiresIn = lifetimeSeconds;
    const accessToken = await new SignJWT({
      name: principal.name,
      roles: principal.roles,
      regie_actions: principal.actionCodes,
      preferred_username: account.username,
    })
      .setProtectedHeader({ alg: ALGORITHM, kid: key.kid })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setSubject(account.username)
      .setJti(randomUUID())
      .setIssuedAt()
      .setExpirationTime(`${expiresIn}s`)
      .sign(key.privateKey);
    return { accessToken, tokenType: 'Bearer', expiresIn, roles: principal.roles };
  }

  async verify(token: string): Promise<Principal> {
    try {
      const username = this.verified.get(token) ?? (await this.verifySignature(token));
      return this.known?.get(username) ?? (await this.principalNow(username));
    } catch (error) {
      if (error instanceof InvalidToken) throw error;
      throw new InvalidToken((error as Error).message);
    }
  }

  /**
   * The account as it is now: an indexed read (and the person's name), so a disabled account or a
   * changed grant counts from the next request on, in every process; remembered until its rows
   * change when `rememberPrincipals` is set.
   */
  private async principalNow(username: string): Promise<Principal> {
    const readSince = this.known?.since() ?? 0;
    const account = await accountByUsername(this.pool, username);
    if (!account) throw new InvalidToken(`het account "${username}" bestaat niet (meer)`);
    if (account.disabled) throw new InvalidToken(`het account "${username}" is uitgeschakeld`);
    const principal = principalOf(
      username,
      await nameOf(this.pool, this.options.vault, account),
      account.grants,
      account.person_id ?? undefined,
    );
    await this.known?.remember(principal, readSince);
    return principal;
  }

  /** The signature and claims of a token not seen before (or no longer remembered); remembered until it expires. */
  private async verifySignature(token: string): Promise<string> {
    const maxTokenAge = Math.max(this.lifetime(), DEFAULT_TOKEN_LIFETIME_SECONDS);
    const { payload } = await jwtVerify(
      token,
      async (header) => {
        const key = await this.keys.publicKey(header.kid);
        if (!key) throw new InvalidToken('het token is niet met een sleutel van Regie ondertekend (kid)');
        return key;
      },
      { issuer: ISSUER, audience: AUDIENCE, algorithms: [ALGORITHM], requiredClaims: ['exp', 'iat', 'jti', 'sub'], maxTokenAge },
    );
    const { username } = principalFromClaims(payload);
    this.verified.set(token, username, validUntilMs(payload, maxTokenAge));
    return username;
  }

  private lifetime(): number {
    return this.options.tokenLifetimeSeconds ?? DEFAULT_TOKEN_LIFETIME_SECONDS;
  }

  /** The account's own password if it has one, else the shared one; costs the same for an unknown name. */
  private async passwordMatches(account: AccountRow | undefined, password: string): Promise<boolean> {
    if (account?.password_salt && account.password_hash) {
      const computed = await scrypt(password, account.password_salt, account.password_hash.length);
      return timingSafeEqual(computed, account.password_hash);
    }
    return this.sharedPasswordCheck(password);
  }
}

interface Settings {
  password_salt: Buffer | null;
  password_hash: Buffer | null;
}

const readSettings = async (pool: Pool): Promise<Settings | undefined> =>
  (await pool.query<Settings>('SELECT password_salt, password_hash FROM auth.local_settings WHERE id = 1')).rows[0];

/**
 * Databases made before the keys were sealed hold a signing key in plain text: drop it, and
 * rewrite the table so the dropped value does not linger in its pages. Tokens it signed carry no
 * `kid` or `jti` and are refused anyway.
 */
async function dropPlainKeys(pool: Pool): Promise<void> {
  const { rowCount } = await pool.query(
    `SELECT 1 FROM information_schema.columns WHERE table_schema = 'auth' AND table_name = 'local_settings' AND column_name = 'private_jwk'`,
  );
  if (!rowCount) return;
  await pool.query('ALTER TABLE auth.local_settings DROP COLUMN IF EXISTS private_jwk, DROP COLUMN IF EXISTS public_jwk');
  await pool.query('VACUUM (FULL) auth.local_settings').catch(() => undefined);
}

const digest = (value: string) => createHash('sha256').update(value).digest();

function announce(options: LocalAccountsOptions, password: string): void {
  (options.log ?? ((line: string) => new Logger('local-accounts').log(line)))(
    `Lokale accounts (beheerder, coordinator, director, auditor, actiehouder-<code>): wachtwoord ${password}\n` +
      '  Dit wordt maar één keer getoond. Zet REGIE_LOCAL_PASSWORD om zelf een wachtwoord te kiezen.',
  );
}
