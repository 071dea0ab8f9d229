import { IllegalTransition, NotFound, sealWith, type SealedName } from '@regie/es-core';
import { spec } from '@regie/es-core/testing';
import type { PersonChanged, PersonForgotten, PersonRegistered } from './person';
import { type PersonCommand, personDecider } from './person.decide';

const personId = '0195f3c2-8b21-7d5f-8c3b-4e5f60718293';
const key = Buffer.alloc(32, 7);
const sealed = (name: string, subject = 'subject-1'): SealedName => sealWith(key, subject, name);
const name = sealed('C. de Vries');

const registerData = { personId, name, function: 'coördinator werkagenda', organisation: 'VWS', registeredAt: '2026-03-10T09:00:00.000Z' };
const register: PersonCommand = { type: 'RegisterPerson', data: registerData };
const registered: PersonRegistered = { type: 'PersonRegistered', data: registerData };
const change = (data: Partial<Extract<PersonCommand, { type: 'ChangePerson' }>['data']>): PersonCommand => ({
  type: 'ChangePerson',
  data: { personId, changedAt: '2026-03-11T09:00:00.000Z', ...data },
});
const changed = (data: Partial<PersonChanged['data']>): PersonChanged => ({
  type: 'PersonChanged',
  data: { personId, changedAt: '2026-03-11T09:00:00.000Z', ...data },
});
const forget: PersonCommand = { type: 'ForgetPerson', data: { personId, forgottenAt: '2026-03-12T09:00:00.000Z' } };
const forgotten: PersonForgotten = {
  type: 'PersonForgotten',
  data: { personId, subject: 'subject-1', forgottenAt: '2026-03-12T09:00:00.000Z' },
};

const given = spec(personDecider).given;

describe('person in the directory', () => {
  it('registers a person with a sealed name, function and organisation', () => {
    given([]).when(register).then([registered]);
  });

  it('refuses to register the same person twice', () => {
    given([registered]).when(register).thenThrows(IllegalTransition, `persoon ${personId} bestaat al`);
  });

  it.each([
    ['change', change({ organisation: 'ZN' })],
    ['forget', forget],
  ])('refuses to %s a person that does not exist', (_, command) => {
    given([]).when(command).thenThrows(NotFound, `persoon ${personId} bestaat niet`);
  });

  it('records only the details that changed', () => {
    given([registered])
      .when(change({ name: sealed('C. de Vries'), function: 'secretaris regiegroep', organisation: 'VWS' }))
      .then([changed({ function: 'secretaris regiegroep' })]);
  });

  it('records a new name (sealed under its own subject)', () => {
    const other = sealed('C. de Vries-Jansen', 'subject-2');
    given([registered])
      .when(change({ name: other }))
      .then([changed({ name: other })]);
  });

  it('records nothing when nothing changed', () => {
    given([registered])
      .when(change({ organisation: 'VWS', function: 'coördinator werkagenda' }))
      .then([]);
  });

  it('keeps the state up to date with every change', () => {
    given([registered, changed({ organisation: 'VNG' })])
      .when(change({ function: null }))
      .thenState((state) => expect(state).toMatchObject({ exists: true, organisation: 'VNG', function: null, forgotten: false }));
  });

  it('forgets a person once, naming the subject whose key is deleted', () => {
    given([registered]).when(forget).then([forgotten]);
    given([registered, forgotten]).when(forget).then([]);
  });

  it('refuses to change a forgotten person', () => {
    given([registered, forgotten])
      .when(change({ organisation: 'ZN' }))
      .thenThrows(IllegalTransition, /vergeten/);
  });
});
