import { IllegalTransition, InvalidInput, NotFound } from '@regie/es-core';
import { spec } from '@regie/es-core/testing';
import type { AccountCreated, AccountGrant } from './account';
import { accountDecider, type ChangeAccount, type CreateAccount } from './account.decide';
import { ACCOUNT_UPCASTERS } from './account.upcasters';

const id = '0190a7a0-0000-7000-8000-000000000001';
const coordinatorOfX: AccountGrant = { role: 'coordinator', werkagendaId: 'actieplan-x', actionCodes: [] };
const create: CreateAccount = { type: 'CreateAccount', data: { accountId: id, username: 'j.jansen', grants: [coordinatorOfX] } };
const created: AccountCreated = {
  type: 'AccountCreated',
  data: { accountId: id, username: 'j.jansen', grants: [coordinatorOfX], personId: null },
};
const change = (data: Omit<ChangeAccount['data'], 'accountId' | 'requestedBy'>, requestedBy = 'beheerder'): ChangeAccount => ({
  type: 'ChangeAccount',
  data: { accountId: id, requestedBy, ...data },
});

const given = spec(accountDecider).given;

describe('account', () => {
  it('creates an account with its grants', () => {
    given([]).when(create).then([created]);
  });

  it('refuses a username that is taken', () => {
    given([created]).when(create).thenThrows(IllegalTransition);
  });

  it('refuses a username with capitals, spaces or other signs', () => {
    for (const username of ['J.Jansen', 'j jansen', 'j@jansen', '-jansen', '']) {
      given([])
        .when({ ...create, data: { ...create.data, username } })
        .thenThrows(InvalidInput);
    }
  });

  it('refuses an unknown role, an empty werkagenda, and action codes for another role than actiehouder', () => {
    const bad: AccountGrant[] = [
      { role: 'minister' as AccountGrant['role'], werkagendaId: '*', actionCodes: [] },
      { role: 'coordinator', werkagendaId: ' ', actionCodes: [] },
      { role: 'director', werkagendaId: 'actieplan-x', actionCodes: ['1.1'] },
      { role: 'actiehouder', werkagendaId: 'actieplan-x', actionCodes: [] },
    ];
    for (const grant of bad) {
      given([])
        .when({ ...create, data: { ...create.data, grants: [grant] } })
        .thenThrows(InvalidInput);
    }
  });

  it('changes grants, links a person, disables and enables, each as its own event', () => {
    const actiehouder: AccountGrant = { role: 'actiehouder', werkagendaId: 'actieplan-x', actionCodes: ['1.1'] };
    const person = '0190a7a0-0000-7000-8000-0000000000aa';
    given([created])
      .when(change({ grants: [actiehouder], personId: person, disabled: true }))
      .then([
        { type: 'PersonLinked', data: { accountId: id, personId: person } },
        { type: 'GrantsChanged', data: { accountId: id, grants: [actiehouder] } },
        { type: 'AccountDisabled', data: { accountId: id } },
      ]);
    given([created, { type: 'AccountDisabled', data: { accountId: id } }])
      .when(change({ disabled: false }))
      .then([{ type: 'AccountEnabled', data: { accountId: id } }]);
  });

  it('records nothing when nothing changes', () => {
    given([created])
      .when(change({ grants: [coordinatorOfX], disabled: false, personId: null }))
      .then([]);
  });

  it('refuses to let an account disable itself', () => {
    given([created])
      .when(change({ disabled: true }, 'j.jansen'))
      .thenThrows(IllegalTransition);
  });

  it('records that a password was reset, and whether Regie made it, never a credential', () => {
    given([created])
      .when({ type: 'ResetPassword', data: { accountId: id, generated: true } })
      .then([{ type: 'PasswordReset', data: { accountId: id, generated: true } }]);
    given([created])
      .when({ type: 'ResetPassword', data: { accountId: id, generated: false } })
      .then([{ type: 'PasswordReset', data: { accountId: id, generated: false } }]);
  });

  it('reads a v1 reset (with salt and hash) without them', () => {
    const [upcaster] = ACCOUNT_UPCASTERS;
    expect(upcaster.upcast({ accountId: id, salt: 'c2FsdA==', hash: 'aGFzaA==' })).toEqual({ accountId: id, generated: null });
  });

  it('changes no account that does not exist', () => {
    given([])
      .when(change({ disabled: true }))
      .thenThrows(NotFound);
    given([])
      .when({ type: 'ResetPassword', data: { accountId: id, generated: true } })
      .thenThrows(NotFound);
  });
});
