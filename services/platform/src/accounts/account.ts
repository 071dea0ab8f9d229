import type { DomainEvent } from '@regie/es-core';
import type { Role } from '@regie/nest-kit';

/**
 * A local account of the embedded default, as an event stream (`account-<id>`): who may log in,
 * with which rights in which werkagenda, and every change with its actor in the audit trail.
 * The id is derived from the username (stableId), so a username is taken exactly when its stream
 * exists: the store's append refuses a second account of the same name, in every process.
 */
export const ACCOUNT_ROLES = ['coordinator', 'director', 'auditor', 'actiehouder', 'beheerder'] as const satisfies readonly Role[];
export type AccountRole = (typeof ACCOUNT_ROLES)[number];

/** A right in one werkagenda (or in all, `*`); action codes only for an actiehouder. */
export interface AccountGrant {
  role: AccountRole;
  werkagendaId: string;
  actionCodes: string[];
}

// Events
export type AccountCreated = DomainEvent<
  'AccountCreated',
  { accountId: string; username: string; grants: AccountGrant[]; personId: string | null }
>;
export type GrantsChanged = DomainEvent<'GrantsChanged', { accountId: string; grants: AccountGrant[] }>;
export type AccountDisabled = DomainEvent<'AccountDisabled', { accountId: string }>;
export type AccountEnabled = DomainEvent<'AccountEnabled', { accountId: string }>;
/**
 * The account has a password of its own from now on: who set it is the event's actor; `generated`
 * says whether Regie made it (answered once) or the beheerder chose it (null: recorded before v2,
 * not known). No credential ever: the hash lives in `auth.credentials` only (docs/security.md).
 * v1 carried the scrypt salt and hash; the upcaster (account.upcasters.ts) drops them when read.
 */
export type PasswordReset = DomainEvent<'PasswordReset', { accountId: string; generated: boolean | null }>;
/** The person in the directory this account belongs to; null unlinks. */
export type PersonLinked = DomainEvent<'PersonLinked', { accountId: string; personId: string | null }>;
export type AccountEvent = AccountCreated | GrantsChanged | AccountDisabled | AccountEnabled | PasswordReset | PersonLinked;

export const ACCOUNT_EVENT_TYPES: readonly AccountEvent['type'][] = [
  'AccountCreated',
  'GrantsChanged',
  'AccountDisabled',
  'AccountEnabled',
  'PasswordReset',
  'PersonLinked',
];

// State
export interface AccountState {
  exists: boolean;
  accountId?: string;
  username?: string;
  personId: string | null;
  disabled: boolean;
  grants: AccountGrant[];
  ownPassword: boolean;
}

/** Not `accountStream` of login-lockout.ts: that one is named by username and holds only lockouts. */
export const accountStreamOf = (id: string): string => `account-${id}`;

export const initialState = (): AccountState => ({ exists: false, personId: null, disabled: false, grants: [], ownPassword: false });

export const evolve = (state: AccountState, event: AccountEvent): AccountState => {
  switch (event.type) {
    case 'AccountCreated': {
      const { accountId, username, grants, personId } = event.data;
      return { ...state, exists: true, accountId, username, grants, personId };
    }
    case 'GrantsChanged':
      return { ...state, grants: event.data.grants };
    case 'AccountDisabled':
      return { ...state, disabled: true };
    case 'AccountEnabled':
      return { ...state, disabled: false };
    case 'PasswordReset':
      return { ...state, ownPassword: true };
    case 'PersonLinked':
      return { ...state, personId: event.data.personId };
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
};
