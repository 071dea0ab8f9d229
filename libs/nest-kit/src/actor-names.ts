import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { PersonalDataVault, REDACTED_NAME, type SealedName } from '@regie/es-core';
import type { Grant, Role } from './auth/principal';
import { PLATFORM_POOL } from './tokens';
import { compareCodes } from '@regie/calendar';

/** Where the accounts are (the accounts context) and the directory of persons (the people context). */
export const ACCOUNTS_TABLE = 'auth.accounts';
export const PEOPLE_TABLE = 'directory.people';

/** The platform's own actors (events recorded without a signed-in user), in Dutch words. */
export const SYSTEM_ACTORS: Readonly<Record<string, string>> = {
  seed: 'eerste inrichting',
  scheduler: 'automatische controle',
  'regie-cli': 'beheer via de opdrachtregel',
  system: 'het platform',
  'tk-import': 'import uit de Tweede Kamer',
  'login-throttle': 'beveiliging van het inloggen',
  anoniem: 'niet ingelogd',
};

export const ROLE_WORDS: Readonly<Record<Role, string>> = {
  coordinator: 'coördinator',
  director: 'directeur',
  auditor: 'auditor',
  actiehouder: 'actiehouder',
  beheerder: 'beheerder',
};

/** What an actor is called when nothing is known about the account (never the account id itself). */
export const UNKNOWN_ACTOR = 'onbekende gebruiker';

const dutchList = (items: string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} en ${items[items.length - 1]}`;

/** The code within its werkagenda: a key reads `<werkagendaId>:<code>` for later werkagenda's. */
const codeOf = (key: string): string => key.slice(key.lastIndexOf(':') + 1);

/** "coördinator", "actiehouder actie 2.1", "actiehouder acties 2.1 en 2.2", "coördinator en directeur". */
export function roleText(grants: readonly Pick<Grant, 'role' | 'actionCodes'>[]): string {
  const parts: string[] = [];
  const codes = [...new Set(grants.filter((g) => g.role === 'actiehouder').flatMap((g) => g.actionCodes.map(codeOf)))].sort(compareCodes);
  for (const role of new Set(grants.map((g) => g.role))) {
    const word = ROLE_WORDS[role];
    if (!word) continue;
    if (role === 'actiehouder' && codes.length > 0) parts.push(`${word} ${codes.length === 1 ? 'actie' : 'acties'} ${dutchList(codes)}`);
    else parts.push(word);
  }
  return dutchList(parts);
}

/** An account name of the local accounts (coordinator, director, auditor, beheerder, actiehouder-2.1), read as its role. */
function localAccountText(username: string): string | undefined {
  if (username in ROLE_WORDS) return ROLE_WORDS[username as Role];
  const code = /^actiehouder-(.+)$/.exec(username)?.[1];
  return code ? roleText([{ role: 'actiehouder', actionCodes: [code] }]) : undefined;
}

interface AccountRow {
  username: string;
  grants: Pick<Grant, 'role' | 'actionCodes'>[] | null;
  name: SealedName | null;
  function: string | null;
  forgotten: boolean | null;
}

/**
 * Who did something, in words a reader understands: "C. de Vries, coördinator werkagenda" for an
 * account linked to a person in the directory (the name opened, "[verwijderd]" once forgotten),
 * the account's role for one without ("actiehouder actie 2.1"), and the platform's own actors in
 * Dutch ("eerste inrichting"). Never an account id: history and screens show these instead.
 */
@Injectable()
export class ActorNames {
  constructor(
    @Inject(PLATFORM_POOL) private readonly pool: Pool,
    private readonly vault: PersonalDataVault,
  ) {}

  async describe(userIds: readonly string[]): Promise<Map<string, string>> {
    const ids = [...new Set(userIds)];
    const described = new Map<string, string>();
    const accounts = await this.accounts(ids.filter((id) => !(id in SYSTEM_ACTORS)));
    const names = await this.vault.open(accounts.filter((a) => a.name).map((a) => a.name as SealedName));
    let next = 0;
    const byUser = new Map(accounts.map((a) => [a.username, { ...a, opened: a.name ? names[next++] : undefined }]));
    for (const id of ids) {
      const system = SYSTEM_ACTORS[id];
      if (system) {
        described.set(id, system);
        continue;
      }
      const account = byUser.get(id);
      const role = account?.grants?.length ? roleText(account.grants) : (localAccountText(id) ?? '');
      if (account?.opened !== undefined) {
        const name = account.forgotten ? REDACTED_NAME : account.opened;
        const post = account.function ?? role;
        described.set(id, post ? `${name}, ${post}` : name);
      } else described.set(id, role || UNKNOWN_ACTOR);
    }
    return described;
  }

  /** The account ids (usernames, what events record as their actor) that act for a person of the directory. */
  async accountsOf(personId: string): Promise<string[]> {
    const { rows: exists } = await this.pool.query<{ accounts: string | null }>('SELECT to_regclass($1)::text AS accounts', [
      ACCOUNTS_TABLE,
    ]);
    if (!exists[0].accounts) return [];
    const { rows } = await this.pool.query<{ username: string }>(
      `SELECT username FROM ${ACCOUNTS_TABLE} WHERE person_id = $1 ORDER BY username`,
      [personId],
    );
    return rows.map((r) => r.username);
  }

  /** The accounts with their person, where the tables exist (each is made by its own context). */
  private async accounts(usernames: string[]): Promise<AccountRow[]> {
    if (usernames.length === 0) return [];
    const { rows: exists } = await this.pool.query<{ accounts: string | null; people: string | null }>(
      'SELECT to_regclass($1)::text AS accounts, to_regclass($2)::text AS people',
      [ACCOUNTS_TABLE, PEOPLE_TABLE],
    );
    if (!exists[0].accounts) return [];
    const { rows } = await this.pool.query<AccountRow>(
      exists[0].people
        ? `SELECT a.username, a.grants, p.name, p.function, p.forgotten
             FROM ${ACCOUNTS_TABLE} a LEFT JOIN ${PEOPLE_TABLE} p ON p.id = a.person_id WHERE a.username = ANY($1)`
        : `SELECT a.username, a.grants, NULL::jsonb AS name, NULL AS function, NULL::boolean AS forgotten
             FROM ${ACCOUNTS_TABLE} a WHERE a.username = ANY($1)`,
      [usernames],
    );
    return rows;
  }
}
