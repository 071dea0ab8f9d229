import { actionSlip, median, type MilestoneFacts, projectMilestone } from './slip';

const milestone = (over: Partial<MilestoneFacts> = {}): MilestoneFacts => ({
  id: 'm1',
  actionCode: '2.1',
  actionLine: 2,
  title: 'Plan van aanpak',
  dueDate: '2026-10-15',
  originalDueDate: '2026-10-15',
  status: 'planned',
  achievedOn: null,
  replans: [],
  sources: [10],
  ...over,
});

/** Planned 2026-10-15 (position 10), replanned +30 to 2026-11-14 (11) and +30 to 2026-12-14 (12). */
const twiceReplanned = milestone({
  dueDate: '2026-12-14',
  replans: [
    { previousDueDate: '2026-10-15', dueDate: '2026-11-14', position: 11 },
    { previousDueDate: '2026-11-14', dueDate: '2026-12-14', position: 12 },
  ],
  sources: [10, 11, 12],
});

describe('median', () => {
  it('takes the middle value, or the mean of the two middle values', () => {
    expect(median([])).toBe(0);
    expect(median([30])).toBe(30);
    expect(median([90, 10, 30])).toBe(30);
    expect(median([10, 30, 40, 90])).toBe(35);
  });
});

describe('projection of a milestone by its action’s median slip', () => {
  it('moves a milestone replanned twice by +30 days 30 more days: 2026-12-14 → 2027-01-13, out of 2026-Q4 into 2027-Q1', () => {
    const slip = actionSlip('2.1', [twiceReplanned]);
    expect(slip).toMatchObject({
      medianDays: 30,
      appliedDays: 30,
      slips: [
        { days: 30, position: 11 },
        { days: 30, position: 12 },
      ],
    });
    const p = projectMilestone(twiceReplanned, slip, '2026-11-23');
    expect(p).toMatchObject({ projectedDate: '2027-01-13', projectedQuarter: '2027-Q1', sources: [10, 11, 12] });
    expect(p.why).toBe(
      'Actie 2.1 is 2 keer herpland (verschuivingen 30 dagen later, 30 dagen later; mediaan 30 dagen later); huidige streefdatum 14 december 2026, 30 dagen later: 13 januari 2027, in het 1e kwartaal 2027.',
    );
  });

  it('uses the replans of the action’s other milestones too, and cites them', () => {
    const other = milestone({ id: 'm2', dueDate: '2026-11-30', sources: [20] });
    const slip = actionSlip('2.1', [
      twiceReplanned,
      other,
      milestone({ id: 'x', actionCode: '3.1', replans: [{ previousDueDate: '2026-01-01', dueDate: '2027-01-01', position: 99 }] }),
    ]);
    const p = projectMilestone(other, slip, '2026-11-23');
    expect(p).toMatchObject({ projectedDate: '2026-12-30', projectedQuarter: '2026-Q4', sources: [11, 12, 20] });
  });

  it('takes the median, not the mean: slips of +10, +20 and +120 days give +20', () => {
    const m = milestone({
      dueDate: '2026-05-01',
      replans: [
        { previousDueDate: '2026-01-01', dueDate: '2026-01-11', position: 1 },
        { previousDueDate: '2026-01-11', dueDate: '2026-01-31', position: 2 },
        { previousDueDate: '2026-01-01', dueDate: '2026-05-01', position: 3 },
      ],
    });
    expect(projectMilestone(m, actionSlip('2.1', [m]), '2026-03-01').projectedDate).toBe('2026-05-21');
  });

  it('never projects earlier than planned: a negative median counts as 0', () => {
    const m = milestone({ dueDate: '2026-10-05', replans: [{ previousDueDate: '2026-10-15', dueDate: '2026-10-05', position: 5 }] });
    const slip = actionSlip('2.1', [m]);
    expect(slip).toMatchObject({ medianDays: -10, appliedDays: 0 });
    expect(projectMilestone(m, slip, '2026-09-01')).toMatchObject({ projectedDate: '2026-10-05' });
  });

  it('projects a late milestone that was never replanned at today, and says so', () => {
    const m = milestone({ dueDate: '2026-05-31' });
    const p = projectMilestone(m, actionSlip('2.1', [m]), '2026-11-23');
    expect(p.projectedDate).toBe('2026-11-23');
    expect(p.why).toMatch(
      /nooit herpland.*streefdatum 31 mei 2026; die datum is voorbij.*vandaag \(23 november 2026\), in het 4e kwartaal 2026/,
    );
  });

  it('projects an achieved milestone at its achievement date and a cancelled one nowhere', () => {
    const slip = actionSlip('2.1', []);
    expect(projectMilestone(milestone({ status: 'achieved', achievedOn: '2026-02-10' }), slip, '2026-11-23')).toMatchObject({
      projectedDate: '2026-02-10',
      projectedQuarter: '2026-Q1',
    });
    expect(projectMilestone(milestone({ status: 'cancelled' }), slip, '2026-11-23')).toMatchObject({
      projectedDate: null,
      projectedQuarter: null,
    });
  });
});
