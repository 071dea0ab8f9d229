import { render } from 'preact-render-to-string';
import type { RegieApi } from '../../api/regie-api';
import type { Action, AuditEvent, ChainCheckpoint, Me, Verification } from '../../api/regie-api.models';
import { rights } from '../../session/rights';
import type { PortalContext } from '../../session/session';
import { accountIds, developerWords, visibleText } from '../../testing/visible-text';
import { AuditEventPage } from './audit-event.page';
import { AuditPage } from './audit.page';
import { HomePage } from './home.page';
import { KnelpuntenPage } from './knelpunten.page';
import { StreamPage } from './stream.page';

const auditor: Me = { username: 'auditor', name: 'Auditor (lokaal account)', roles: ['auditor'], actionCodes: [] };
const p: PortalContext = {
  me: auditor,
  rights: rights(auditor),
  api: {} as RegieApi,
  now: new Date('2026-12-08T09:30:00Z'),
  path: '/audit',
};

let position = 0;
const event = (streamId: string, type: string, data: unknown): AuditEvent => ({
  id: `e${++position}`,
  streamId,
  revision: 0,
  position,
  type,
  schemaVersion: 1,
  data,
  metadata: { actor: { userId: 'actiehouder-2.1', role: 'actiehouder' }, correlationId: 'c', causationId: 'c' },
  occurredAt: '2026-12-08T09:37:12.860Z',
  recordedAt: '2026-12-08T09:37:12.861Z',
  hash: 'abc',
});

const events: AuditEvent[] = [
  event('milestone-0b1c', 'MilestoneAchieved', { milestoneId: '0b1c', actionCode: '0', achievedOn: '2026-02-27' }),
  event('milestone-0b1c', 'MilestoneReplanned', {
    milestoneId: '0b1c',
    actionCode: '2.1',
    previousDueDate: '2026-04-30',
    dueDate: '2026-06-30',
    reason: 'Regio’s later gestart',
  }),
  event('action-2.1', 'ProgressReported', {
    code: '2.1',
    reportId: 'r',
    rag: 'oranje',
    summary: 'Loopt uit',
    reportedAt: '2026-12-08T09:37:12.860Z',
  }),
  event('projection-2026-Q4', 'ProjectionPublished', {
    quarter: '2026-Q4',
    version: 1,
    publishedAt: '2026-12-08T09:37:12.860Z',
    document: {},
  }),
  event('meeting-f48461fc-1731-57b6-82c0-47878b7a625d', 'MeetingHeld', {
    meetingId: 'f48461fc-1731-57b6-82c0-47878b7a625d',
    seriesId: 's',
    kind: 'kerngroep',
    heldAt: '2026-12-08T09:00:00.000Z',
  }),
  event('indicator-wlz', 'MeasurementRecorded', { indicatorId: 'wlz', period: '2026-10', value: 1250, previousValue: null, source: 'CBS' }),
];

const signed: ChainCheckpoint = {
  checkpoint: { position: 12345, verifiedAt: '2026-12-05T13:03:00Z', trusted: true },
  head: { position: 12352 },
  since: 7,
};
const intact: Verification = { ok: true, events: 6, head: { position: 6, hash: 'abc' }, checkedAt: '2026-12-08T09:40:00Z', problems: [] };
const broken: Verification = {
  ...intact,
  ok: false,
  problems: [{ position: 2, kind: 'hash-mismatch', detail: 'event 0b1c (MilestoneReplanned) is gewijzigd of verplaatst' }],
};

describe('the audit screens speak Dutch to people', () => {
  it('tell each event, its subject and its facts in words: no ISO date, stream id or English event name on screen', () => {
    const subjects = {
      actions: [
        { key: '2.1', code: '2.1', title: 'Regionale aanpak', milestones: [{ id: '0b1c', title: 'Plan van aanpak Utrecht' }] },
        { key: 'actieplan-dakloos-wlz-2025:1.1', code: '1.1', werkagendaId: 'actieplan-dakloos-wlz-2025', title: 'Pilots', milestones: [] },
      ] as never,
      commitments: [],
      meetings: [],
      people: [{ id: 'p1', name: 'C. de Vries', function: 'coördinator werkagenda', organisation: 'VWS', forgotten: false, revision: 0 }],
      werkagendas: [{ id: 'actieplan-dakloos-wlz-2025', title: 'Actieplan dakloosheid' }],
    };
    const actors = { 'actiehouder-2.1': 'C. de Vries, actiehouder actie 2.1' };
    const keyed = event('action-actieplan-dakloos-wlz-2025:1.1', 'ActionDefined', {
      werkagendaId: 'actieplan-dakloos-wlz-2025',
      code: 'actieplan-dakloos-wlz-2025:1.1',
      title: 'Pilots',
    });
    const html = render(
      AuditPage({ p, page: { events: [...events, keyed], next: null }, filters: { aantal: 50 }, checkpoint: signed, subjects, actors }),
    );
    const text = visibleText(html);
    expect(developerWords(text)).toEqual([]);
    expect(text).toContain(
      "Mijlpaal 'Plan van aanpak Utrecht' van actie 2.1 verplaatst van 30 april 2026 naar 30 juni 2026, reden: Regio’s later gestart — door C. de Vries, actiehouder actie 2.1.",
    );
    expect(text).toContain("Mijlpaal 'Plan van aanpak Utrecht' van actie 0 behaald op 27 februari 2026");
    expect(text).toContain("Voortgang van actie 2.1 gerapporteerd als oranje: 'Loopt uit'");
    expect(text).toContain('Actie 2.1: Regionale aanpak');
    expect(text).toContain("Actie 1.1 'Pilots' vastgelegd in werkagenda 'Actieplan dakloosheid'");
    expect(text).toContain('Actie 1.1 (Actieplan dakloosheid): Pilots');
    expect(html).toContain('<option value="persoon:p1">C. de Vries, coördinator werkagenda (VWS)</option>');
    // The chain's last signed checkpoint, not a full recomputation, with the button that runs one.
    expect(text).toContain('Keten gecontroleerd tot gebeurtenis 12.345 op 5 december 2026 om 14:03; sindsdien 7 nieuwe gebeurtenissen.');
    expect(html).toMatch(
      /<form method="post" action="\/audit\/controle\?aantal=50"[^>]*>\s*<button type="submit"[^>]*>Nu controleren<\/button>/,
    );
    expect(text).toContain('Kwartaalprojectie 4e kwartaal 2026');
    expect(text).toContain('Mijlpaal van actie 2.1');
    expect(text).toContain('periode: oktober 2026');
    // Who did it in words, never the account id (the stored record, on the event's page, keeps it).
    expect(text).not.toContain('actiehouder-2.1');
    expect(html).toContain('aria-label="Situatie vlak vóór Voortgang gerapporteerd (positie 3)"');
    // newest first, each event's stored record one click away on its own page (not on the list: 55 KB of 110)
    expect(html).toContain('Gebeurtenissen, de nieuwste eerst');
    expect(html).toContain(
      '<a class="nl-link" href="/audit/gebeurtenissen/2" aria-label="Gebeurtenis bekijken: Mijlpaal verplaatst (positie 2)">',
    );
    expect(html).not.toContain('regie-json');
  });

  it('show one event on its own page: in words, with the stored record as the API gives it', () => {
    const [, replanned] = events;
    const names = { milestoneTitle: (id: string) => (id === '0b1c' ? 'Plan van aanpak Utrecht' : undefined) };
    const actors = { 'actiehouder-2.1': 'C. de Vries, actiehouder actie 2.1' };
    const html = render(AuditEventPage({ p, event: replanned, namesOpen: false, actors, names }));
    const text = visibleText(html).replace(/\s+/g, ' ');
    expect(developerWords(text)).toEqual([]);
    expect(accountIds(text)).toEqual([]);
    expect(text).toContain('Gebeurtenis 2 Mijlpaal verplaatst');
    expect(text).toContain(
      "Mijlpaal 'Plan van aanpak Utrecht' van actie 2.1 verplaatst van 30 april 2026 naar 30 juni 2026, reden: Regio’s later gestart — door C. de Vries, actiehouder actie 2.1.",
    );
    expect(text).toContain('Gebeurd op 8 december 2026 om 10:37');
    expect(text).toContain('Door C. de Vries, actiehouder actie 2.1');
    expect(html).toContain('href="/audit/stromen/milestone-0b1c"');
    expect(html).toContain('href="/audit/gebeurtenissen/2?namen=open"');
    // The record itself, open: type code, data, metadata and hash, as stored.
    expect(html).toMatch(
      /<details class="regie-event regie-technical" open><summary>Technische gegevens<\/summary><pre class="regie-json" tabindex="0">\{\s*&quot;type&quot;: &quot;MilestoneReplanned/,
    );
    expect(html).toContain('&quot;userId&quot;: &quot;actiehouder-2.1&quot;');
    expect(html).not.toContain('Situatie vlak vóór'); // a milestone has no page of its own to show as it was
    // An action's event links to the action as it was just before and right after it.
    const reported = render(AuditEventPage({ p, event: events[2], namesOpen: true, actors }));
    expect(reported).toContain('aria-label="Situatie vlak vóór Voortgang gerapporteerd (positie 3)"');
    expect(reported).toContain('href="/audit/gebeurtenissen/3"'); // back to the names as stored
  });

  it('tell an event the portal has no sentence for as its label and facts, never its type code', () => {
    const html = render(AuditPage({ p, page: { events: [events[5]], next: 5 }, filters: { aantal: 50, voor: 9 }, checkpoint: signed }));
    const text = visibleText(html);
    expect(text).toContain('Meting vastgelegd: periode: oktober 2026 · waarde: 1.250 · bron: CBS — door actiehouder.');
    expect(html).toContain('href="/audit?aantal=50&amp;voor=5"');
    expect(text).toContain('Naar de nieuwste gebeurtenissen');
  });

  it('say a failed chain check in a Dutch list that names the event, without raw JSON', () => {
    const html = render(
      AuditPage({
        p,
        page: { events: [], next: null },
        filters: { aantal: 50 },
        checkpoint: signed,
        verification: broken,
        brokenAt: [events[1]],
      }),
    );
    const text = visibleText(html);
    expect(text).toContain('De keten is niet intact: 1 probleem gevonden.');
    expect(text).toMatch(
      /Positie 2\s+\(Mijlpaal verplaatst, Mijlpaal van actie 2.1, 8 december 2026 om 10:37\)\s*: Deze gebeurtenis is na het vastleggen gewijzigd/,
    );
    expect(developerWords(text)).toEqual([]);
    expect(html).not.toContain('"kind"');
  });

  it('say what the last verification found, or that there was none, and what a full check found when asked', () => {
    const page = (checkpoint: ChainCheckpoint, verification?: Verification) =>
      visibleText(render(AuditPage({ p, page: { events: [], next: null }, filters: { aantal: 50 }, checkpoint, verification })));
    const never = page({ checkpoint: null, head: { position: 1 }, since: 1 });
    expect(never).toContain('De keten is nog nooit gecontroleerd.');
    expect(never).toContain('Er is 1 gebeurtenis vastgelegd.');
    expect(never).toContain('Nu controleren');
    expect(page({ ...signed, since: 0 })).toContain('op 5 december 2026 om 14:03; sindsdien geen nieuwe gebeurtenissen.');
    const forged = page({ ...signed, checkpoint: { ...signed.checkpoint!, trusted: false } });
    expect(forged).toContain('Het laatste ijkpunt van de keten is niet met de ketensleutel ondertekend.');
    const checked = page(signed, intact);
    expect(checked).toContain('De keten is intact: 6 gebeurtenissen gecontroleerd.');
    expect(checked).not.toContain('Keten gecontroleerd tot');
    expect(developerWords(never + forged + checked)).toEqual([]);
  });

  it("name a stream's history by its subject", () => {
    const html = render(StreamPage({ p, stream: { stream: 'projection-2026-Q4', events: [events[3]] }, namesOpen: false }));
    expect(html).toContain('<h1 class="nl-heading nl-heading--level-1">Kwartaalprojectie 4e kwartaal 2026</h1>');
    expect(developerWords(visibleText(html))).toEqual([]);
  });

  it('the scan itself finds what it looks for', () => {
    expect(developerWords('te laat sinds 2025-04-30 in action-2.1: MilestoneReplanned in 2026-Q4, actie actieplan-x:1.1')).toEqual([
      '2025-04-30',
      'action-2.1',
      'MilestoneReplanned',
      '2026-Q4',
      'actieplan-x:1.1',
    ]);
  });

  it('the start page of each role, too', () => {
    const data = {
      actions: [
        {
          key: '2.1',
          werkagendaId: 'betekenisvol-leven-2025-2028',
          code: '2.1',
          actiehouderPersonIds: [],
          actionLine: 2,
          title: 'Betere aansluiting Wmo en Wlz',
          actionHolder: { parties: ['VNG'], description: '' },
          rag: 'oranje' as const,
          milestones: [
            {
              id: 'm',
              title: 'Plan van aanpak',
              dueDate: '2026-04-30',
              status: 'planned' as const,
              late: true,
              achievedLate: false,
              daysLate: null,
              replanCount: 1,
            },
          ],
          openKnelpunten: 1,
          lastReportedAt: '2026-12-07T15:30:00.000Z',
        },
      ],
      overdue: [],
      upcoming: [
        {
          id: 'f48461fc-1731-57b6-82c0-47878b7a625d',
          kind: 'regiegroep' as const,
          startsAt: '2026-12-21T13:00:00Z',
          endsAt: '2026-12-21T15:00:00Z',
          status: 'scheduled' as const,
          preparesFor: null,
          notHeld: false,
        },
      ],
    };
    for (const who of [
      {
        username: 'actiehouder-2.1',
        name: 'Actiehouder actie 2.1 (lokaal account)',
        roles: ['actiehouder' as const],
        actionCodes: ['2.1'],
      },
      { username: 'coordinator', name: 'Coördinator (lokaal account)', roles: ['coordinator' as const], actionCodes: [] },
      { username: 'director', name: 'Directeur (lokaal account)', roles: ['director' as const], actionCodes: [] },
      auditor,
    ]) {
      const html = render(HomePage({ p: { ...p, me: who, rights: rights(who), path: '/' }, data }));
      const text = visibleText(html);
      expect({ who: who.username, words: [...developerWords(text), ...accountIds(text)] }).toEqual({ who: who.username, words: [] });
      expect(html).not.toMatch(/Ingelogd als <strong>[^<]*<\/strong>[^<]*\(/); // the role is not said twice
      expect(html).toContain('<a class="nl-link" href="/knelpunten">open knelpunt</a>'); // the tile leads to the overview
    }
  });
});

describe('the knelpunten overview', () => {
  const knelpunt = (id: string, raisedAt: string, more: Partial<Action['knelpunten'][number]> = {}) => ({
    id,
    description: `Knelpunt ${id}`,
    escalatedTo: null,
    status: 'open' as const,
    raisedAt,
    resolution: null,
    resolvedAt: null,
    revision: 1,
    ...more,
  });
  const action = (code: string, knelpunten: Action['knelpunten']): Action =>
    ({ key: code, code, title: `Actie over ${code}`, knelpunten }) as unknown as Action;
  const actions = [
    action('2.1', [
      knelpunt('b', '2026-12-01T10:00:00Z', { escalatedTo: 'kerngroep' }),
      knelpunt('c', '2026-06-01T10:00:00Z', { status: 'resolved', resolution: 'Opgelost in mei', resolvedAt: '2026-06-01T10:00:00Z' }),
    ]),
    action('1.2', [
      knelpunt('a', '2026-10-20T10:00:00Z'),
      knelpunt('d', '2026-11-01T10:00:00Z', { status: 'resolved', resolution: 'Afspraak gemaakt', resolvedAt: '2026-12-07T10:00:00Z' }),
    ]),
  ];

  it('lists the open knelpunten across actions, longest waiting first, with since when and escalated or not; and the recently resolved', () => {
    const html = render(KnelpuntenPage({ p, actions }));
    const text = visibleText(html).replace(/\s+/g, ' ');
    expect(developerWords(text)).toEqual([]);
    expect(text).toContain('2 open knelpunten, waarvan 1 geëscaleerd.');
    expect(text).toMatch(
      /Actie 1\.2: Actie over 1\.2 Knelpunt a 20 oktober 2026 \(7 weken\) Nee .*Actie 2\.1: Actie over 2\.1 Knelpunt b 1 december 2026 \(1 week\) Ja, naar de kerngroep/,
    );
    expect(html).toContain('href="/acties/1.2#knelpunten"');
    expect(text).toContain('Knelpunt d Afspraak gemaakt 7 december 2026 (gisteren)');
    expect(text).not.toContain('Opgelost in mei'); // resolved more than 90 days ago
    expect(html).toMatch(/<a class="rhc-nav-bar__link nl-link" href="\/knelpunten" aria-current="page">Knelpunten<\/a>/);
  });
});
