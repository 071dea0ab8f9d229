import type { DomainEvent, SealedName } from '@regie/es-core';

/**
 * A person in the directory: who the people behind the accounts and the action holders are.
 * The display name is personal data and only ever recorded sealed (crypto-shredding); function
 * and organisation describe a post, not a person, and stay readable.
 */
export interface PersonDetails {
  /** "C. de Vries", sealed under the name's data subject. */
  name: SealedName;
  /** "coördinator werkagenda"; null when not given. */
  function: string | null;
  /** A party code ("VWS", "ZN", "VNG") or free text ("Gemeente Utrecht"). */
  organisation: string;
}

// Events
export type PersonRegistered = DomainEvent<'PersonRegistered', { personId: string; registeredAt: string } & PersonDetails>;
/** Only the details that changed. */
export type PersonChanged = DomainEvent<'PersonChanged', { personId: string; changedAt: string } & Partial<PersonDetails>>;
/** The person's name was forgotten (its subject key deleted): the entry stays, its name reads "[verwijderd]". */
export type PersonForgotten = DomainEvent<'PersonForgotten', { personId: string; subject: string; forgottenAt: string }>;
export type PersonEvent = PersonRegistered | PersonChanged | PersonForgotten;

// State
export type PersonState = { exists: false } | ({ exists: true; personId: string; forgotten: boolean } & PersonDetails);

export const personStream = (id: string): string => 'person-' + id;

export const initialState = (): PersonState => ({ exists: false });

export const evolve = (state: PersonState, event: PersonEvent): PersonState => {
  switch (event.type) {
    case 'PersonRegistered': {
      const { personId, name, function: fn, organisation } = event.data;
      return { exists: true, personId, forgotten: false, name, function: fn, organisation };
    }
    case 'PersonChanged': {
      if (!state.exists) return state;
      const { name, function: fn, organisation } = event.data;
      return {
        ...state,
        ...(name !== undefined ? { name } : {}),
        ...(fn !== undefined ? { function: fn } : {}),
        ...(organisation !== undefined ? { organisation } : {}),
      };
    }
    case 'PersonForgotten':
      return state.exists ? { ...state, forgotten: true } : state;
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
};
