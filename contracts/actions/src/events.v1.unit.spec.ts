import { ActionsEventV1 } from './events.v1';

describe('actions integration events v1', () => {
  it('accepts a well-formed milestone replan and returns it typed', () => {
    const parsed = ActionsEventV1.parse({
      type: 'MilestoneReplannedV1',
      milestoneId: '0196a4a2-7c1e-7000-8000-000000000001',
      actionCode: '0',
      previousDueDate: '2025-12-31',
      dueDate: '2026-03-31',
      reason: 'uitloop van het evaluatieonderzoek',
    });
    expect(parsed.type === 'MilestoneReplannedV1' && parsed.dueDate).toBe('2026-03-31');
  });

  it('rejects a message with a malformed date or an unknown type, naming the field', () => {
    const bad = ActionsEventV1.safeParse({
      type: 'MilestonePlannedV1',
      milestoneId: '0196a4a2-7c1e-7000-8000-000000000001',
      actionCode: '1.1',
      title: 'x',
      dueDate: '31-05-2026',
    });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0].path).toEqual(['dueDate']);
    expect(ActionsEventV1.safeParse({ type: 'Unknown' }).success).toBe(false);
  });
});
