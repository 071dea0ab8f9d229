import { type Decider, IllegalTransition, InvalidInput, NotFound } from '@regie/es-core';
import { ACCOUNT_ROLES, type AccountEvent, type AccountGrant, type AccountState, evolve, initialState } from './account';

// Commands
export type CreateAccount = {
  type: 'CreateAccount';
  data: { accountId: string; username: string; grants: AccountGrant[]; personId?: string | null };
};
/** Only the fields given change; `requestedBy` is the username of who asks (an account cannot disable itself). */
export type ChangeAccount = {
  type: 'ChangeAccount';
  data: { accountId: string; requestedBy: string; personId?: string | null; disabled?: boolean; grants?: AccountGrant[] };
};
/** Records only that the password was reset: the credential itself is stored outside the events (see Accounts.resetPassword). */
export type ResetPassword = { type: 'ResetPassword'; data: { accountId: string; generated: boolean } };
export type AccountCommand = CreateAccount | ChangeAccount | ResetPassword;

/** Lower-case letters, digits, `-` and `.`; starting with a letter or digit. */
export const USERNAME = /^[a-z0-9][a-z0-9.-]{0,99}$/;

/** The rules a grant keeps, whoever made it: a known role, a werkagenda (or `*`), action codes only for an actiehouder. */
export function checkGrants(grants: AccountGrant[]): void {
  grants.forEach((grant, i) => {
    if (!(ACCOUNT_ROLES as readonly string[]).includes(grant.role))
      throw new InvalidInput(`grants.${i}.role`, `onbekende rol "${grant.role}"; kies uit ${ACCOUNT_ROLES.join(', ')}`);
    if (typeof grant.werkagendaId !== 'string' || grant.werkagendaId.trim().length === 0)
      throw new InvalidInput(`grants.${i}.werkagendaId`, 'vul een werkagenda in, of * voor alle werkagenda’s');
    if (grant.role !== 'actiehouder' && grant.actionCodes.length > 0)
      throw new InvalidInput(`grants.${i}.actionCodes`, 'acties horen alleen bij de rol actiehouder');
    if (grant.role === 'actiehouder' && grant.actionCodes.length === 0)
      throw new InvalidInput(`grants.${i}.actionCodes`, 'noem de acties van deze actiehouder');
  });
}

const sameGrants = (a: AccountGrant[], b: AccountGrant[]) => JSON.stringify(a) === JSON.stringify(b);

const existing = (state: AccountState, accountId: string): AccountState => {
  if (!state.exists) throw new NotFound(`account ${accountId} bestaat niet`);
  return state;
};

export const decide = (command: AccountCommand, state: AccountState): AccountEvent[] => {
  switch (command.type) {
    case 'CreateAccount': {
      const { accountId, username, grants } = command.data;
      if (!USERNAME.test(username))
        throw new InvalidInput('username', 'gebruik alleen kleine letters, cijfers, - en . (begin met een letter of cijfer)');
      checkGrants(grants);
      if (state.exists) throw new IllegalTransition(`de gebruikersnaam "${username}" is al in gebruik`);
      return [{ type: 'AccountCreated', data: { accountId, username, grants, personId: command.data.personId ?? null } }];
    }
    case 'ChangeAccount': {
      const { accountId, requestedBy, personId, disabled, grants } = command.data;
      const account = existing(state, accountId);
      const events: AccountEvent[] = [];
      if (personId !== undefined && personId !== account.personId) events.push({ type: 'PersonLinked', data: { accountId, personId } });
      if (grants !== undefined) {
        checkGrants(grants);
        if (!sameGrants(grants, account.grants)) events.push({ type: 'GrantsChanged', data: { accountId, grants } });
      }
      if (disabled === true && !account.disabled) {
        if (requestedBy === account.username) throw new IllegalTransition('u kunt uw eigen account niet uitschakelen');
        events.push({ type: 'AccountDisabled', data: { accountId } });
      }
      if (disabled === false && account.disabled) events.push({ type: 'AccountEnabled', data: { accountId } });
      return events;
    }
    case 'ResetPassword': {
      const { accountId, generated } = command.data;
      existing(state, accountId);
      return [{ type: 'PasswordReset', data: { accountId, generated } }];
    }
    default: {
      const _exhaustive: never = command;
      return [];
    }
  }
};

export const accountDecider: Decider<AccountCommand, AccountEvent, AccountState> = { decide, evolve, initialState };
