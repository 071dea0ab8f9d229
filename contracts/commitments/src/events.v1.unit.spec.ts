import { CommitmentsEventV1 } from './events.v1';

const commitmentId = '0196a4a2-7c1e-7000-8000-000000000001';

describe('commitments integration events v1', () => {
  it('accepts a due-soon notification and returns it typed', () => {
    const parsed = CommitmentsEventV1.parse({
      type: 'CommitmentDueSoonV1',
      commitmentId,
      dueDate: '2026-11-30',
      text: 'De Kamer in het najaar van 2026 informeren over de voortgang',
      actionCodes: ['2.1'],
    });
    expect(parsed.type === 'CommitmentDueSoonV1' && parsed.dueDate).toBe('2026-11-30');
  });

  it('accepts a postponement from a known date to an unknown one', () => {
    const parsed = CommitmentsEventV1.safeParse({
      type: 'CommitmentPostponedV1',
      commitmentId,
      previousDue: { text: 'eind 2025', date: '2025-12-31' },
      due: { text: 'onbekend', date: null },
      reason: 'uitloop',
    });
    expect(parsed.success).toBe(true);
  });

  it('rejects a malformed due date or an unknown type, naming the field', () => {
    const bad = CommitmentsEventV1.safeParse({ type: 'CommitmentBecameOverdueV1', commitmentId, dueDate: '31-12-2025' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0].path).toEqual(['dueDate']);
    expect(CommitmentsEventV1.safeParse({ type: 'CommitmentDeleted', commitmentId }).success).toBe(false);
  });

  it('strips fields that are not part of the contract', () => {
    const parsed = CommitmentsEventV1.parse({ type: 'CommitmentWithdrawnV1', commitmentId, reason: 'vervallen', internal: 1 });
    expect(parsed).toEqual({ type: 'CommitmentWithdrawnV1', commitmentId, reason: 'vervallen' });
  });
});
