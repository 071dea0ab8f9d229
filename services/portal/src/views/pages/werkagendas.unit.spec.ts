import { render } from 'preact-render-to-string';
import type { RegieApi } from '../../api/regie-api';
import type { Action, ActionSummary, Me, Person, WerkagendaEntry } from '../../api/regie-api.models';
import { mayRead, rights } from '../../session/rights';
import type { PortalContext } from '../../session/session';
import { sectionOf, werkagendaChoice } from '../../session/session';
import { Layout } from '../layout';
import { actiehouderNames, holderText, readableKeys, regionPeriod } from '../werkagenda';
import { ActionPage } from './action.page';
import { tasksFor } from './home-tasks';
import { CHOICES_SHOWN, matchingWerkagendas, WerkagendaChoicePage } from './werkagenda-choice.page';
import { WerkagendaPage } from './werkagenda.page';

const FIRST = 'betekenisvol-leven-2025-2028';
const ACTIEPLAN = 'actieplan-dakloos-wlz-2025';
const KEY = `${ACTIEPLAN}:1.1`;

const werkagenda = (id: string, title: string): WerkagendaEntry => ({
  id,
  title,
  period: { from: '2025-03-11', to: '2028-12-31' },
  parties: [{ code: 'VWS', name: 'VWS', role: 'penvoerder', memberFrom: null, memberTo: null, bestuurlijkeAfspraken: null }],
  actionLines: [{ number: 1, title: 'Sneller passende zorg' }],
  archived: false,
  archiveReason: null,
});
const first = werkagenda(FIRST, 'Een betekenisvol leven met een langdurige psychische aandoening');
const actieplan = werkagenda(ACTIEPLAN, 'Passende zorg voor dakloze mensen met een Wlz-indicatie');

const user = (grants: NonNullable<Me['grants']>, personId?: string): Me => ({
  username: 'u',
  name: 'J. Voorbeeld',
  roles: [...new Set(grants.map((g) => g.role))],
  actionCodes: [],
  grants,
  personId,
});
const coordinatorOfFirst = user([{ role: 'coordinator', werkagendaId: FIRST, actionCodes: [] }]);
const auditor = user([{ role: 'auditor', werkagendaId: '*', actionCodes: [] }]);
const PERSON = '7d5b0a57-3d5e-4f0e-9c1e-3a4b5c6d7e8f';
const actiehouderOfActieplan = user([{ role: 'actiehouder', werkagendaId: ACTIEPLAN, actionCodes: ['1.1'] }], PERSON);

const context = (me: Me, current: WerkagendaEntry, path = '/'): PortalContext => ({
  me,
  rights: rights(me, current.id),
  api: {} as RegieApi,
  now: new Date('2026-12-08T09:30:00Z'),
  path,
  werkagendas: werkagendaChoice([first, actieplan], (id) => mayRead(me, id), current.id, path),
});

const regions = [
  'Amsterdam',
  'Haaglanden',
  'Midden-IJssel',
  'Noord-Holland-Noord',
  'Utrecht',
  'West-Brabant',
  'Zaanstreek-Waterland',
  'Zeeland',
  'Zwolle',
];
const action: Action = {
  key: KEY,
  werkagendaId: ACTIEPLAN,
  code: '1.1',
  actiehouderPersonIds: [PERSON],
  actionLine: 1,
  title: 'Ondersteuning pilotregio’s',
  actionHolder: { parties: [], description: 'Regioadviseurs ondersteunen de regio’s.' },
  rag: null,
  startActivities: [],
  progressReports: [],
  knelpunten: [],
  revision: 12,
  regions: regions.map((name, n) => ({
    slug: name.toLowerCase(),
    name: `Zorgkantoorregio ${name}`,
    period: { from: '2025-07-01', to: '2026-05-31' },
    status: n === 0 ? 'plan_van_aanpak_gereed' : 'aangemeld',
    statusChanges: [],
  })),
  milestones: regions.map((name, n) => ({
    id: `m${n}`,
    title: `Plan van aanpak – Zorgkantoorregio ${name}`,
    dueDate: '2026-05-31',
    status: 'planned',
    late: true,
    achievedLate: false,
    daysLate: 191,
    replanCount: 0,
    originalDueDate: '2026-05-31',
    dueDateText: null,
    regionSlug: name.toLowerCase(),
    startedOn: null,
    achievedOn: null,
    replans: [],
    cancelReason: null,
    revision: 1,
  })),
};
const people: Person[] = [
  { id: PERSON, name: 'J. Voorbeeld', function: 'actiehouder', organisation: 'VNG', forgotten: false, revision: 1 },
];
const summary = ({ startActivities, progressReports, knelpunten, regions: _r, revision, ...rest }: Action): ActionSummary => ({
  ...rest,
  milestones: rest.milestones.map(({ id, title, dueDate, status, late, achievedLate, daysLate, replanCount }) => ({
    id,
    title,
    dueDate,
    status,
    late,
    achievedLate,
    daysLate,
    replanCount,
  })),
  openKnelpunten: 0,
  lastReportedAt: null,
});
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('the portal works per werkagenda', () => {
  it('offers the werkagenda’s a user holds a grant in (all for *), the remembered one if still theirs, else the first', () => {
    const all = [first, actieplan];
    expect(werkagendaChoice(all, (id) => mayRead(auditor, id), undefined, '/')?.choices.map((w) => w.id)).toEqual([FIRST, ACTIEPLAN]);
    expect(werkagendaChoice(all, (id) => mayRead(auditor, id), ACTIEPLAN, '/')?.current.id).toBe(ACTIEPLAN);
    const own = werkagendaChoice(all, (id) => mayRead(coordinatorOfFirst, id), ACTIEPLAN, '/');
    expect(own?.choices.map((w) => w.id)).toEqual([FIRST]);
    expect(own?.current.id).toBe(FIRST); // a cookie naming another werkagenda grants nothing
    expect(werkagendaChoice(all, (id) => mayRead(actiehouderOfActieplan, id), undefined, '/')?.current.id).toBe(ACTIEPLAN);
    expect(werkagendaChoice(all, () => false, undefined, '/')).toBeUndefined();
  });

  it('returns from the switcher to the same section, an action page to the werkagenda page, never elsewhere', () => {
    expect(sectionOf('/overleggen/abc?peildatum=2026-01-01')).toBe('/overleggen');
    expect(sectionOf(`/acties/${encodeURIComponent(KEY)}`)).toBe('/werkagenda');
    expect(sectionOf('/')).toBe('/');
    expect(sectionOf('//evil.example/x')).toBe('/');
  });

  it('shows a switcher form without script to a user of two werkagenda’s, and only the name to a user of one', () => {
    const two = render(Layout({ title: 'Overzicht', me: auditor, werkagendas: context(auditor, actieplan).werkagendas, children: null }));
    expect(two).toContain('<form method="post" action="/werkagenda-kiezen"');
    expect(two).toContain(`<option value="${ACTIEPLAN}" selected>Passende zorg voor dakloze mensen met een Wlz-indicatie</option>`);
    expect(two).toContain('<title>Overzicht — Passende zorg voor dakloze mensen met een Wlz-indicatie — Regie</title>');
    const one = render(
      Layout({ title: 'Overzicht', me: coordinatorOfFirst, werkagendas: context(coordinatorOfFirst, first).werkagendas, children: null }),
    );
    expect(one).not.toContain('werkagenda-kiezen');
    expect(text(one)).toContain('Werkagenda: Een betekenisvol leven met een langdurige psychische aandoening');
  });

  it('links a user of more werkagenda’s than the header lists to a page to choose, which searches them by name', () => {
    const many = [first, actieplan, ...Array.from({ length: 1_000 }, (_, i) => werkagenda(`wa${i + 1}`, `Voorbeeldwerkagenda ${i + 1}`))];
    const p: PortalContext = {
      ...context(auditor, actieplan, '/audit'),
      werkagendas: werkagendaChoice(many, () => true, ACTIEPLAN, '/audit'),
    };
    const page = render(Layout({ title: 'Audit', me: auditor, werkagendas: p.werkagendas, children: null }));
    expect(page).not.toContain('id="werkagenda-keuze"'); // no list of a thousand options on every page
    expect(page.length).toBeLessThan(20_000);
    expect(text(page)).toContain('Werkagenda: Passende zorg voor dakloze mensen met een Wlz-indicatie Andere werkagenda kiezen');
    expect(page).toContain('href="/werkagenda-kiezen?terug=%2Faudit"');

    const chooser = (search?: string) => render(WerkagendaChoicePage({ p, search, returnTo: '/audit' }));
    const all = chooser();
    expect(text(all)).toContain("U heeft rechten in 1002 werkagenda's.");
    expect(all.match(/type="radio"/g)).toHaveLength(CHOICES_SHOWN);
    expect(text(all)).toContain(`Hierboven de eerste ${CHOICES_SHOWN} van 1002 werkagenda's.`);
    expect(all).toContain('<form method="post" action="/werkagenda-kiezen" class="regie-form" aria-label="Werkagenda kiezen">');
    expect(all).toContain('<input type="hidden" name="terug" value="/audit"/>');
    // The current one is chosen where it is listed; numbers by their value (2 before 10).
    expect(all).toMatch(new RegExp(`value="${ACTIEPLAN}" checked`));
    const found = chooser('voorbeeldwerkagenda 99');
    // Every word anywhere in the name, by number: 99, 199 … 899, 990 … 999.
    expect(matchingWerkagendas(p.werkagendas!.choices, 'voorbeeldwerkagenda 99').map((w) => w.id)).toEqual([
      'wa99',
      ...Array.from({ length: 8 }, (_, i) => `wa${i + 1}99`),
      ...Array.from({ length: 10 }, (_, i) => `wa${990 + i}`),
    ]);
    expect(found.match(/type="radio"/g)).toHaveLength(19);
    expect(found).toMatch(/value="wa99" checked/); // the current one is not among them: the first is chosen
    expect(text(found)).not.toContain('Hierboven de eerste');
    expect(text(chooser('Passende ZORG dakloze'))).toContain('Passende zorg voor dakloze mensen met een Wlz-indicatie');
    expect(text(chooser('bestaat niet'))).toContain('Geen werkagenda gevonden met ‘bestaat niet’.');
    expect(chooser('bestaat niet')).not.toContain('method="post" action="/werkagenda-kiezen');
  });

  it('gives rights per werkagenda: a coordinator of the first writes there only, an actiehouder on their action by key', () => {
    const inFirst = rights(coordinatorOfFirst, FIRST);
    const inActieplan = rights(coordinatorOfFirst, ACTIEPLAN);
    expect(inFirst.coordinate && inFirst.decide('operationeel') && inFirst.writeAction('2.1')).toBe(true);
    expect(inActieplan.coordinate || inActieplan.decide('operationeel') || inActieplan.recordHeld('kerngroep')).toBe(false);
    expect(inFirst.writeAction(KEY)).toBe(false);
    const holder = rights(actiehouderOfActieplan, ACTIEPLAN);
    expect(holder.writeAction(KEY)).toBe(true);
    expect(holder.writeAction('1.1')).toBe(false); // action 1.1 of the first werkagenda is another action
    expect(holder.coordinate).toBe(false);
  });

  it('shows an action by key: "Actie 1.1" with its werkagenda, its nine regions in words and its mijlpalen per region', () => {
    const html = render(
      ActionPage({ p: context(actiehouderOfActieplan, actieplan, `/acties/${KEY}`), action, werkagenda: actieplan, people }),
    );
    const words = text(html);
    expect(words).toContain('Actie 1.1 · Passende zorg voor dakloze mensen met een Wlz-indicatie');
    expect(words).not.toContain(KEY);
    expect(html).toContain('<title>Actie 1.1 — Passende zorg voor dakloze mensen met een Wlz-indicatie — Regie</title>');
    expect(html).toContain(`action="/acties/${encodeURIComponent(KEY)}/voortgang#voortgang-form"`); // their own action: the forms
    expect(html.match(/<td class="utrecht-table__cell">Zorgkantoorregio /g)?.length).toBe(9);
    expect(words).toContain('Zorgkantoorregio Zwolle juli 2025 tot en met mei 2026 aangemeld');
    expect(words).toContain('plan van aanpak gereed');
    expect(html.match(/class="regie-disclosure regie-region-group"/g)?.length).toBe(9);
    expect(words).toMatch(/Zorgkantoorregio Amsterdam \(1 mijlpaal, 1 te laat, 0 behaald\)/);
    expect(words).toContain('Actiehouder J. Voorbeeld');
    expect(words).not.toContain('Nog niet benoemd');
  });

  it('names actiehouders from the people directory, never by id; the actiehouder themselves also without the directory', () => {
    expect(actiehouderNames(action, people)).toEqual(['J. Voorbeeld']);
    expect(actiehouderNames(action, [], actiehouderOfActieplan)).toEqual(['J. Voorbeeld']);
    expect(actiehouderNames(action, [])).toEqual(['naam niet meer bekend']);
    expect(holderText({ parties: ['VNG'], description: '' }, ['J. Voorbeeld'])).toBe('VNG (J. Voorbeeld)');
    expect(holderText({ parties: [], description: '' })).toBe('Nog niet benoemd');
  });

  it('lists the werkagenda page under the werkagenda’s title, with links by encoded key and the codes people read', () => {
    const html = render(
      WerkagendaPage({ p: context(auditor, actieplan, '/werkagenda'), werkagenda: actieplan, actions: [summary(action)], people }),
    );
    expect(html).toContain('<h1 class="nl-heading nl-heading--level-1">Passende zorg voor dakloze mensen met een Wlz-indicatie</h1>');
    expect(html).toContain(`href="/acties/${encodeURIComponent(KEY)}"`);
    expect(text(html)).toContain('1.1 Ondersteuning pilotregio’s J. Voorbeeld');
  });

  it('gives the actiehouder of 1.1 in the actieplan their tasks by key, and reads a service’s keys as codes', () => {
    const tasks = tasksFor(context(actiehouderOfActieplan, actieplan), { actions: [summary(action)], overdue: [], upcoming: [] });
    expect(tasks[0]).toMatchObject({
      href: `/acties/${encodeURIComponent(KEY)}#voortgang-form`,
      text: 'Voortgang van actie 1.1 rapporteren',
    });
    expect(readableKeys(`Actie ${KEY} is nooit herpland, om 10:00`)).toBe('Actie 1.1 is nooit herpland, om 10:00');
    expect(regionPeriod({ period: null })).toBe('geen looptijd bekend');
  });
});
