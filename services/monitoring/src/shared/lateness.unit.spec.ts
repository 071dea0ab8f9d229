import { parseQuarter } from '@regie/calendar';
import { computeProjection } from '../projection/compute-projection';
import { lateness } from './lateness';

describe('behaald, te laat (derived)', () => {
  it('gives a milestone achieved after its due date achievedLate and the days between', () => {
    expect(lateness({ status: 'achieved', dueDate: '2024-11-30', achievedOn: '2026-06-30' }, '2026-12-01')).toEqual({
      achievedLate: true,
      daysLate: 577,
    });
  });

  it('is not late when achieved on or before the due date, nor when cancelled', () => {
    expect(lateness({ status: 'achieved', dueDate: '2026-05-31', achievedOn: '2026-05-31' }, '2026-12-01')).toEqual({
      achievedLate: false,
      daysLate: null,
    });
    expect(lateness({ status: 'cancelled', dueDate: '2026-05-31', achievedOn: null }, '2026-12-01')).toEqual({
      achievedLate: false,
      daysLate: null,
    });
  });

  it('counts the days an open milestone is past its date on the day asked about', () => {
    expect(lateness({ status: 'in_progress', dueDate: '2026-11-19', achievedOn: null }, '2026-12-01')).toEqual({
      achievedLate: false,
      daysLate: 12,
    });
    expect(lateness({ status: 'planned', dueDate: '2026-12-01', achievedOn: null }, '2026-12-01')).toEqual({
      achievedLate: false,
      daysLate: null,
    });
  });

  it('shows on the quarterly projection: a milestone of the quarter achieved after its date', () => {
    const milestone = {
      id: 'm1',
      actionCode: '2.1',
      actionLine: 2,
      title: 'Plan van aanpak',
      dueDate: '2026-10-15',
      originalDueDate: '2026-10-15',
      status: 'achieved' as const,
      achievedOn: '2026-11-02',
      replans: [],
      sources: [1],
    };
    const p = computeProjection({
      quarter: parseQuarter('2026-Q4')!,
      today: '2026-11-23',
      computedAt: '2026-11-23T09:00:00.000Z',
      actions: [{ code: '2.1', actionLine: 2, title: 'b' }],
      milestones: [milestone],
      commitments: [],
      indicators: [],
    });
    expect(p.milestones.achieved[0]).toMatchObject({ id: 'm1', late: false, achievedLate: true, daysLate: 18 });
  });
});
