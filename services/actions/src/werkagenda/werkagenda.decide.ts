import { Decider, IllegalTransition, InvalidInput } from '@regie/es-core';
import { EstablishWerkagendaData, WerkagendaEvent, WerkagendaState, evolve, initialState } from './werkagenda';

// Commands
export type EstablishWerkagenda = { type: 'EstablishWerkagenda'; data: EstablishWerkagendaData };
export type WerkagendaCommand = EstablishWerkagenda;

export const decide = (command: WerkagendaCommand, state: WerkagendaState): WerkagendaEvent[] => {
  switch (command.type) {
    case 'EstablishWerkagenda': {
      if (state.established) throw new IllegalTransition('de werkagenda is al vastgesteld');
      const { from, to } = command.data.period;
      if (from > to) throw new InvalidInput('period.to', 'het einde van de periode ligt vóór het begin');
      return [{ type: 'WerkagendaEstablished', data: command.data }];
    }
    default: {
      const _exhaustive: never = command.type;
      throw new InvalidInput('type', `onbekend commando ${String(_exhaustive)}`);
    }
  }
};

export const werkagendaDecider: Decider<WerkagendaCommand, WerkagendaEvent, WerkagendaState> = {
  decide,
  evolve,
  initialState,
};
