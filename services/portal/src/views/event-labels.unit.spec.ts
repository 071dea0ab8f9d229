import { eventFacts, eventTypeLabel } from './event-labels';

describe('the Dutch words for recorded events', () => {
  it("tells an event's facts in Dutch, dates in words, ids left out", () => {
    const facts = eventFacts({ milestoneId: 'a1b2', achievedOn: '2026-02-27', actionCode: '2.1' });
    expect(facts).toBe('behaald op: 27 februari 2026 · actie: 2.1');
    expect(eventTypeLabel('MilestoneAchieved')).toBe('Mijlpaal behaald');
  });

  it('never prints a frozen document as raw JSON (the text of a published projection)', () => {
    const facts = eventFacts({ quarter: '2026-Q4', version: 2, text: '{"quarter":"2026-Q4","lines":[]}', sha256: 'ab12' });
    expect(facts).not.toContain('{');
    expect(facts).toContain('versie: 2');
  });
});
