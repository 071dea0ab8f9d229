import { Upcasters, type RecordedEvent } from '@regie/es-core';
import { MEETING_UPCASTERS } from './meeting.upcasters';

describe('meetings upcasting', () => {
  const upcasters = new Upcasters(MEETING_UPCASTERS);
  const event = (type: string, schemaVersion: number, data: object) => ({ type, schemaVersion, data }) as unknown as RecordedEvent;

  it("reads a v1 series (defined before series named their werkagenda) as the seeded werkagenda's", () => {
    const v1 = event('MeetingSeriesDefined', 1, { seriesId: 's', kind: 'kerngroep', title: 'Kerngroepoverleg' });
    expect(upcasters.upcast(v1)).toMatchObject({
      schemaVersion: 2,
      data: { seriesId: 's', kind: 'kerngroep', werkagendaId: 'betekenisvol-leven-2025-2028' },
    });
  });

  it('leaves a v2 series as stored', () => {
    const v2 = event('MeetingSeriesDefined', 2, { seriesId: 's', kind: 'kerngroep', werkagendaId: 'wa7' });
    expect(upcasters.upcast(v2)).toMatchObject({ schemaVersion: 2, data: { werkagendaId: 'wa7' } });
  });

  it('keeps a v1 action point owner as stored, and writes new events at the current versions', () => {
    const v1 = event('ActionPointAssigned', 1, { actionPointId: 'a', owner: 'VWS' });
    expect(upcasters.upcast(v1)).toMatchObject({ schemaVersion: 2, data: { owner: 'VWS' } });
    expect(upcasters.currentVersions).toEqual({ ActionPointAssigned: 2, MeetingSeriesDefined: 2 });
  });
});
