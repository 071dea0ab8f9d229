import { MeetingsEventV1 } from './events.v1';

const ref = { meetingId: '0196a4a2-7c1e-7000-8000-000000000001', seriesId: '0196a4a2-7c1e-7000-8000-000000000002' };

describe('meetings integration events v1', () => {
  it('accepts a scheduled kerngroep with UTC instants and returns it typed', () => {
    const parsed = MeetingsEventV1.parse({
      type: 'MeetingScheduledV1',
      ...ref,
      kind: 'kerngroep',
      startsAt: '2026-04-28T08:00:00.000Z',
      endsAt: '2026-04-28T09:30:00.000Z',
      nominalDate: '2026-04-27',
    });
    expect(parsed.type === 'MeetingScheduledV1' && parsed.nominalDate).toBe('2026-04-27');
  });

  it('rejects a decision of an unknown kind and an unknown overlegvorm, naming the field', () => {
    const bad = MeetingsEventV1.safeParse({
      type: 'DecisionRecordedV1',
      ...ref,
      kind: 'kerngroep',
      decisionId: ref.meetingId,
      text: 'x',
      decisionKind: 'tactisch',
    });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0].path).toEqual(['decisionKind']);
    expect(MeetingsEventV1.safeParse({ type: 'MeetingCancelledV1', ...ref, kind: 'bestuur', reason: 'x' }).success).toBe(false);
  });
});
