import type { RecordedEvent } from '@regie/es-core';
import { toIntegrationMessage } from './to-contract';

const recorded = (type: string, data: unknown): RecordedEvent => ({
  id: '0196a4a2-7c1e-7000-8000-0000000000aa',
  streamId: 'meeting-x',
  revision: 0,
  position: 7,
  type,
  data,
  schemaVersion: 1,
  occurredAt: new Date('2026-03-15T09:00:00Z'),
  recordedAt: new Date('2026-03-15T09:00:00Z'),
  metadata: { actor: { userId: 'u', role: 'r' }, correlationId: 'c', causationId: 'c' },
});
const ref = { meetingId: '0196a4a2-7c1e-7000-8000-000000000001', seriesId: '0196a4a2-7c1e-7000-8000-000000000002', kind: 'kerngroep' };

describe('meetings domain events → contract v1', () => {
  it('maps a scheduled meeting, leaving out internal fields, keyed by stream', () => {
    const message = toIntegrationMessage(
      recorded('MeetingScheduled', {
        ...ref,
        index: 3,
        nominalDate: '2026-04-27',
        movedBecause: 'Koningsdag',
        startsAt: '2026-04-28T08:00:00.000Z',
        endsAt: '2026-04-28T09:30:00.000Z',
      }),
    );
    expect(message).toMatchObject({ topic: 'regie.meetings.v1', key: 'meeting-x', type: 'MeetingScheduledV1', position: 7 });
    expect(message?.payload).toEqual({
      type: 'MeetingScheduledV1',
      ...ref,
      nominalDate: '2026-04-27',
      startsAt: '2026-04-28T08:00:00.000Z',
      endsAt: '2026-04-28T09:30:00.000Z',
    });
  });

  it("keeps a coordinator's own overleggen (kind overleg) and changes of a series inside: contract v1 names four overlegvormen", () => {
    const overleg = { ...ref, kind: 'overleg' };
    expect(toIntegrationMessage(recorded('MeetingCancelled', { ...overleg, reason: 'x', sequence: 1 }))).toBeUndefined();
    expect(
      toIntegrationMessage(recorded('MeetingSeriesEnded', { seriesId: ref.seriesId, kind: 'kerngroep', from: '2026-05-01' })),
    ).toBeUndefined();
  });

  it('keeps agenda drafting inside the context', () => {
    expect(toIntegrationMessage(recorded('AgendaItemAdded', { ...ref, itemId: 'x', title: 'y' }))).toBeUndefined();
  });

  it('publishes a sealed action-point owner as V2, never a plain name; an owner recorded before sealing as V1', () => {
    const owner = { subject: '0196a4a2-7c1e-7000-8000-0000000000f1', alg: 'A256GCM', iv: 'aXY', ciphertext: 'Y3Q', tag: 'dGFn' };
    const point = { ...ref, actionPointId: '0196a4a2-7c1e-7000-8000-0000000000e1', text: 'Notitie', dueDate: '2026-05-31' };
    expect(toIntegrationMessage(recorded('ActionPointAssigned', { ...point, owner }))?.payload).toEqual({
      type: 'ActionPointAssignedV2',
      ...point,
      owner,
    });
    expect(toIntegrationMessage(recorded('ActionPointAssigned', { ...point, owner: 'ZN' }))?.type).toBe('ActionPointAssignedV1');
  });

  it('refuses to publish an event that does not fit the contract', () => {
    expect(() =>
      toIntegrationMessage(recorded('DecisionRecorded', { ...ref, decisionId: 'not-a-uuid', text: 'x', decisionKind: 'operationeel' })),
    ).toThrow();
  });
});
