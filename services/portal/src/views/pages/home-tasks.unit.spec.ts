import { render } from 'preact-render-to-string';
import type { RegieApi } from '../../api/regie-api';
import type { ActionSummary, Me, MeetingSummary } from '../../api/regie-api.models';
import { rights } from '../../session/rights';
import type { PortalContext } from '../../session/session';
import { tasksFor } from './home-tasks';
import { HomePage, type HomeData } from './home.page';

const context = (me: Me): PortalContext => ({
  me,
  rights: rights(me),
  api: {} as RegieApi,
  now: new Date('2026-12-08T09:30:00Z'),
  path: '/',
});
const me = (username: string, role: Me['roles'][number], actionCodes: string[] = []): Me => ({
  username,
  name: username,
  roles: [role],
  actionCodes,
});

const action = (code: string, late: number, openKnelpunten: number): ActionSummary => ({
  key: code,
  werkagendaId: 'betekenisvol-leven-2025-2028',
  code,
  actiehouderPersonIds: [],
  actionLine: Number(code[0]),
  title: `Actie ${code}`,
  actionHolder: { parties: ['VNG'], description: '' },
  rag: null,
  milestones: Array.from({ length: late }, (_, i) => ({
    id: `m${i}`,
    title: `M${i}`,
    dueDate: '2026-05-31',
    status: 'planned',
    late: true,
    achievedLate: false,
    daysLate: null,
    replanCount: 0,
  })),
  openKnelpunten,
  lastReportedAt: null,
});
const meeting = (id: string, kind: MeetingSummary['kind'], startsAt: string, status: MeetingSummary['status']): MeetingSummary => ({
  id,
  kind,
  startsAt,
  endsAt: new Date(Date.parse(startsAt) + 7_200_000).toISOString(),
  status,
  preparesFor: null,
  notHeld: false,
});
const data: HomeData = {
  actions: [action('2.1', 2, 1), action('1.1', 3, 0)],
  overdue: [{} as HomeData['overdue'][number]],
  upcoming: [
    meeting('nu', 'kerngroep', '2026-12-08T09:00:00Z', 'agenda_published'),
    meeting('volgende', 'kerngroep', '2026-12-29T09:00:00Z', 'scheduled'),
    meeting('regie', 'regiegroep', '2027-01-12T09:00:00Z', 'scheduled'),
  ],
};

describe('the start page puts each role’s task first', () => {
  it('asks an actiehouder to report on their own action and names its late mijlpalen and open knelpunten, not others’', () => {
    const texts = tasksFor(context(me('actiehouder-2.1', 'actiehouder', ['2.1'])), data).map((t) => `${t.text} → ${t.href}`);
    expect(texts).toEqual([
      'Voortgang van actie 2.1 rapporteren → /acties/2.1#voortgang-form',
      '2 mijlpalen van actie 2.1 te laat → /acties/2.1#mijlpalen',
      '1 open knelpunt bij actie 2.1 → /acties/2.1#knelpunten',
    ]);
    // After a report the task stays (every overleg asks for one) and says when the last one was made.
    const reported = { ...data, actions: data.actions.map((a) => ({ ...a, lastReportedAt: '2026-12-07T23:30:00.000Z' })) };
    const [first] = tasksFor(context(me('actiehouder-2.1', 'actiehouder', ['2.1'])), reported);
    expect(first.detail).toBe('laatst gerapporteerd op 8 december 2026'); // Amsterdam's day, not UTC's
    expect(tasksFor(context(me('actiehouder-2.1', 'actiehouder', ['2.1'])), data)[0].detail).toBe('nog niet gerapporteerd');
  });

  it('gives the coordinator the meeting under way to record, then the next agenda, then overdue toezeggingen', () => {
    expect(tasksFor(context(me('coordinator', 'coordinator')), data).map((t) => t.href)).toEqual([
      '/overleggen/nu',
      '/overleggen/volgende',
      '/toezeggingen?status=overdue',
    ]);
  });

  it('gives a director the quarter’s projection and the next regiegroep, an auditor the chain and the latest changes', () => {
    expect(tasksFor(context(me('director', 'director')), data).map((t) => t.text)).toEqual([
      'Kwartaalprojectie 4e kwartaal 2026 beoordelen en publiceren',
      'Regiegroep van dinsdag 12 januari 2027 voorbereiden',
    ]);
    expect(tasksFor(context(me('auditor', 'auditor')), data).map((t) => t.href)).toEqual(['/audit#controle', '/audit#tijdlijn']);
  });

  it('asks the coordinator to record a past meeting that reads "niet gehouden", and a director to decide escalated knelpunten', () => {
    const notHeld = { ...meeting('oud', 'kerngroep', '2026-11-17T09:00:00Z', 'agenda_published'), notHeld: true };
    const withGaps: HomeData = { ...data, unrecorded: [notHeld], escalated: [{ key: '3.2', code: '3.2', count: 2 }] };
    const coordinator = tasksFor(context(me('coordinator', 'coordinator')), withGaps);
    expect(coordinator[0]).toMatchObject({ href: '/overleggen/oud', detail: 'staat nu als niet gehouden' });
    expect(coordinator[0].text).toBe('Vastleggen of het overleg gehouden is: Kerngroepoverleg van dinsdag 17 november 2026');
    expect(tasksFor(context(me('director', 'director')), withGaps).map((t) => `${t.text} → ${t.href}`)).toContain(
      '2 knelpunten van actie 3.2 wacht op een besluit van de regiegroep → /acties/3.2#knelpunten',
    );
  });

  it('shows them under "Nu te doen" before the figures', () => {
    const html = render(HomePage({ p: context(me('coordinator', 'coordinator')), data }));
    expect(html.indexOf('Nu te doen')).toBeGreaterThan(0);
    expect(html.indexOf('Nu te doen')).toBeLessThan(html.indexOf('Kerncijfers'));
  });
});
