import { EVENT_TYPES, eventFacts, eventSentence, eventTypeLabel } from './event-labels';
import { traceOf } from '../http/audit.http';

describe('the Dutch words for recorded events', () => {
  it("tells an event's facts in Dutch, dates in words, ids left out", () => {
    const facts = eventFacts({ milestoneId: 'a1b2', achievedOn: '2026-02-27', actionCode: '2.1' });
    expect(facts).toBe('behaald op: 27 februari 2026 · actie: 2.1');
    expect(eventTypeLabel('MilestoneAchieved')).toBe('Mijlpaal behaald');
    // An agenda frozen because its meeting was recorded as held: why, in words (not the stored 'held').
    expect(eventFacts({ kind: 'kerngroep', frozenBy: 'held' })).toBe(
      'overleg: Kerngroepoverleg · vastgesteld: toen het overleg als gehouden werd vastgelegd',
    );
  });

  it('never prints a frozen document as raw JSON (the text of a published projection)', () => {
    const facts = eventFacts({ quarter: '2026-Q4', version: 2, text: '{"quarter":"2026-Q4","lines":[]}', sha256: 'ab12' });
    expect(facts).not.toContain('{');
    expect(facts).toContain('versie: 2');
  });

  it('tells an event as a Dutch sentence naming the milestone by its title, with the reason', () => {
    const names = { milestoneTitle: (id: string) => (id === 'm1' ? 'Plan van aanpak Utrecht' : undefined) };
    const replanned = {
      milestoneId: 'm1',
      actionCode: '2.1',
      previousDueDate: '2026-04-30',
      dueDate: '2026-06-30',
      reason: 'Regio’s later',
    };
    expect(eventSentence('MilestoneReplanned', replanned, names)).toBe(
      "Mijlpaal 'Plan van aanpak Utrecht' van actie 2.1 verplaatst van 30 april 2026 naar 30 juni 2026, reden: Regio’s later",
    );
    expect(eventSentence('MilestoneReplanned', { ...replanned, milestoneId: 'onbekend' })).toMatch(/^Mijlpaal van actie 2\.1 verplaatst/);
    expect(eventSentence('KnelpuntEscalated', { knelpuntId: 'k', actionCode: '1.2', from: null, to: 'regiegroep' })).toBe(
      'Knelpunt bij actie 1.2 geëscaleerd naar de regiegroep',
    );
    expect(eventSentence('GeheelNieuw', { x: 1 })).toBe('Andere gebeurtenis');
  });

  it('never shows a type code, id or ISO date in the sentence of any event type', () => {
    const data = {
      milestoneId: 'm-7f3a',
      actionCode: '2.1',
      code: '2.1',
      dueDate: '2026-06-30',
      startsAt: '2026-06-30T08:00:00Z',
      title: 'T',
    };
    for (const type of EVENT_TYPES) {
      const sentence = eventSentence(type, data);
      expect(sentence).not.toContain(type);
      expect(sentence).not.toMatch(/\d{4}-\d{2}-\d{2}|m-7f3a/);
    }
  });

  it("names an action by its code and title, and its werkagenda by title: never the action's key or the werkagenda's id", () => {
    const key = 'actieplan-dakloos-wlz-2025:1.1';
    const names = { werkagendaTitle: (id: string) => (id === 'actieplan-dakloos-wlz-2025' ? 'Actieplan dakloosheid' : undefined) };
    const defined = {
      werkagendaId: 'actieplan-dakloos-wlz-2025',
      code: key,
      actionLine: 1,
      title: 'Pilots',
      actionHolder: {},
      startActivities: [],
    };
    expect(eventSentence('ActionDefined', defined, names)).toBe("Actie 1.1 'Pilots' vastgelegd in werkagenda 'Actieplan dakloosheid'");
    expect(eventSentence('ActionDefined', defined)).toBe("Actie 1.1 'Pilots' vastgelegd");
    const keyed = {
      werkagendaId: 'actieplan-dakloos-wlz-2025',
      code: key,
      actionCode: key,
      actionCodes: [key],
      milestoneId: 'm',
      title: 'T',
      reason: 'R',
      grants: [{ role: 'actiehouder', werkagendaId: 'actieplan-dakloos-wlz-2025', actionCodes: [key] }],
    };
    for (const type of [...EVENT_TYPES, 'GeheelNieuw']) {
      const sentence = eventSentence(type, keyed);
      expect(sentence).not.toContain('actieplan-dakloos-wlz-2025');
      expect(sentence).not.toMatch(/:1\.1/);
    }
    expect(
      eventSentence('RegionStatusChanged', { code: key, slug: 'zwolle', status: 'plan_van_aanpak_gereed', on: '2026-06-30', note: null }),
    ).toBe("Regio 'zwolle' van actie 1.1: plan van aanpak gereed op 30 juni 2026"); // the action's regions unknown: its short name
    const regionName = (action: string, slug: string) => (action === key && slug === 'zwolle' ? 'Zorgkantoorregio Zwolle' : undefined);
    expect(
      eventSentence(
        'RegionStatusChanged',
        { code: key, slug: 'zwolle', status: 'plan_van_aanpak_gereed', on: '2026-06-30', note: null },
        { regionName },
      ),
    ).toBe("Regio 'Zorgkantoorregio Zwolle' van actie 1.1: plan van aanpak gereed op 30 juni 2026");
    expect(
      eventSentence('RegionAdded', { code: key, region: { slug: 'zwolle', name: 'Zorgkantoorregio Zwolle', status: 'aangemeld' } }),
    ).toBe("Regio 'Zorgkantoorregio Zwolle' toegevoegd aan actie 1.1");
    expect(eventSentence('ActionChanged', { code: key, title: 'Nieuw', reason: 'R' })).toBe(
      'Actie gewijzigd: actie: 1.1 · titel: Nieuw · reden: R',
    );
  });

  it('traces a chosen subject: an action with its milestones and knelpunten, a toezegging or a meeting by its stream', () => {
    expect(traceOf('actie:2.1', undefined)).toEqual({ action: '2.1' });
    expect(traceOf('actie:actieplan-dakloos-wlz-2025:1.1', undefined)).toEqual({ action: 'actieplan-dakloos-wlz-2025:1.1' });
    expect(traceOf(undefined, 'action-actieplan-dakloos-wlz-2025:1.1')).toEqual({ action: 'actieplan-dakloos-wlz-2025:1.1' });
    expect(traceOf('toezegging:abc', undefined)).toEqual({ stream: 'commitment-abc' });
    expect(traceOf('overleg:abc', undefined)).toEqual({ stream: 'meeting-abc' });
    expect(traceOf(undefined, 'actie 2.1')).toEqual({ action: '2.1' });
    expect(traceOf(undefined, 'werkagenda-1')).toEqual({ stream: 'werkagenda-1' });
    expect(traceOf(undefined, undefined)).toEqual({});
    expect(traceOf('persoon:0b7c6a52-7f6e-5d3c-9a1b-2c3d4e5f6a7b', undefined)).toEqual({ person: '0b7c6a52-7f6e-5d3c-9a1b-2c3d4e5f6a7b' });
  });
});
