import { dueSoonMoment, overdueMoment } from './commitment-jobs';

describe('when the deadline jobs run', () => {
  it('marks overdue at the start of the day after the due date, Amsterdam time', () => {
    expect(overdueMoment('2026-11-30').toISOString()).toBe('2026-11-30T23:00:00.000Z');
    expect(overdueMoment('2026-06-30').toISOString()).toBe('2026-06-30T22:00:00.000Z');
  });

  it('announces due-soon at the start of the day the look-ahead begins', () => {
    expect(dueSoonMoment('2026-11-30', 42).toISOString()).toBe('2026-10-18T22:00:00.000Z'); // 19 October, summer time
    expect(dueSoonMoment('2026-11-30', 0).toISOString()).toBe('2026-11-29T23:00:00.000Z');
  });
});
