import { render } from 'preact-render-to-string';
import type { RegieApi } from '../../api/regie-api';
import type { Action, Me, Person, Werkagenda } from '../../api/regie-api.models';
import { rights } from '../../session/rights';
import type { PortalContext } from '../../session/session';
import { accountIds, visibleText } from '../../testing/visible-text';
import { formErrors } from '../form-state';
import { ActionPage } from './action.page';
import { groupMilestones } from './action-milestones';

const werkagenda: Werkagenda = {
  id: 'w',
  title: 'Werkagenda',
  period: { from: '2025-01-01', to: '2028-12-31' },
  parties: [],
  actionLines: [{ number: 2, title: 'Zorg en ondersteuning' }],
};
const action: Action = {
  key: '2.1',
  werkagendaId: 'betekenisvol-leven-2025-2028',
  code: '2.1',
  actiehouderPersonIds: [],
  regions: [],
  actionLine: 2,
  title: 'Betere aansluiting Wmo en Wlz',
  actionHolder: { parties: ['VNG'], description: 'VNG trekt.' },
  rag: 'rood',
  startActivities: [],
  revision: 3,
  milestones: [
    {
      id: 'm1',
      title: 'Plan van aanpak',
      dueDate: '2026-05-31',
      status: 'planned',
      late: true,
      achievedLate: false,
      daysLate: 191,
      replanCount: 0,
      originalDueDate: '2026-05-31',
      dueDateText: null,
      regionSlug: null,
      startedOn: null,
      achievedOn: null,
      replans: [],
      cancelReason: null,
      revision: 2,
    },
  ],
  progressReports: [
    { id: 'r1', rag: 'rood', summary: 'Vertraging bij twee regio’s', reportedAt: '2026-11-20T10:00:00Z', reportedBy: 'actiehouder-2.1' },
  ],
  knelpunten: [],
};
const context = (me: Me): PortalContext => ({
  me,
  rights: rights(me),
  api: {} as RegieApi,
  now: new Date('2026-12-08T09:30:00Z'),
  path: '/acties/2.1',
});
const actiehouder = (code: string): Me => ({
  username: `actiehouder-${code}`,
  name: `Actiehouder ${code}`,
  roles: ['actiehouder'],
  actionCodes: [code],
});

describe('the action page', () => {
  it('is Dutch, has a skip link and landmarks, and shows RAG and lateness in words', () => {
    const html = render(ActionPage({ p: context(actiehouder('2.1')), action, werkagenda }));
    expect(html).toMatch(/^<html lang="nl" class="rhc-theme">/);
    expect(html).toContain('<a class="nl-skip-link nl-skip-link--visible-on-focus" href="#inhoud">Direct naar de inhoud</a>');
    expect(html).toMatch(/<main id="inhoud"/);
    expect(html).toMatch(/<nav[^>]*aria-label="Hoofdmenu"/);
    expect(html).toMatch(/regie-rag--rood"><span class="regie-rag__shape" aria-hidden="true"><\/span>Rood<\/span>/);
    expect(html).toContain('>te laat</span>');
    expect(html).toContain('(191 dagen te laat)');
  });

  it('shows a mijlpaal achieved after its due date as "behaald, te laat", with the days', () => {
    const achieved = {
      ...action.milestones[0],
      status: 'achieved' as const,
      late: false,
      achievedLate: true,
      daysLate: 12,
      achievedOn: '2026-06-12',
    };
    const html = render(ActionPage({ p: context(actiehouder('2.1')), action: { ...action, milestones: [achieved] }, werkagenda }));
    expect(html).toContain('>behaald, te laat</span>');
    expect(html).toContain('Behaald op 12 juni 2026, 12 dagen te laat.');
  });

  it('offers its actiehouder the progress form, and another actiehouder a read-only notice instead', () => {
    const own = render(ActionPage({ p: context(actiehouder('2.1')), action, werkagenda }));
    expect(own).toContain('action="/acties/2.1/voortgang#voortgang-form"');
    const other = render(ActionPage({ p: context(actiehouder('1.1')), action, werkagenda }));
    expect(other).not.toContain('/voortgang#');
    expect(other).toContain('U heeft geen rechten om deze actie bij te werken');
  });

  it("shows the service's refusal next to the field it names, linked for screen readers", () => {
    const errors = formErrors(
      'voortgang-form',
      { status: 400, errors: [{ field: 'summary', message: 'mag niet leeg zijn' }] },
      { rag: 'oranje', summary: ' ' },
    );
    const html = render(ActionPage({ p: context(actiehouder('2.1')), action, werkagenda, errors }));
    expect(html).toContain('id="voortgang-form-summary-fout"');
    expect(html).toMatch(
      /<textarea[^>]*aria-invalid="true"[^>]*aria-describedby="voortgang-form-summary-uitleg voortgang-form-summary-fout"/,
    );
    expect(html).toMatch(/id="voortgang-form-rag-oranje" name="rag" value="oranje" checked/);
    expect(html).toContain('role="alert"');
  });
  it('puts "Voortgang rapporteren" and "Knelpunt melden" before the mijlpalen, and the confirmation where a write returns', () => {
    const html = render(
      ActionPage({ p: { ...context(actiehouder('2.1')), flash: 'Uw voortgangsrapportage is opgeslagen.' }, action, werkagenda }),
    );
    const at = (text: string) => html.indexOf(text);
    expect(at('action="/acties/2.1/voortgang#voortgang-form"')).toBeGreaterThan(0);
    expect(at('<summary>Knelpunt melden</summary>')).toBeGreaterThan(at('action="/acties/2.1/voortgang#voortgang-form"'));
    expect(at('id="mijlpalen"')).toBeGreaterThan(at('<summary>Knelpunt melden</summary>'));
    expect(html).toMatch(
      /<div id="bevestiging"[^>]*role="status"[^>]*><div class="utrecht-alert__content"><p class="nl-paragraph">Uw voortgangsrapportage/,
    );
  });

  it('names who reported and who holds the action by name and role, never by account id or person id', () => {
    const people = [{ id: '4d714d83-12c0-5f1f-88b6-eedfed89c35a', name: 'J. Jansen' }] as Person[];
    const reports: Action['progressReports'] = [
      ...action.progressReports,
      { id: 'r2', rag: 'groen', summary: 'Op schema', reportedAt: '2026-11-27T10:00:00Z', reportedBy: 'coordinator' },
      { id: 'r3', rag: 'groen', summary: 'Bijgewerkt', reportedAt: '2026-12-01T10:00:00Z', reportedBy: 'j.jansen' },
    ];
    const held = {
      ...action,
      // one actiehouder in the directory, one forgotten since
      actiehouderPersonIds: [people[0].id, '0196a4a2-7c1e-7000-8000-0000000000aa'],
      progressReports: reports,
    };
    const actors = { 'actiehouder-2.1': 'actiehouder actie 2.1', coordinator: 'C. de Vries, coördinator werkagenda' };
    for (const me of [
      actiehouder('2.1'),
      { username: 'coordinator', name: 'C. de Vries', roles: ['coordinator'], actionCodes: [] } as Me,
    ]) {
      const text = visibleText(render(ActionPage({ p: context(me), action: held, werkagenda, actors, people }))).replace(/\s+/g, ' ');
      expect(accountIds(text)).toEqual([]);
      expect(text).toContain('VNG (J. Jansen, naam niet meer bekend)');
      expect(text).toContain(', door actiehouder actie 2.1');
      expect(text).toContain(', door C. de Vries, coördinator werkagenda');
      expect(text).toContain(', door onbekend'); // an account the directory cannot name
    }
  });

  it('folds similar mijlpalen into one group with a count and how many are late, each still there without script', () => {
    const regions = ['Amsterdam', 'Utrecht', 'Zeeland', 'Midden IJssel'];
    const pilots = regions.map((r, n) => ({
      ...action.milestones[0],
      id: `p${n}`,
      title: `Plan van aanpak voor de samenwerking – Zorgkantoorregio ${r}`,
      late: n < 3,
    }));
    const other = { ...action.milestones[0], id: 'o', title: 'Evaluatie gereed', dueDate: '2027-01-31', late: false, daysLate: null };
    const groups = groupMilestones([...pilots, other]);
    expect(groups.map((g) => [g.label, g.members.length])).toEqual([
      ['Plan van aanpak voor de samenwerking', 4],
      ['Evaluatie gereed', 1],
    ]);
    expect(groups[0].titleOf(pilots[3])).toBe('Zorgkantoorregio Midden IJssel');
    // Without a dash, titles that share their first words still group (three or more); two do not.
    const short = ['Utrecht', 'Zeeland', 'Noord-Holland'].map((r, n) => ({ ...other, id: `s${n}`, title: `Plan van aanpak ${r}` }));
    expect(groupMilestones(short).map((g) => g.label)).toEqual(['Plan van aanpak']);
    expect(groupMilestones(short.slice(0, 2))).toHaveLength(2);

    const html = render(ActionPage({ p: context(actiehouder('2.1')), action: { ...action, milestones: [...pilots, other] }, werkagenda }));
    expect(html).toMatch(
      /<details class="regie-disclosure regie-milestone-group"><summary>Plan van aanpak voor de samenwerking <span class="regie-muted">\(4 mijlpalen, 3 te laat, 0 behaald\)<\/span><\/summary>/,
    );
    for (const r of regions) expect(html).toContain(`>Zorgkantoorregio ${r}</h3>`);
    expect(html).toContain('id="mijlpaal-p3"');
  });
});
