import { apiClient, type ApiClient, testDatabase } from '@regie/test-kit';
import { type RunningPlatform } from './platform';
import { platformForTests } from './testing/platform-for-tests';

type Item = { title: string; source: { type: string; ref: string } };

/**
 * Issue 15, "agendas that never lose an open obligation", on the seeded history: with the clock
 * in December 2026 and on 1 March 2027, the next kerngroep and regiegroep drafts carry every open
 * toezegging past its date; and a kerngroep of the actieplan dakloosheid (a second werkagenda)
 * carries its nine late pilot plans as one item, which no agenda of the first werkagenda carries.
 */
const FIRST = 'betekenisvol-leven-2025-2028';
const ACTIEPLAN = 'actieplan-dakloos-wlz-2025';
/** The day itself, or the Monday after a weekend day (an overlegvorm starts on a working day). */
const nextWeekday = (date: string): string => {
  const day = new Date(`${date}T12:00:00Z`);
  while (day.getUTCDay() === 0 || day.getUTCDay() === 6) day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
};

describe.each([
  ['december 2026', '2026-12-05T09:00:00Z'],
  ['1 maart 2027', '2027-03-01T09:00:00Z'],
])('the next drafts on the seeded history, the clock at %s', (_label, now) => {
  let db: Awaited<ReturnType<typeof testDatabase>>;
  let platform: RunningPlatform;
  let api: ApiClient;
  const get = async (path: string) => {
    const res = await api.fetch(path, {}, 'coordinator');
    if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
    return (await res.json()) as any;
  };
  const send = async (method: string, path: string, body: unknown, as: string) => {
    const res = await api.fetch(path, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }, as);
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as any;
  };
  /** The agenda of the series' next meeting (the first one not over yet). */
  const nextDraft = async (kind: string, werkagendaId = FIRST): Promise<Item[]> => {
    const [next] = await get(`/api/v1/meetings?kind=${kind}&werkagendaId=${werkagendaId}&from=${now.slice(0, 10)}`);
    return (await get(`/api/v1/meetings/${next.id}`)).agenda;
  };

  beforeAll(async () => {
    ({ db, platform } = await platformForTests(`agenda_late_${now.slice(0, 7).replace('-', '_')}`, now));
    api = apiClient(platform.url);
  });
  afterAll(async () => {
    await platform.close();
    await db.drop();
  });

  it.each(['kerngroep', 'regiegroep'])('carries the open toezeggingen past their date on the next %s', async (kind) => {
    const commitments = (await get('/api/v1/commitments')) as { id: string; status: string; due: { date: string | null } }[];
    const late = commitments.filter(
      (c) => ['open', 'overdue', 'postponed'].includes(c.status) && c.due.date && c.due.date < now.slice(0, 10),
    );
    expect(late.length).toBeGreaterThan(0);
    const items = await nextDraft(kind);
    const carried = items.filter((i) => i.source.type === 'commitment' && i.title.startsWith('Toezegging te laat sinds '));
    expect(carried.map((i) => i.source.ref).sort()).toEqual(late.map((c) => c.id).sort());
    expect(items.map((i) => i.title)).toContain(
      'Toezegging te laat sinds 30 november 2026: De Kamer in het najaar van 2026 informeren over de voortgang van de werkagenda en het actieplan langdurige ggz.',
    );
  });

  it('carries the nine late pilot plans of the actieplan as one item on its own kerngroep, and on no agenda of the first werkagenda', async () => {
    for (const kind of ['kerngroep', 'regiegroep']) {
      const items = await nextDraft(kind);
      expect(items.filter((i) => i.title.match(/plan van aanpak/i))).toEqual([]);
    }
    // The beheerder makes the coordinator coordinator of the actieplan too; the coordinator then sets up its kerngroep.
    const accounts = await (await api.fetch('/api/v1/accounts', {}, 'beheerder')).json();
    const coordinator = (accounts as { id: string; username: string; grants: object[] }[]).find((a) => a.username === 'coordinator')!;
    await send(
      'PATCH',
      `/api/v1/accounts/${coordinator.id}`,
      { grants: [...coordinator.grants, { role: 'coordinator', werkagendaId: ACTIEPLAN, actionCodes: [] }] },
      'beheerder',
    );
    await send(
      'POST',
      '/api/v1/meeting-series',
      {
        werkagendaId: ACTIEPLAN,
        kind: 'kerngroep',
        title: 'Kerngroep actieplan dakloosheid (voorbeeld)',
        interval: { unit: 'weeks', every: 3 },
        localTime: '13:00',
        durationMinutes: 90,
        firstDate: nextWeekday(now.slice(0, 10)),
        confirmHoliday: true,
      },
      'coordinator',
    );
    let of11: Item[] = [];
    for (let i = 0; i < 50 && of11.length === 0; i++) {
      const items = await nextDraft('kerngroep', ACTIEPLAN).catch(() => [] as Item[]);
      of11 = items.filter((i) => i.source.type === 'late-milestones' && i.source.ref === `${ACTIEPLAN}:1.1`);
      if (of11.length === 0) await new Promise((r) => setTimeout(r, 200));
    }
    expect(of11).toHaveLength(1);
    expect(of11[0].title).toMatch(/^9 mijlpalen actie 1\.1 te laat sinds 31 mei 2026: /);
    expect(of11[0].title.match(/plan van aanpak/gi)).toHaveLength(9);
  });

  it('puts the quarterly projection of its quarter on the regiegroep, and the kerngroep before it says so', async () => {
    const [regie] = await get(`/api/v1/meetings?kind=regiegroep&from=${now.slice(0, 10)}`);
    const meeting = await get(`/api/v1/meetings/${regie.id}`);
    expect(meeting.agenda.find((i: Item) => i.source.type === 'projection').title).toMatch(/^Kwartaalprojectie \de kwartaal 20\d\d/);
    // once monitoring publishes that quarter's projection, the regiegroep agenda names the version (ProjectionPublishedV1)
    const quarter = `${regie.startsAt.slice(0, 4)}-Q${Math.ceil(Number(regie.startsAt.slice(5, 7)) / 3)}`;
    const res = await api.fetch(`/api/v1/monitoring/projections/${quarter}/publish`, { method: 'POST' }, 'director');
    expect(res.status).toBe(201);
    let title = '';
    for (let i = 0; i < 50 && !title.includes('versie 1'); i++) {
      await new Promise((r) => setTimeout(r, 200));
      title = (await get(`/api/v1/meetings/${regie.id}`)).agenda.find((i: Item) => i.source.type === 'projection').title;
    }
    expect(title).toMatch(/\(gepubliceerd op \d+ \w+ 20\d\d, versie 1\)$/);
    if (meeting.preparedBy) {
      const kern = await get(`/api/v1/meetings/${meeting.preparedBy}`);
      expect(kern.agenda.find((i: Item) => i.source.type === 'regiegroep-preparation').title).toMatch(/met de kwartaalprojectie/);
    }
  });
});
