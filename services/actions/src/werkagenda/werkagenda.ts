import { DomainEvent } from '@regie/es-core';

/** A party to the werkagenda, e.g. `{ code: 'VWS', name: 'ministerie van Volksgezondheid, Welzijn en Sport' }`. */
export type Party = { code: string; name: string };
/** An actielijn, numbered 0–3 in the current werkagenda. */
export type ActionLine = { number: number; title: string };

export type EstablishWerkagendaData = {
  werkagendaId: string;
  title: string;
  /** ISO dates (YYYY-MM-DD), both inclusive. */
  period: { from: string; to: string };
  parties: Party[];
  actionLines: ActionLine[];
};

// Events
export type WerkagendaEstablished = DomainEvent<'WerkagendaEstablished', EstablishWerkagendaData>;
export type WerkagendaEvent = WerkagendaEstablished;

// State
export type WerkagendaState = { established: boolean; werkagendaId?: string };

export const werkagendaStream = (id: string): string => 'werkagenda-' + id;

export const initialState = (): WerkagendaState => ({ established: false });

export const evolve = (state: WerkagendaState, event: WerkagendaEvent): WerkagendaState => {
  switch (event.type) {
    case 'WerkagendaEstablished':
      return { ...state, established: true, werkagendaId: event.data.werkagendaId };
    default: {
      // A one-member union narrows only the switched expression, hence `.type`.
      const _exhaustive: never = event.type;
      return state;
    }
  }
};
