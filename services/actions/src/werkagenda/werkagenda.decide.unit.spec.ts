import { IllegalTransition, InvalidInput, NotFound } from '@regie/es-core';
import { spec } from '@regie/es-core/testing';
import { Party, WerkagendaArchived, WerkagendaEstablished, initialState, werkagendaStream } from './werkagenda';
import { EstablishWerkagenda, decide, werkagendaDecider } from './werkagenda.decide';

const W = 'betekenisvol-leven-2025-2028';
const party = (code: string, name: string, role: Party['role'] = 'partner'): Party => ({
  code,
  name,
  role,
  memberFrom: '2025-01-01',
  memberTo: null,
  bestuurlijkeAfspraken: { participates: true, since: null, sinceText: null, note: null },
});
const vws = party('VWS', 'ministerie van Volksgezondheid, Welzijn en Sport', 'penvoerder');
const vng = party('VNG', 'Vereniging Nederlandse Gemeenten');
const data: EstablishWerkagenda['data'] = {
  werkagendaId: W,
  title: 'Een betekenisvol leven met een langdurige psychische aandoening',
  period: { from: '2025-01-01', to: '2028-12-31' },
  parties: [vws, vng],
  actionLines: [
    { number: 0, title: 'Regie en samenwerking' },
    { number: 1, title: 'Wonen' },
  ],
};
const establish: EstablishWerkagenda = { type: 'EstablishWerkagenda', data };
const established: WerkagendaEstablished = { type: 'WerkagendaEstablished', data };
const archived: WerkagendaArchived = { type: 'WerkagendaArchived', data: { werkagendaId: W, reason: 'looptijd voorbij' } };

const given = spec(werkagendaDecider).given;

describe('werkagenda', () => {
  it('establishes a werkagenda with its period, parties (role, membership, bestuurlijke afspraken) and action lines', () => {
    given([]).when(establish).then([established]);
  });

  it('remembers what it established', () => {
    given([])
      .when(establish)
      .thenState((state) =>
        expect(state).toEqual({
          established: true,
          werkagendaId: W,
          title: data.title,
          period: data.period,
          parties: data.parties,
          actionLines: data.actionLines,
          archived: false,
        }),
      );
  });

  it('refuses to establish the same werkagenda twice', () => {
    given([established]).when(establish).thenThrows(IllegalTransition, 'de werkagenda is al vastgesteld');
  });

  it('refuses a period that ends before it starts, pointing at period.to', () => {
    const backwards: EstablishWerkagenda = { ...establish, data: { ...data, period: { from: '2028-12-31', to: '2025-01-01' } } };
    given([]).when(backwards).thenThrows(InvalidInput);
    expect(() => decide(backwards, initialState())).toThrow(expect.objectContaining({ field: 'period.to' }));
  });

  it('refuses a party twice and a membership that ends before it starts', () => {
    expect(() => decide({ type: 'EstablishWerkagenda', data: { ...data, parties: [vws, vws] } }, initialState())).toThrow(
      expect.objectContaining({ field: 'parties' }),
    );
    const backwards = { ...vng, memberFrom: '2026-01-01', memberTo: '2025-01-01' };
    expect(() => decide({ type: 'EstablishWerkagenda', data: { ...data, parties: [vws, backwards] } }, initialState())).toThrow(
      expect.objectContaining({ field: 'parties.1.memberTo' }),
    );
  });

  it('accepts a period of a single day', () => {
    const oneDay = { ...data, period: { from: '2025-03-11', to: '2025-03-11' } };
    given([])
      .when({ type: 'EstablishWerkagenda', data: oneDay })
      .then([{ type: 'WerkagendaEstablished', data: oneDay }]);
  });

  it('changes title and period with a reason, and records nothing when nothing changes', () => {
    given([established])
      .when({ type: 'ChangeWerkagenda', data: { werkagendaId: W, title: 'Nieuwe titel', reason: 'besluit regiegroep' } })
      .then([{ type: 'WerkagendaChanged', data: { werkagendaId: W, title: 'Nieuwe titel', reason: 'besluit regiegroep' } }]);
    given([established])
      .when({ type: 'ChangeWerkagenda', data: { werkagendaId: W, title: data.title } })
      .then([]);
  });

  it('refuses to change what was set before without a reason, naming the field reason', () => {
    given([established])
      .when({ type: 'ChangeWerkagenda', data: { werkagendaId: W, period: { from: '2025-01-01', to: '2029-12-31' } } })
      .thenThrows(InvalidInput, /reden/);
  });

  it('records that VNG withdrew from the bestuurlijke afspraken while staying a party to the werkagenda', () => {
    const withdrawn: Party = {
      ...vng,
      bestuurlijkeAfspraken: {
        participates: false,
        since: '2024-09-01',
        sinceText: 'september 2024',
        note: 'neemt wel deel aan de werkagenda',
      },
    };
    const reason = 'Kamerstuk 25 424, nr. 727';
    given([established])
      .when({ type: 'ChangeParty', data: { werkagendaId: W, party: withdrawn, reason } })
      .then([{ type: 'PartyChanged', data: { werkagendaId: W, party: withdrawn, reason } }]);
    given([established])
      .when({ type: 'ChangeParty', data: { werkagendaId: W, party: withdrawn, reason } })
      .thenState((state) => expect(state.parties.find((p) => p.code === 'VNG')).toEqual(withdrawn));
  });

  it('adds a party once; changing an unknown party is not found', () => {
    const mind = party('MIND', 'MIND', 'deelnemer');
    given([established])
      .when({ type: 'AddParty', data: { werkagendaId: W, party: mind } })
      .then([{ type: 'PartyAdded', data: { werkagendaId: W, party: mind } }]);
    given([established])
      .when({ type: 'AddParty', data: { werkagendaId: W, party: vng } })
      .thenThrows(IllegalTransition);
    given([established])
      .when({ type: 'ChangeParty', data: { werkagendaId: W, party: mind, reason: 'x' } })
      .thenThrows(NotFound);
  });

  it('adds and renames action lines', () => {
    given([established])
      .when({ type: 'AddActionLine', data: { werkagendaId: W, actionLine: { number: 2, title: 'Zorg' } } })
      .then([{ type: 'ActionLineAdded', data: { werkagendaId: W, actionLine: { number: 2, title: 'Zorg' } } }]);
    given([established])
      .when({ type: 'RenameActionLine', data: { werkagendaId: W, number: 1, title: 'Wonen en herstel', reason: 'scherper' } })
      .then([{ type: 'ActionLineRenamed', data: { werkagendaId: W, number: 1, title: 'Wonen en herstel', reason: 'scherper' } }]);
    given([established])
      .when({ type: 'AddActionLine', data: { werkagendaId: W, actionLine: { number: 1, title: 'Dubbel' } } })
      .thenThrows(IllegalTransition);
  });

  it('revises several things at once, all or nothing', () => {
    const mind = party('MIND', 'MIND', 'deelnemer');
    given([established])
      .when({
        type: 'ReviseWerkagenda',
        data: {
          werkagendaId: W,
          parties: [mind],
          actionLines: [
            { number: 1, title: 'Wonen' },
            { number: 2, title: 'Zorg' },
          ],
        },
      })
      .then([
        { type: 'PartyAdded', data: { werkagendaId: W, party: mind } },
        { type: 'ActionLineAdded', data: { werkagendaId: W, actionLine: { number: 2, title: 'Zorg' } } },
      ]);
    given([established])
      .when({ type: 'ReviseWerkagenda', data: { werkagendaId: W, parties: [mind], actionLines: [{ number: 1, title: 'Anders' }] } })
      .thenThrows(InvalidInput, /reden/);
  });

  it('archives once with a reason; an archived werkagenda changes no more', () => {
    given([established])
      .when({ type: 'ArchiveWerkagenda', data: { werkagendaId: W, reason: 'looptijd voorbij' } })
      .then([archived]);
    given([established, archived])
      .when({ type: 'ArchiveWerkagenda', data: { werkagendaId: W, reason: 'nogmaals' } })
      .then([]);
    given([established, archived])
      .when({ type: 'ChangeWerkagenda', data: { werkagendaId: W, title: 'x', reason: 'y' } })
      .thenThrows(IllegalTransition, /gearchiveerd/);
  });

  it('knows no werkagenda that was never established', () => {
    given([])
      .when({ type: 'AddActionLine', data: { werkagendaId: W, actionLine: { number: 4, title: 'x' } } })
      .thenThrows(NotFound);
  });

  it('names its stream after the werkagenda id', () => {
    expect(werkagendaStream('betekenisvol-leven-2025-2028')).toBe('werkagenda-betekenisvol-leven-2025-2028');
  });
});
