import type { RecordedEvent } from '@regie/es-core';
import { toIntegrationMessage } from './to-contract';

const commitmentId = '0196a4a2-7c1e-7000-8000-0000000000c1';
const recorded = (type: string, data: object): RecordedEvent => ({
  id: '0196a4a2-7c1e-7000-8000-00000000e001',
  streamId: `commitment-${commitmentId}`,
  revision: 3,
  position: 42,
  type,
  data,
  schemaVersion: 1,
  occurredAt: new Date('2026-10-19T00:00:00Z'),
  recordedAt: new Date('2026-10-19T00:00:01Z'),
  metadata: { actor: { userId: 'scheduler', role: 'system' }, correlationId: 'c', causationId: 'c' },
});

describe('commitments events to contracts v1', () => {
  it('publishes due-soon as CommitmentDueSoonV1 on regie.commitments.v1, keyed by stream, without internal fields', () => {
    const message = toIntegrationMessage(
      recorded('CommitmentDueSoon', {
        commitmentId,
        dueDate: '2026-11-30',
        lookaheadDays: 42,
        text: 'Voortgangsbrief najaar 2026',
        actionCodes: ['2.1'],
      }),
    );
    expect(message).toEqual({
      topic: 'regie.commitments.v1',
      key: `commitment-${commitmentId}`,
      eventId: '0196a4a2-7c1e-7000-8000-00000000e001',
      type: 'CommitmentDueSoonV1',
      position: 42,
      occurredAt: '2026-10-19T00:00:00.000Z',
      payload: {
        type: 'CommitmentDueSoonV1',
        commitmentId,
        dueDate: '2026-11-30',
        text: 'Voortgangsbrief najaar 2026',
        actionCodes: ['2.1'],
      },
    });
  });

  it('leaves out where a postponement was announced and when the source last changed', () => {
    const postponed = toIntegrationMessage(
      recorded('CommitmentPostponed', {
        commitmentId,
        previousDue: { text: 'eind 2025', date: '2025-12-31' },
        due: { text: 'Q1 2026', date: '2026-03-31' },
        reason: 'uitloop',
        source: 'nota',
      }),
    );
    expect(postponed?.payload).not.toHaveProperty('source');
    const registered = toIntegrationMessage(
      recorded('CommitmentRegistered', {
        commitmentId,
        text: 't',
        madeBy: { text: 'Minister', persons: [] },
        madeAt: { date: '2026-01-05', source: 'TK' },
        due: { text: 'onbekend', date: null },
        actionCodes: [],
        externalRef: { system: 'tweede-kamer', id: 'x', nummer: null, changedAt: '2026-01-05T10:00:00+01:00' },
      }),
    );
    expect(registered?.payload).toMatchObject({
      type: 'CommitmentRegisteredV2',
      madeBy: { text: 'Minister', persons: [] },
      externalRef: { system: 'tweede-kamer', id: 'x', nummer: null },
    });
    expect((registered?.payload as { externalRef: object }).externalRef).not.toHaveProperty('changedAt');
  });

  it('publishes nothing for events of other contexts', () => {
    expect(toIntegrationMessage(recorded('MilestonePlanned', { milestoneId: commitmentId }))).toBeUndefined();
  });
});
