import { appliedTypes } from './event-types';

type Event = { type: 'Planned' } | { type: 'Achieved' } | { type: 'Reported' };

describe('appliedTypes', () => {
  const applies = appliedTypes<Event>({ Planned: true, Achieved: true, Reported: false });

  it('applies the types decided true, and not those decided false', () => {
    expect(applies('Planned')).toBe(true);
    expect(applies('Achieved')).toBe(true);
    expect(applies('Reported')).toBe(false);
  });

  it('passes over types of other contexts sharing the store', () => {
    expect(applies('CommitmentRegistered')).toBe(false);
    expect(applies('toString')).toBe(false);
  });
});
