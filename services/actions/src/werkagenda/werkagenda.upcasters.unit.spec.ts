import type { RecordedEvent } from '@regie/es-core';
import { Upcasters } from '@regie/es-core';
import { evolve, initialState, type WerkagendaEvent } from './werkagenda';
import { WERKAGENDA_UPCASTERS } from './werkagenda.upcasters';

/** A WerkagendaEstablished as the first releases stored it: parties `{ code, name }` only. */
const v1: RecordedEvent = {
  id: '0196a4a2-7c1e-7000-8000-000000000002',
  streamId: 'werkagenda-betekenisvol-leven-2025-2028',
  revision: 0,
  position: 1,
  type: 'WerkagendaEstablished',
  schemaVersion: 1,
  data: {
    werkagendaId: 'betekenisvol-leven-2025-2028',
    title: 'Een betekenisvol leven met een langdurige psychische aandoening',
    period: { from: '2025-01-01', to: '2028-12-31' },
    parties: [
      { code: 'VWS', name: 'ministerie van Volksgezondheid, Welzijn en Sport' },
      { code: 'VNG', name: 'Vereniging Nederlandse Gemeenten' },
    ],
    actionLines: [{ number: 0, title: 'Overkoepelende actie' }],
  },
  metadata: { actor: { userId: 'seed', role: 'system' }, correlationId: 'c', causationId: 'k' },
  occurredAt: new Date('2025-03-11T09:00:00Z'),
  recordedAt: new Date('2025-03-11T09:00:00Z'),
};

describe('werkagenda upcasters', () => {
  const upcasters = new Upcasters(WERKAGENDA_UPCASTERS);

  it('reads a v1 WerkagendaEstablished as v2: role, membership and bestuurlijke afspraken not recorded', () => {
    const read = upcasters.upcast(v1);
    expect(read.schemaVersion).toBe(2);
    expect((read.data as { parties: unknown[] }).parties).toEqual([
      {
        code: 'VWS',
        name: 'ministerie van Volksgezondheid, Welzijn en Sport',
        role: null,
        memberFrom: null,
        memberTo: null,
        bestuurlijkeAfspraken: null,
      },
      { code: 'VNG', name: 'Vereniging Nederlandse Gemeenten', role: null, memberFrom: null, memberTo: null, bestuurlijkeAfspraken: null },
    ]);
    expect(v1.schemaVersion).toBe(1); // the stored event is not changed
  });

  it('replays the old event into a state a party can then be changed on', () => {
    const read = upcasters.upcast(v1) as unknown as WerkagendaEvent;
    const state = evolve(initialState(), read);
    expect(state).toMatchObject({ established: true, title: 'Een betekenisvol leven met een langdurige psychische aandoening' });
    expect(state.parties.map((p) => p.code)).toEqual(['VWS', 'VNG']);
  });

  it('writes new WerkagendaEstablished events as v2 and leaves v2 alone', () => {
    expect(upcasters.currentVersions).toEqual({ WerkagendaEstablished: 2 });
    const v2 = upcasters.upcast(v1);
    expect(upcasters.upcast(v2)).toBe(v2);
  });
});
