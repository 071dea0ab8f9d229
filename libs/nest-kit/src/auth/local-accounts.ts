import { createHash, randomBytes, scrypt as scryptCallback, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { exportJWK, generateKeyPair, importJWK, type JWK, jwtVerify, SignJWT } from 'jose';
import type { Pool } from 'pg';
import { InvalidToken, type Principal, principalFromClaims, type Role, TokenVerifier } from './principal';

const scrypt = promisify(scryptCallback) as (password: string, salt: Buffer, length: number) => Promise<Buffer>;

const ISSUER = 'regie-local';
const AUDIENCE = 'regie';
const ALGORITHM = 'ES256';

type Key = Awaited<ReturnType<typeof importJWK>>;

export interface LocalAccountsOptions {
  /** `REGIE_LOCAL_PASSWORD`: every local account's password. Without it one is generated once and stored hashed. */
  password?: string;
  /** The actions whose actiehouder may log in (`actiehouder-<code>`); without it any code of the form 2.1 is accepted. */
  actionCodes?: readonly string[];
  tokenLifetimeSeconds?: number;
  /** Where the generated password is printed, once. */
  log?: (line: string) => void;
}

export interface LoginResult {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  roles: Role[];
}

export class InvalidCredentials extends Error {}

const FIXED: Record<string, { name: string; role: Role }> = {
  coordinator: { name: 'Coördinator (lokaal account)', role: 'coordinator' },
  director: { name: 'Directeur (lokaal account)', role: 'director' },
  auditor: { name: 'Auditor (lokaal account)', role: 'auditor' },
};

/**
 * The local accounts of the embedded default: one per role and one actiehouder per action, one
 * shared password. Tokens are ES256 JWTs signed with a key pair kept in the platform database, so
 * every process of the platform (also in the distributed shape) verifies them with the same key.
 * Never used in production mode (config refuses it): there an OIDC provider issues the tokens.
 */
export class LocalAccounts extends TokenVerifier {
  private constructor(
    private readonly privateKey: Key,
    private readonly publicKey: Key,
    private readonly passwordCheck: (password: string) => Promise<boolean>,
    private readonly options: LocalAccountsOptions,
  ) {
    super();
  }

  static async open(pool: Pool, options: LocalAccountsOptions = {}): Promise<LocalAccounts> {
    await createOnce(pool, 'CREATE SCHEMA IF NOT EXISTS auth');
    await createOnce(
      pool,
      `CREATE TABLE IF NOT EXISTS auth.local_settings (
        id int PRIMARY KEY CHECK (id = 1),
        private_jwk jsonb NOT NULL,
        public_jwk jsonb NOT NULL,
        password_salt bytea,
        password_hash bytea,
        created_at timestamptz NOT NULL DEFAULT now()
      )`,
    );
    let settings = await readSettings(pool);
    if (!settings) {
      // First start: one key pair for every process (two starting at once: the first insert wins).
      const { privateKey, publicKey } = await generateKeyPair(ALGORITHM, { extractable: true });
      await pool.query('INSERT INTO auth.local_settings (id, private_jwk, public_jwk) VALUES (1, $1, $2) ON CONFLICT (id) DO NOTHING', [
        await exportJWK(privateKey),
        await exportJWK(publicKey),
      ]);
      settings = (await readSettings(pool)) as Settings;
    }
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
    return new LocalAccounts(
      await importJWK(settings.private_jwk, ALGORITHM),
      await importJWK(settings.public_jwk, ALGORITHM),
      passwordCheck,
      options,
    );
  }

  /** The usernames that can log in, for the README and the start-up banner. */
  usernames(): string[] {
    return [...Object.keys(FIXED), ...(this.options.actionCodes ?? []).map((code) => `actiehouder-${code}`)];
  }

  async login(username: string, password: string): Promise<LoginResult> {
    const account = this.account(username);
    const passwordOk = await this.passwordCheck(password);
    if (!account || !passwordOk) throw new InvalidCredentials('Onbekende gebruikersnaam of onjuist wachtwoord.');
    return this.issue(username);
  }

  /** A token for a local account without its password: for the platform's own tools and tests. */
  async issue(username: string): Promise<LoginResult> {
    const account = this.account(username);
    if (!account) throw new InvalidCredentials(`Geen lokaal account "${username}".`);
    const expiresIn = this.options.tokenLifetimeSeconds ?? 8 * 3600;
    const accessToken = await new SignJWT({
      name: account.name,
      roles: account.roles,
      regie_actions: account.actionCodes,
      preferred_username: username,
    })
      .setProtectedHeader({ alg: ALGORITHM })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setSubject(username)
      .setIssuedAt()
      .setExpirationTime(`${expiresIn}s`)
      .sign(this.privateKey);
    return { accessToken, tokenType: 'Bearer', expiresIn, roles: account.roles };
  }

  async verify(token: string): Promise<Principal> {
    try {
      const { payload } = await jwtVerify(token, this.publicKey, { issuer: ISSUER, audience: AUDIENCE, algorithms: [ALGORITHM] });
      return principalFromClaims(payload);
    } catch (error) {
      if (error instanceof InvalidToken) throw error;
      throw new InvalidToken((error as Error).message);
    }
  }

  private account(username: string): Omit<Principal, 'username'> | undefined {
    const fixed = FIXED[username];
    if (fixed) return { name: fixed.name, roles: [fixed.role], actionCodes: [] };
    const code = /^actiehouder-(\d+(?:\.\d+)*)$/.exec(username)?.[1];
    if (!code || (this.options.actionCodes && !this.options.actionCodes.includes(code))) return undefined;
    return { name: `Actiehouder actie ${code} (lokaal account)`, roles: ['actiehouder'], actionCodes: [code] };
  }
}

interface Settings {
  private_jwk: JWK;
  public_jwk: JWK;
  password_salt: Buffer | null;
  password_hash: Buffer | null;
}

const readSettings = async (pool: Pool): Promise<Settings | undefined> =>
  (await pool.query<Settings>('SELECT private_jwk, public_jwk, password_salt, password_hash FROM auth.local_settings WHERE id = 1'))
    .rows[0];

const digest = (value: string) => createHash('sha256').update(value).digest();

function announce(options: LocalAccountsOptions, password: string): void {
  (options.log ?? console.log)(
    `Lokale accounts (coordinator, director, auditor, actiehouder-<code>): wachtwoord ${password}\n` +
      '  Dit wordt maar één keer getoond. Zet REGIE_LOCAL_PASSWORD om zelf een wachtwoord te kiezen.',
  );
}

/** Two processes creating the schema at once: one wins, the other's "already exists" is harmless. */
async function createOnce(pool: Pool, ddl: string): Promise<void> {
  await pool.query(ddl).catch((error: { code?: string }) => {
    if (error.code !== '23505' && error.code !== '42P07' && error.code !== '42P06') throw error;
  });
}
