import { IllegalTransition, InvalidInput } from '@regie/es-core';
import { spec } from '@regie/es-core/testing';
import { WerkagendaEstablished, initialState, werkagendaStream } from './werkagenda';
import { EstablishWerkagenda, decide, werkagendaDecider } from './werkagenda.decide';

const data: EstablishWerkagenda['data'] = {
  werkagendaId: 'betekenisvol-leven-2025-2028',
  title: 'Een betekenisvol leven met een langdurige psychische aandoening',
  period: { from: '2025-01-01', to: '2028-12-31' },
  parties: [
    { code: 'VWS', name: 'ministerie van Volksgezondheid, Welzijn en Sport' },
    { code: 'ZN', name: 'Zorgverzekeraars Nederland' },
  ],
  actionLines: [
    { number: 0, title: 'Regie en samenwerking' },
    { number: 1, title: 'Wonen' },
  ],
};
const establish: EstablishWerkagenda = { type: 'EstablishWerkagenda', data };
const established: WerkagendaEstablished = { type: 'WerkagendaEstablished', data };

const given = spec(werkagendaDecider).given;

describe('werkagenda', () => {
  it('establishes a werkagenda with its period, parties and action lines', () => {
    given([]).when(establish).then([established]);
  });

  it('remembers that the werkagenda is established', () => {
    given([])
      .when(establish)
      .thenState((state) => expect(state).toEqual({ established: true, werkagendaId: 'betekenisvol-leven-2025-2028' }));
  });

  it('refuses to establish the same werkagenda twice', () => {
    given([established]).when(establish).thenThrows(IllegalTransition, 'de werkagenda is al vastgesteld');
  });

  it('refuses a period that ends before it starts, pointing at period.to', () => {
    const backwards: EstablishWerkagenda = { ...establish, data: { ...data, period: { from: '2028-12-31', to: '2025-01-01' } } };
    given([]).when(backwards).thenThrows(InvalidInput);
    expect(() => decide(backwards, initialState())).toThrow(expect.objectContaining({ field: 'period.to' }));
  });

  it('accepts a period of a single day', () => {
    const oneDay = { ...data, period: { from: '2025-03-11', to: '2025-03-11' } };
    given([])
      .when({ type: 'EstablishWerkagenda', data: oneDay })
      .then([{ type: 'WerkagendaEstablished', data: oneDay }]);
  });

  it('names its stream after the werkagenda id', () => {
    expect(werkagendaStream('betekenisvol-leven-2025-2028')).toBe('werkagenda-betekenisvol-leven-2025-2028');
  });
});
