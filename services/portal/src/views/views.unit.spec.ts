import type { Commitment, MeetingSummary, MilestoneSummary } from '../api/regie-api.models';
import { eventSummary, pageOfStream } from './audit';
import { commitmentHistory, commitmentOrder, dueText, parseActionCodes } from './commitments';
import { nextDraft, splitCalendar } from './meetings';
import { holderText, nextMilestone } from './werkagenda';

const milestone = (id: string, dueDate: string, status: MilestoneSummary['status'], late = false): MilestoneSummary => ({
  id,
  title: id,
  dueDate,
  status,
  late,
  achievedLate: false,
  daysLate: null,
  replanCount: 0,
});
const meeting = (
  id: string,
  startsAt: string,
  status: MeetingSummary['status'] = 'scheduled',
  kind: MeetingSummary['kind'] = 'kerngroep',
): MeetingSummary => ({
  id,
  kind,
  startsAt,
  endsAt: new Date(Date.parse(startsAt) + 90 * 60_000).toISOString(),
  status,
  preparesFor: null,
  notHeld: false,
});

describe('werkagenda: the next mijlpaal of an action', () => {
  it('is the earliest one not achieved or cancelled, a late one included', () => {
    const next = nextMilestone([
      milestone('behaald', '2025-01-01', 'achieved'),
      milestone('later', '2026-12-01', 'planned'),
      milestone('te-laat', '2026-05-31', 'planned', true),
      milestone('vervallen', '2025-02-01', 'cancelled'),
    ]);
    expect(next?.id).toBe('te-laat');
    expect(nextMilestone([milestone('behaald', '2025-01-01', 'achieved')])).toBeUndefined();
  });
});

describe('werkagenda: the actiehouder', () => {
  it('names the parties and, when named, the person', () => {
    expect(holderText({ parties: ['VNG', 'ZN'], description: '' })).toBe('VNG, ZN');
    expect(holderText({ parties: ['VNG'], description: '', person: 'J. Jansen' })).toBe('VNG (J. Jansen)');
    expect(holderText({ parties: [], description: '', person: null })).toBe('Nog niet benoemd');
  });
});

describe('overleggen', () => {
  const now = new Date('2026-12-08T09:30:00Z');
  const running = meeting('lopend', '2026-12-08T09:00:00Z');
  const next = meeting('volgend', '2026-12-29T09:00:00Z');
  const published = meeting('gepubliceerd', '2026-12-20T09:00:00Z', 'agenda_published');
  const earlier = meeting('eerder', '2026-11-17T09:00:00Z', 'held');

  it('splits the calendar at now: a running meeting is still to come, earlier ones latest first', () => {
    const { upcoming, past } = splitCalendar([next, earlier, running, meeting('ouder', '2026-10-27T09:00:00Z', 'held')], now);
    expect(upcoming.map((m) => m.id)).toEqual(['lopend', 'volgend']);
    expect(past.map((m) => m.id)).toEqual(['eerder', 'ouder']);
  });

  it('finds the next kerngroep whose agenda is still a draft (not a started or published one)', () => {
    expect(
      nextDraft([running, published, next, meeting('regie', '2026-12-10T13:00:00Z', 'scheduled', 'regiegroep')], 'kerngroep', now)?.id,
    ).toBe('volgend');
  });
});

describe('toezeggingen', () => {
  it('lists overdue ones first, then by due date, those without a date last', () => {
    const c = (id: string, status: Commitment['status'], dueDate: string | null) => ({ id, status, dueDate }) as Commitment;
    const sorted = [
      c('a', 'open', '2026-12-01'),
      c('b', 'fulfilled', null),
      c('c', 'overdue', '2027-01-01'),
      c('d', 'open', '2026-01-01'),
    ].sort(commitmentOrder);
    expect(sorted.map((x) => x.id)).toEqual(['c', 'd', 'a', 'b']);
  });

  it('tells the history with the reasons and documents the API keeps', () => {
    const history = commitmentHistory({
      originalDue: { text: 'eind 2025', date: '2025-12-31' },
      postponements: [
        {
          due: { text: 'Q1 2026', date: '2026-03-31' },
          previousDue: { text: 'eind 2025', date: '2025-12-31' },
          reason: 'Uitloop van het onderzoek',
          at: '2026-01-05T10:00:00Z',
        },
      ],
      fulfilment: { document: { title: 'Kamerbrief', kenmerk: '4357720', date: '2026-02-27' }, at: '2026-02-27T10:00:00Z' },
      withdrawal: null,
      history: [
        { revision: 0, type: 'CommitmentRegistered', at: '2025-03-11T10:00:00Z', actor: 'coordinator' },
        { revision: 1, type: 'CommitmentPostponed', at: '2026-01-05T10:00:00Z', actor: 'coordinator' },
        { revision: 2, type: 'CommitmentFulfilled', at: '2026-02-27T10:00:00Z', actor: 'coordinator' },
      ],
    } as unknown as Commitment);
    expect(history.map((h) => h.what)).toEqual(['Toezegging geregistreerd', 'Toezegging uitgesteld', 'Toezegging nagekomen']);
    expect(history[1].detail).toBe('Van eind 2025 (31 december 2025) naar Q1 2026 (31 maart 2026). Reden: Uitloop van het onderzoek');
    expect(history[2].detail).toBe('Met Kamerbrief, kenmerk 4357720, 27 februari 2026.');
  });

  it('reads action codes as typed and words a termijn without a date', () => {
    expect(parseActionCodes(' 2.1, 0 ;3.2')).toEqual(['2.1', '0', '3.2']);
    expect(parseActionCodes('')).toEqual([]);
    expect(dueText({ text: 'onbekend', date: null })).toBe('onbekend');
  });
});

describe('audit', () => {
  it('summarises an event by its text fields, without ids', () => {
    expect(eventSummary({ data: { code: '2.1', reportId: 'x', rag: 'oranje', summary: 'Loopt uit', nested: { a: 1 } } })).toBe(
      'code: 2.1 · rag: oranje · summary: Loopt uit',
    );
    expect(eventSummary({ data: { text: 'x'.repeat(300) } }, 20)).toHaveLength(20);
  });

  it('links a stream to the page of its subject', () => {
    expect(pageOfStream('action-2.1')).toBe('/acties/2.1');
    expect(pageOfStream('meeting-f48461fc-1731-57b6-82c0-47878b7a625d')).toBe('/overleggen/f48461fc-1731-57b6-82c0-47878b7a625d');
    expect(pageOfStream('projection-2026-Q4')).toBe('/voortgangsrapportage?kwartaal=2026-Q4');
    expect(pageOfStream('meeting-series-8d2448ad-d21a-53e1-a012-3fb54be3483e')).toBeUndefined();
  });
});
