import { render } from 'preact-render-to-string';
import type { RegieApi } from '../../api/regie-api';
import type { Commitment, Me } from '../../api/regie-api.models';
import { rights } from '../../session/rights';
import type { PortalContext } from '../../session/session';
import { accountIds, developerWords, visibleText } from '../../testing/visible-text';
import { Layout } from '../layout';
import { CommitmentPage } from './commitment.page';

/** Each local account as GET /auth/me names it: the linked person, else the role in Dutch. */
const accounts: Me[] = [
  {
    username: 'coordinator',
    name: 'C. de Vries',
    roles: ['coordinator'],
    actionCodes: [],
    personId: '4d714d83-12c0-5f1f-88b6-eedfed89c35a',
  },
  { username: 'director', name: 'Directeur', roles: ['director'], actionCodes: [] },
  { username: 'actiehouder-2.1', name: 'Actiehouder actie 2.1', roles: ['actiehouder'], actionCodes: ['2.1'] },
  { username: 'auditor', name: 'Auditor', roles: ['auditor'], actionCodes: [] },
  { username: 'beheerder', name: 'Beheerder', roles: ['beheerder'], actionCodes: [] },
];
const context = (me: Me): PortalContext => ({
  me,
  rights: rights(me),
  api: {} as RegieApi,
  now: new Date('2026-12-08T09:30:00Z'),
  path: '/',
});
const text = (html: string) => visibleText(html).replace(/\s+/g, ' ');

describe('people by name and role, never by account id', () => {
  it('the scan finds account ids and uuids', () => {
    expect(accountIds('door actiehouder-2.1, coordinator en Director; 4d714d83-12c0-5f1f-88b6-eedfed89c35a')).toEqual([
      'coordinator',
      'Director',
      'actiehouder-2.1',
      '4d714d83-12c0-5f1f-88b6-eedfed89c35a',
    ]);
    expect(accountIds('C. de Vries, coördinator; directeur (regiegroep); actiehouder van actie 2.1')).toEqual([]);
  });

  it('the header says who is logged in by name, with the role once, for every role', () => {
    const header = accounts.map(
      (me) => /Ingelogd als .*? Uitloggen/.exec(text(render(Layout({ title: 'Overzicht', me, children: null }))))?.[0],
    );
    expect(header).toEqual([
      'Ingelogd als C. de Vries , coördinator Uitloggen',
      'Ingelogd als Directeur Uitloggen',
      'Ingelogd als Actiehouder actie 2.1 Uitloggen',
      'Ingelogd als Auditor Uitloggen',
      'Ingelogd als Beheerder Uitloggen',
    ]);
  });

  it('a toezegging’s history names who changed it, and the platform’s own checks in words', () => {
    const due = { text: 'najaar 2026', date: '2026-11-30' };
    const commitment = {
      id: '1ee131a8-d60c-56be-a66e-52c806a57f55',
      text: 'De Kamer informeren over de voortgang.',
      madeBy: 'minister van VWS',
      madeAt: { date: '2025-06-12', source: 'Commissiedebat ggz' },
      due,
      dueDate: due.date,
      status: 'overdue',
      actionCodes: ['2.1'],
      werkagendaId: 'betekenisvol-leven-2025-2028',
      externalRef: null,
      postponementCount: 1,
      fulfilledBy: null,
      revision: 3,
      originalDue: { text: 'voorjaar 2026', date: '2026-05-31' },
      postponements: [
        { due, previousDue: { text: 'voorjaar 2026', date: '2026-05-31' }, reason: 'Onderzoek loopt uit', at: '2026-05-20T10:00:00Z' },
      ],
      fulfilment: null,
      withdrawal: null,
      overdue: [{ at: '2026-12-01T00:00:00Z' }],
      dueSoon: [],
      updates: [],
      history: [
        { revision: 1, type: 'CommitmentRegistered', at: '2025-06-12T10:00:00Z', actor: 'seed' },
        { revision: 2, type: 'CommitmentPostponed', at: '2026-05-20T10:00:00Z', actor: 'coordinator' },
        { revision: 3, type: 'CommitmentBecameOverdue', at: '2026-12-01T00:00:00Z', actor: 'scheduler' },
      ],
      registeredAt: '2025-06-12T10:00:00Z',
    } as Commitment;
    const actors = { seed: 'eerste inrichting', coordinator: 'C. de Vries, coördinator werkagenda', scheduler: 'automatische controle' };
    for (const me of accounts) {
      const page = text(render(CommitmentPage({ p: context(me), commitment, actors })));
      expect({ who: me.username, ids: accountIds(page), codes: developerWords(page) }).toEqual({ who: me.username, ids: [], codes: [] });
      expect(page).toContain('20 mei 2026 om 12:00, door C. de Vries, coördinator werkagenda');
      expect(page).toContain('door automatische controle');
      expect(page).toContain('door eerste inrichting');
    }
  });
});
