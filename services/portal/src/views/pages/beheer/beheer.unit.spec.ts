import { render } from 'preact-render-to-string';
import type { Account, MeetingSeries, Person, WerkagendaEntry } from '../../../api/beheer-api';
import { RegieApi } from '../../../api/regie-api';
import { forgottenMessage } from '../../../http/beheer-accounts.http';
import type { ActionSummary, Indicator, Me } from '../../../api/regie-api.models';
import { rights } from '../../../session/rights';
import type { PortalContext } from '../../../session/session';
import { eventFacts, eventSentence, REDACTED, redactSecrets } from '../../event-labels';
import { formErrors } from '../../form-state';
import { Layout } from '../../layout';
import { AccountPage, AccountsPage } from './accounts.page';
import { grantText, partyText, periodText } from './beheer-words';
import { IndicatorPage, targetDay } from './indicators.page';
import { ForgetPersonPage, PeoplePage } from './people.page';
import { SeriesListPage, SeriesPage } from './series.page';
import { BeheerWerkagendaPage } from './werkagenda.page';
import { WerkagendasPage } from './werkagendas.page';

const beheerder: Me = { username: 'beheerder', name: 'Beheerder (lokaal account)', roles: ['beheerder'], actionCodes: [] };
const coordinator: Me = { username: 'coordinator', name: 'Coördinator (lokaal account)', roles: ['coordinator'], actionCodes: [] };
const director: Me = { username: 'director', name: 'Directeur (lokaal account)', roles: ['director'], actionCodes: [] };
const context = (me: Me): PortalContext => ({
  me,
  rights: rights(me),
  api: {} as RegieApi,
  now: new Date('2026-12-08T09:30:00Z'),
  path: '/beheer',
});

const werkagenda: WerkagendaEntry = {
  id: 'actieplan-dakloos-wlz-2025',
  title: 'Passende zorg voor dakloze mensen met een Wlz-indicatie',
  period: { from: '2025-04-30', to: '2026-12-31' },
  parties: [
    {
      code: 'VNG',
      name: 'Vereniging van Nederlandse Gemeenten',
      role: 'partner',
      memberFrom: '2025-04-30',
      memberTo: null,
      bestuurlijkeAfspraken: { participates: false, since: null, sinceText: 'september 2024', note: null },
    },
  ],
  actionLines: [{ number: 1, title: 'Toegang tot de Wlz' }],
  archived: false,
  archiveReason: null,
};
const person: Person = {
  id: '0b5e2f0c-1f44-4f6a-9a53-0d6d8b0e7a11',
  name: 'C. de Vries',
  function: 'coördinator werkagenda',
  organisation: 'VWS',
  forgotten: false,
  revision: 1,
};
const account: Account = {
  id: '6c1f7a90-9f6b-4d1c-b7f3-2f1d1f6a2b3c',
  username: 'c.devries',
  personId: person.id,
  disabled: false,
  grants: [
    { role: 'coordinator', werkagendaId: werkagenda.id, actionCodes: [] },
    { role: 'actiehouder', werkagendaId: werkagenda.id, actionCodes: ['1.1', '1.2'] },
    { role: 'auditor', werkagendaId: '*', actionCodes: [] },
  ],
  ownPassword: false,
  createdAt: '2026-12-01T10:00:00Z',
  updatedAt: null,
};
const action = {
  key: 'actieplan-dakloos-wlz-2025:1.1',
  werkagendaId: werkagenda.id,
  code: '1.1',
  actiehouderPersonIds: [person.id],
  actionLine: 1,
  title: 'Ondersteuning pilotregio’s',
  actionHolder: { parties: ['VNG'], description: '' },
  rag: null,
  milestones: [],
  openKnelpunten: 0,
} as unknown as ActionSummary;

/** What a person reads: text and accessible names, without the head. */
const visible = (html: string): string =>
  [
    html.replace(/<head>[\s\S]*?<\/head>/, '').replace(/<[^>]+>/g, ' '),
    ...[...html.matchAll(/\s(?:aria-label|title|alt|placeholder)="([^"]*)"/g)].map((m) => m[1]),
  ].join('\n');

describe('the beheer section', () => {
  it('is in the main menu of a beheerder and a coordinator, not of a director', () => {
    const menu = (me: Me) => render(Layout({ title: 't', me, children: null }));
    expect(menu(beheerder)).toContain('href="/beheer"');
    expect(menu(coordinator)).toContain('href="/beheer"');
    expect(menu(director)).not.toContain('href="/beheer"');
  });

  it('says a grant, a party and a period in words, never an id or ISO date', () => {
    expect(grantText(account.grants[0], [werkagenda])).toBe('coördinator in Passende zorg voor dakloze mensen met een Wlz-indicatie');
    expect(grantText(account.grants[1], [werkagenda])).toBe(
      'actiehouder van acties 1.1 en 1.2 in Passende zorg voor dakloze mensen met een Wlz-indicatie',
    );
    expect(grantText(account.grants[2], [werkagenda])).toBe('auditor in alle werkagenda’s');
    expect(partyText(werkagenda.parties[0])).toBe(
      'partner; lid vanaf 30 april 2025; neemt niet deel aan de bestuurlijke afspraken (sinds september 2024)',
    );
    expect(periodText(werkagenda.period)).toBe('30 april 2025 tot en met 31 december 2026');
  });

  it("lists the werkagenda's with their period in words and status, and offers a beheerder a new one", () => {
    const html = render(
      WerkagendasPage({ p: context(beheerder), werkagendas: [werkagenda, { ...werkagenda, id: 'oud', archived: true }] }),
    );
    const text = visible(html);
    expect(text).toContain('30 april 2025 tot en met 31 december 2026');
    expect(text).toContain('lopend');
    expect(text).toContain('gearchiveerd');
    expect(html).toContain('action="/beheer/werkagendas#werkagenda-nieuw"');
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    // A coordinator sees them but does not establish one.
    expect(render(WerkagendasPage({ p: context(coordinator), werkagendas: [werkagenda] }))).not.toContain('#werkagenda-nieuw');
  });

  it('shows an archived werkagenda with its reason (the API answers it as a text) and no more forms to change it', () => {
    const archived = { ...werkagenda, archived: true, archiveReason: 'Proef afgelopen' };
    const html = render(BeheerWerkagendaPage({ p: context(beheerder), werkagenda: archived, actions: [], people: [] }));
    expect(visible(html)).toContain('Proef afgelopen');
    expect(html).not.toContain('#actie-nieuw"');
    expect(html).not.toContain('#werkagenda-archiveren"');
  });

  it('lets a coordinator add action lines and actions, but not change title, parties or archive', () => {
    const props = { werkagenda, actions: [action], people: [person] };
    const coord = render(BeheerWerkagendaPage({ p: context(coordinator), ...props }));
    expect(coord).toContain('#actielijn-nieuw"');
    expect(coord).toContain('#actie-nieuw"');
    expect(coord).not.toContain('#werkagenda-wijzigen"');
    expect(coord).not.toContain('#partij-nieuw"');
    expect(coord).not.toContain('#werkagenda-archiveren"');
    const beheer = render(BeheerWerkagendaPage({ p: context(beheerder), ...props }));
    for (const form of ['werkagenda-wijzigen', 'partij-nieuw', 'partij-VNG', 'werkagenda-archiveren', 'actie-nieuw'])
      expect(beheer).toContain(`#${form}"`);
    // Actiehouders are chosen by name from the directory, shown by name in the list.
    expect(beheer).toMatch(/type="checkbox"[^>]*name="actiehouderPersonIds" value="0b5e2f0c-[^"]*"/);
    expect(visible(beheer)).toContain('C. de Vries (VWS)');
    expect(visible(beheer)).not.toContain(person.id);
  });

  it('shows a refusal of the API (409, 400 with a field) on the form, in Dutch, next to the field', () => {
    const conflict = formErrors(
      'actie-nieuw',
      { status: 409, detail: 'actie 1.1 bestaat al in deze werkagenda' },
      { code: '1.1', title: 'Dubbel' },
    );
    const html = render(BeheerWerkagendaPage({ p: context(beheerder), werkagenda, actions: [], people: [], errors: conflict }));
    expect(html).toContain('Actie 1.1 bestaat al in deze werkagenda.');
    const invalid = formErrors(
      'partij-nieuw',
      { status: 400, errors: [{ field: 'role', message: 'kies penvoerder, partner of deelnemer' }] },
      { code: 'MIND', name: 'MIND' },
    );
    const again = render(BeheerWerkagendaPage({ p: context(beheerder), werkagenda, actions: [], people: [], errors: invalid }));
    expect(again).toMatch(/id="partij-nieuw-role-fout"[^>]*>.*kies penvoerder, partner of deelnemer/);
    expect(again).toMatch(/id="partij-nieuw-code"[^>]*value="MIND"/);
  });

  it('lists accounts with the person’s name and the grants in words, never the account id', () => {
    const html = render(AccountsPage({ p: context(beheerder), accounts: [account], people: [person], werkagendas: [werkagenda] }));
    const text = visible(html);
    expect(text).toContain('c.devries');
    expect(text).toContain('C. de Vries');
    expect(text).toContain('coördinator in Passende zorg voor dakloze mensen met een Wlz-indicatie');
    expect(text).not.toContain(account.id);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('shows a new password once, on the answer to the reset, and offers to disable the account', () => {
    const html = render(
      AccountPage({ p: context(beheerder), account, people: [person], werkagendas: [werkagenda], newPassword: 'geheim-wachtwoord-123' }),
    );
    expect(html).toContain('geheim-wachtwoord-123');
    // the login name only where it is said to be one; the person by name
    const text = visible(html).replace(/\s+/g, ' ');
    expect(
      text
        .split('c.devries')
        .slice(0, -1)
        .every((before) => /gebruikersnaam $/i.test(before)),
    ).toBe(true);
    expect(text).toContain('Account met gebruikersnaam c.devries Persoon C. de Vries');
    expect(html).toContain('Dit is de enige keer dat het wordt getoond');
    expect(html).toContain('#account-uitschakelen"');
    expect(html).toContain('/rechten/1/intrekken#recht-1-intrekken"');
    expect(render(AccountPage({ p: context(beheerder), account, people: [person], werkagendas: [werkagenda] }))).not.toContain(
      'geheim-wachtwoord',
    );
  });

  it('lists the people directory, and asks before forgetting, saying what forgetting does', () => {
    const forgotten = { ...person, id: 'x', name: '[verwijderd]', forgotten: true };
    const list = visible(render(PeoplePage({ p: context(coordinator), people: [person, forgotten] })));
    expect(list).toContain('C. de Vries');
    expect(list).toContain('vergeten persoon');
    expect(list).not.toContain('[verwijderd]');
    const confirm = render(ForgetPersonPage({ p: context(beheerder), person }));
    expect(confirm).toContain('Vergeten kan niet ongedaan worden gemaakt');
    expect(confirm).toContain('“[verwijderd]”');
    expect(confirm).toContain(`action="/beheer/personen/${person.id}/vergeten#persoon-vergeten"`);
  });
});

describe('account events on the audit screens', () => {
  const reset = { type: 'PasswordReset', data: { accountId: account.id, salt: 'c2FsdA==', hash: 'aGFzaA==' } };

  it('never show the hash or salt of a password, not even in the technical detail', () => {
    const redacted = redactSecrets(reset);
    expect(redacted.data).toEqual({ accountId: account.id, salt: REDACTED, hash: REDACTED });
    expect(JSON.stringify(redacted)).not.toMatch(/c2FsdA|aGFzaA/);
    expect(eventSentence('PasswordReset', reset.data)).toBe('Nieuw wachtwoord voor een account ingesteld');
    expect(eventFacts(reset.data)).toBe('');
  });

  it('are redacted by the API client, so no audit screen can show them', async () => {
    const answer = { stream: `account-${account.id}`, events: [{ ...reset, id: 'e1', position: 1, metadata: {} }] };
    const fetch = jest.spyOn(global, 'fetch').mockResolvedValue(new Response(JSON.stringify(answer), { status: 200 }));
    try {
      const stream = await new RegieApi('http://localhost').auditStream(answer.stream);
      expect(JSON.stringify(stream)).not.toMatch(/c2FsdA|aGFzaA/);
    } finally {
      fetch.mockRestore();
    }
  });

  it('tell grants in words', () => {
    expect(
      eventSentence('AccountCreated', { accountId: 'a', username: 'c.devries', grants: account.grants.slice(0, 2), personId: null }),
    ).toBe("Account 'c.devries' aangemaakt: coördinator; actiehouder van actie 1.1, 1.2");
    expect(eventSentence('GrantsChanged', { accountId: 'a', grants: [] })).toBe('Rechten van een account gewijzigd: geen rechten meer');
  });
});

describe('overlegvormen in beheer', () => {
  const series = {
    id: '5d0c8f7e-1c2b-4f7a-9f0e-3b1a2c4d5e6f',
    werkagendaId: werkagenda.id,
    kind: 'overleg',
    title: 'Pilotoverleg',
    purpose: '',
    cadence: 'driewekelijks',
    interval: { unit: 'weeks', every: 3 },
    participants: ['VNG', 'ZN'],
    chair: 'Directeur ZN',
    organiser: 'VWS',
    firstOccurrence: { date: '2027-01-12', time: '10:00', timeZone: 'Europe/Amsterdam' },
    localTime: '10:00',
    durationMinutes: 90,
    example: false,
    changes: [],
    endsOn: null,
    endReason: null,
  } as unknown as MeetingSeries;

  it('are a coordinator’s part of beheer: list, new, change from a date, end, and a loose overleg', () => {
    const list = render(SeriesListPage({ p: context(coordinator), series: [series], werkagendas: [werkagenda] }));
    expect(list).toContain('href="/beheer/overlegvormen"');
    expect(visible(list)).toContain('driewekelijks, om 10:00 (90 minuten)');
    expect(list).toContain('#overlegvorm-nieuw"');
    expect(list).toContain('action="/beheer/overleggen#overleg-los"');
    const one = render(SeriesPage({ p: context(coordinator), series, werkagendas: [werkagenda] }));
    expect(visible(one)).toContain('12 januari 2027');
    expect(one).toContain('#overlegvorm-wijzigen"');
    expect(one).toContain('#overlegvorm-beeindigen"');
    expect(visible(one)).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    const ended = render(
      SeriesPage({ p: context(coordinator), series: { ...series, endsOn: '2027-07-01', endReason: 'Pilot klaar' }, werkagendas: [] }),
    );
    expect(visible(ended)).toContain('Beëindigd vanaf 1 juli 2027');
    expect(ended).not.toContain('#overlegvorm-wijzigen"');
    // A beheerder does not plan overleggen: the part is not theirs.
    expect(render(WerkagendasPage({ p: context(beheerder), werkagendas: [] }))).not.toContain('href="/beheer/overlegvormen"');
  });
});

describe('indicator targets in beheer', () => {
  it('reads a target by its day, or by the last day of its month', () => {
    const target = { value: 8, by: '2026-06', text: '', source: '' };
    expect(targetDay({ ...target, date: '2026-06-15' })).toBe('2026-06-15');
    expect(targetDay(target)).toBe('2026-06-30');
    expect(targetDay({ ...target, by: null })).toBe('');
  });

  it('says targets in words, by month or by day, and offers the whole set to change with a reason', () => {
    const indicator = {
      id: 'pilotregio-s-gestart',
      title: 'Pilotregio’s gestart',
      name: 'Pilotregio’s gestart',
      werkagendaId: werkagenda.id,
      actionCode: null,
      direction: 'hoger-is-beter',
      unit: 'regio’s',
      targets: [
        { value: 8, by: '2026-06', date: '2026-06-30', text: '', source: '' },
        { value: 9, by: '2027-03', text: '', source: '' },
        { value: 100, by: null, text: '', source: '' },
      ],
      targetHistory: [],
    } as unknown as Indicator;
    const html = render(IndicatorPage({ p: context(coordinator), indicator, werkagendas: [werkagenda] }));
    expect(visible(html)).toContain(
      'Huidige doelen: 8 regio’s uiterlijk 30 juni 2026; 9 regio’s uiterlijk maart 2027; 100 regio’s op de langere termijn.',
    );
    expect(html).toMatch(/name="date-1" type="date" value="2027-03-31"/);
    expect(html).toContain('#doelen-wijzigen"');
    expect(visible(html)).not.toMatch(/\d{4}-\d{2}/);
  });
});

describe('forgetting a person in beheer', () => {
  it('says after forgetting how often the name may still stand in free text', () => {
    expect(forgottenMessage({ remaining: { events: [], tables: [] } })).toBe('De persoon is vergeten: de naam is nergens meer te lezen.');
    const remaining = { events: [{ position: 3, streamId: 'action-2.1', type: 'ProgressReported' }], tables: [{ table: 'x', rows: 2 }] };
    expect(forgottenMessage({ remaining })).toBe(
      'De persoon is vergeten. De naam kan nog als vrije tekst voorkomen in 1 vastgelegde gebeurtenis en 2 regels van de overzichten, bijvoorbeeld in een toelichting; de auditor kan dat nagaan in de audit.',
    );
  });
});
