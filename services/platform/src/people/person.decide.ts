import { type Decider, IllegalTransition, InvalidInput, NotFound, type SealedName } from '@regie/es-core';
import { evolve, initialState, type PersonDetails, type PersonEvent, type PersonState } from './person';

// Commands
export type RegisterPerson = { type: 'RegisterPerson'; data: { personId: string; registeredAt: string } & PersonDetails };
export type ChangePerson = { type: 'ChangePerson'; data: { personId: string; changedAt: string } & Partial<PersonDetails> };
export type ForgetPerson = { type: 'ForgetPerson'; data: { personId: string; forgottenAt: string } };
export type PersonCommand = RegisterPerson | ChangePerson | ForgetPerson;

/** Sealing is deterministic: the same name under the same key gives the same sealed value. */
const sameName = (a: SealedName, b: SealedName) => a.subject === b.subject && a.ciphertext === b.ciphertext && a.iv === b.iv;

const existing = (state: PersonState, personId: string) => {
  if (!state.exists) throw new NotFound(`persoon ${personId} bestaat niet`);
  return state;
};

export const decide = (command: PersonCommand, state: PersonState): PersonEvent[] => {
  switch (command.type) {
    case 'RegisterPerson': {
      if (state.exists) throw new IllegalTransition(`persoon ${state.personId} bestaat al`);
      return [{ type: 'PersonRegistered', data: command.data }];
    }
    case 'ChangePerson': {
      const person = existing(state, command.data.personId);
      if (person.forgotten) throw new IllegalTransition('de naam van deze persoon is vergeten (AVG); registreer de persoon opnieuw');
      const { personId, changedAt, name, function: fn, organisation } = command.data;
      const changes: Partial<PersonDetails> = {
        ...(name !== undefined && !sameName(name, person.name) ? { name } : {}),
        ...(fn !== undefined && fn !== person.function ? { function: fn } : {}),
        ...(organisation !== undefined && organisation !== person.organisation ? { organisation } : {}),
      };
      if (Object.keys(changes).length === 0) return [];
      return [{ type: 'PersonChanged', data: { personId, changedAt, ...changes } }];
    }
    case 'ForgetPerson': {
      const person = existing(state, command.data.personId);
      if (person.forgotten) return [];
      return [
        {
          type: 'PersonForgotten',
          data: { personId: person.personId, subject: person.name.subject, forgottenAt: command.data.forgottenAt },
        },
      ];
    }
    default: {
      const _exhaustive: never = command;
      throw new InvalidInput('type', `onbekend commando ${(_exhaustive as { type: string }).type}`);
    }
  }
};

export const personDecider: Decider<PersonCommand, PersonEvent, PersonState> = { decide, evolve, initialState };
