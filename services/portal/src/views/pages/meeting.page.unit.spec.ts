import { render } from 'preact-render-to-string';
import type { RegieApi } from '../../api/regie-api';
import type { Me, Meeting } from '../../api/regie-api.models';
import { rights } from '../../session/rights';
import type { PortalContext } from '../../session/session';
import { accountIds, developerWords, visibleText } from '../../testing/visible-text';
import { MeetingPrintPage } from './meeting-print.page';
import { MeetingPage } from './meeting.page';

const regiegroep: Meeting = {
  id: '0196a4a2-7c1e-7000-8000-000000000001',
  kind: 'regiegroep',
  startsAt: '2026-12-08T09:00:00.000Z',
  endsAt: '2026-12-08T11:00:00.000Z',
  status: 'scheduled',
  preparesFor: null,
  notHeld: false,
  seriesId: '0196a4a2-7c1e-7000-8000-000000000002',
  werkagendaId: 'betekenisvol-leven-2025-2028',
  title: 'Regiegroep',
  adHoc: false,
  actionCode: null,
  participants: ['Directeur VWS'],
  chair: 'DG Curatieve Zorg',
  chairFromSeries: false,
  local: { date: '2026-12-08', time: '10:00' },
  nominalDate: '2026-12-08',
  movedBecause: null,
  reschedules: [],
  cancelReason: null,
  preparedBy: null,
  agendaStatus: 'concept',
  agendaFrozenBy: null,
  publishedAt: null,
  agenda: [
    {
      id: 'i1',
      title: 'Kwartaalprojectie 4e kwartaal 2026 (nog niet gepubliceerd)',
      source: { type: 'projection', ref: '2026-Q4' },
      order: 1,
    },
    {
      id: 'i2',
      title: 'Toezegging te laat sinds 30 november 2026: De Kamer informeren',
      source: { type: 'commitment', ref: 'c1' },
      order: 2,
    },
  ],
  decisions: [],
  actionPoints: [],
  heldAt: null,
  heldRecordedAt: null,
  minutesApprovedAt: null,
  revision: 3,
};
const me = (role: 'director' | 'coordinator'): Me => ({ username: role, name: role, roles: [role], actionCodes: [] });
const context = (who: Me, now = '2026-12-08T09:30:00Z'): PortalContext => ({
  me: who,
  rights: rights(who),
  api: {} as RegieApi,
  now: new Date(now),
  path: '/overleggen/x',
});

describe('the meeting page: lifecycle without dead ends', () => {
  it('lets the director, chair of the regiegroep, record it held during the meeting, saying the draft will be frozen', () => {
    const html = render(MeetingPage({ p: context(me('director')), meeting: regiegroep }));
    expect(html).toContain('action="/overleggen/0196a4a2-7c1e-7000-8000-000000000001/gehouden');
    expect(html).toContain('De agenda is nog niet gepubliceerd: zij wordt vastgelegd zoals zij nu staat.');
    expect(html).toContain('DG Curatieve Zorg (voor dit overleg)');
    expect(html).not.toContain('Voorzitter wijzigen'); // the coordinator changes the chair
  });

  it('does not offer a director to record a kerngroep held', () => {
    const html = render(MeetingPage({ p: context(me('director')), meeting: { ...regiegroep, kind: 'kerngroep' } }));
    expect(html).not.toContain('/gehouden');
  });

  it('reads "niet gehouden" for a past meeting never recorded, and offers to record it late', () => {
    const html = render(MeetingPage({ p: context(me('coordinator'), '2026-12-20T09:00:00Z'), meeting: { ...regiegroep, notHeld: true } }));
    expect(html).toContain('niet gehouden');
    expect(html).toContain('Alsnog vastleggen dat het overleg gehouden is');
    expect(html).toContain('Voorzitter wijzigen');
  });

  it('never heads the print of a held meeting "Concept-agenda"', () => {
    const held: Meeting = {
      ...regiegroep,
      status: 'held',
      agendaStatus: 'gepubliceerd',
      agendaFrozenBy: 'held',
      publishedAt: '2026-12-08T09:30:00.000Z',
      heldAt: '2026-12-08T09:30:00.000Z',
      heldRecordedAt: '2026-12-08T09:30:00.000Z',
    };
    const print = render(MeetingPrintPage({ meeting: held, now: new Date('2026-12-08T10:00:00Z') }));
    expect(print).not.toContain('Concept');
    expect(print).toContain('agenda vastgelegd toen het overleg gehouden werd');
    const page = render(MeetingPage({ p: context(me('coordinator')), meeting: held }));
    expect(page).toContain('vastgelegd toen het overleg gehouden werd');
    expect(page).not.toContain('concept (stelt zich samen');
  });

  it('heads every printed page with werkagenda, overleg and date, the print date and page numbers', () => {
    const print = render(
      MeetingPrintPage({ meeting: regiegroep, werkagenda: 'langdurige ggz 2025–2028 "proef"', now: new Date('2026-12-08T10:00:00Z') }),
    );
    const header = /<header class="regie-print-header">([\s\S]*?)<\/header>/.exec(print)?.[1] ?? '';
    expect(header).toContain('Werkagenda langdurige ggz 2025–2028');
    expect(header).toContain('Afgedrukt op 8 december 2026 om 11:00');
    const style = /<style>([\s\S]*?)<\/style>/.exec(print)?.[1] ?? '';
    expect(style).toMatch(/@top-left \{ content: "Werkagenda langdurige ggz 2025–2028  proef  · [^"]+ · \w+ \d{1,2} \w+ \d{4}"/);
    expect(style).toContain('@bottom-left { content: "Afgedrukt op 8 december 2026 om 11:00"');
    expect(style).toContain('@bottom-right { content: "Pagina " counter(page) " van " counter(pages)');
  });

  it('prints the kind and standing of a decision in words, never its code', () => {
    const decision = { recordedAt: '2026-12-08T09:45:00.000Z', itemId: null, corrects: null, reason: null };
    const held: Meeting = {
      ...regiegroep,
      status: 'held',
      decisions: [
        { ...decision, id: 'd1', text: 'Prioriteit actielijn 2 vastgesteld.', kind: 'strategisch', status: 'geldig' },
        {
          ...decision,
          id: 'd2',
          text: 'Pilot Zeeland gestart.',
          kind: 'operationeel',
          status: 'ingetrokken',
          reason: 'Dubbel vastgelegd.',
        },
      ],
    };
    const print = render(MeetingPrintPage({ meeting: held, now: new Date('2026-12-08T10:00:00Z') }));
    expect(print).toContain('Prioriteit actielijn 2 vastgesteld. — strategisch besluit</li>');
    expect(print).toContain('Pilot Zeeland gestart. — operationeel besluit (ingetrokken; reden: Dubbel vastgelegd.)');
    expect(print).not.toMatch(/\((operationeel|strategisch|geldig)\)/);
  });

  it('shows a held meeting’s people by name, its decisions and action points in words: no account id, uuid or ISO date', () => {
    const held: Meeting = {
      ...regiegroep,
      status: 'held',
      agendaStatus: 'gepubliceerd',
      agendaFrozenBy: 'held',
      preparedBy: '0196a4a2-7c1e-7000-8000-000000000009',
      publishedAt: '2026-12-08T09:30:00.000Z',
      heldAt: '2026-12-08T09:30:00.000Z',
      heldRecordedAt: '2026-12-08T09:30:00.000Z',
      decisions: [
        {
          id: '0196a4a2-7c1e-7000-8000-0000000000d1',
          text: 'Prioriteit actielijn 2 vastgesteld.',
          kind: 'strategisch',
          status: 'geldig',
          recordedAt: '2026-12-08T09:45:00.000Z',
          itemId: 'i1',
          corrects: null,
          reason: null,
        },
      ],
      actionPoints: [
        {
          id: '0196a4a2-7c1e-7000-8000-0000000000a1',
          text: 'Notitie financiering opstellen',
          owner: 'C. de Vries',
          dueDate: '2026-12-20',
          done: false,
          completedOn: null,
          overdue: false,
          itemId: 'i1',
        },
      ],
    };
    const minutes = {
      meetingId: held.id,
      attendance: { present: ['Directeur VWS', 'C. de Vries'], absent: ['MIND'], recordedAt: '2026-12-08T10:00:00.000Z' },
      notes: [{ itemId: 'i1', title: held.agenda[0].title, notes: 'Besproken.', recordedAt: '2026-12-08T10:00:00.000Z' }],
    };
    for (const who of [me('coordinator'), me('director')]) {
      const named = { ...who, name: who.roles[0] === 'coordinator' ? 'C. de Vries' : 'Directeur' };
      const text = visibleText(render(MeetingPage({ p: context(named), meeting: held, minutes }))).replace(/\s+/g, ' ');
      expect({ who: who.username, ids: accountIds(text), codes: developerWords(text) }).toEqual({ who: who.username, ids: [], codes: [] });
      expect(text).toContain('strategisch besluit Prioriteit actielijn 2 vastgesteld.');
      expect(text).toContain('Notitie financiering opstellen');
      expect(text).toContain('C. de Vries');
      expect(text).toContain('Voorbereid in het kerngroepoverleg');
    }
    const print = visibleText(render(MeetingPrintPage({ meeting: held, now: new Date('2026-12-08T10:00:00Z') })));
    expect([...accountIds(print), ...developerWords(print)]).toEqual([]);
  });
});
