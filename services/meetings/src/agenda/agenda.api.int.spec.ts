import request from 'supertest';
import { stableId } from '@regie/es-core';

/** A toezegging's id (a uuid, as the commitments contract has it) by a readable name. */
const tz = (name: string) => stableId(`test-commitment:${name}`);
import { meetingsTestApp, type MeetingsTestApp } from '../testing/meetings-test-app';

type Item = { id: string; title: string; source: { type: string; ref: string }; order: number };

describe('agenda drafts that compose themselves from integration events', () => {
  let t: MeetingsTestApp;
  let kern: { id: string; startsAt: string }[];
  beforeAll(async () => {
    t = await meetingsTestApp('meetings_agenda');
    kern = (await request(t.http).get('/api/v1/meetings?kind=kerngroep&from=2026-03-15')).body;
  });
  afterAll(async () => t.close());

  const agenda = async (id: string): Promise<Item[]> => (await request(t.http).get(`/api/v1/meetings/${id}`)).body.agenda;
  const sources = async (id: string) => (await agenda(id)).map((i) => `${i.source.type}:${i.source.ref}`);
  const knelpuntId = '0196a4a2-7c1e-7000-8000-000000000101';
  const actions = (type: string, payload: Record<string, unknown>) =>
    t.deliver('regie.actions.v1', type, payload, `knelpunt-${knelpuntId}`);

  it('starts with the standing items: opening, vaststellen agenda, verslag, rondvraag last', async () => {
    expect(kern[0].startsAt).toBe('2026-03-31T08:00:00.000Z');
    const items = await agenda(kern[0].id);
    expect(items.map((i) => i.source)).toEqual([
      { type: 'standing', ref: 'opening' },
      { type: 'standing', ref: 'vaststellen-agenda' },
      { type: 'standing', ref: 'verslag' },
      { type: 'standing', ref: 'rondvraag' },
    ]);
    expect(items.map((i) => i.order)).toEqual([1, 2, 3, 4]);
  });

  it('puts a knelpunt of action 2.1 escalated to the kerngroep on the next kerngroep draft, and takes it off when resolved', async () => {
    await actions('KnelpuntRaisedV1', {
      knelpuntId,
      actionCode: '2.1',
      description: 'Financiering pilot na 2026 ontbreekt',
      raisedAt: '2026-03-15T09:00:00Z',
    });
    expect(await sources(kern[0].id)).not.toContain(`knelpunt:${knelpuntId}`); // raised, not escalated
    await actions('KnelpuntEscalatedV1', { knelpuntId, actionCode: '2.1', from: null, to: 'kerngroep' });
    const items = await agenda(kern[0].id);
    expect(items.find((i) => i.source.type === 'knelpunt')).toMatchObject({
      title: 'Knelpunt actie 2.1: Financiering pilot na 2026 ontbreekt',
      source: { ref: knelpuntId },
    });
    expect(await sources(kern[1].id)).not.toContain(`knelpunt:${knelpuntId}`); // only the next meeting
    const regie = (await request(t.http).get('/api/v1/meetings?kind=regiegroep&from=2026-03-15')).body[0];
    expect(await sources(regie.id)).not.toContain(`knelpunt:${knelpuntId}`);
    await actions('KnelpuntResolvedV1', {
      knelpuntId,
      actionCode: '2.1',
      resolution: 'Middelen gevonden',
      resolvedAt: '2026-03-16T09:00:00Z',
    });
    expect(await sources(kern[0].id)).not.toContain(`knelpunt:${knelpuntId}`);
  });

  it('lists milestones that fell due since the previous meeting, and drops a cancelled one', async () => {
    const milestoneId = '0196a4a2-7c1e-7000-8000-000000000201';
    const ref = { milestoneId, actionCode: '1.1' };
    await t.deliver('regie.actions.v1', 'MilestonePlannedV1', { ...ref, title: 'Plan van aanpak regio Twente', dueDate: '2026-03-20' });
    await t.deliver('regie.actions.v1', 'MilestonePlannedV1', {
      ...ref,
      milestoneId: '0196a4a2-7c1e-7000-8000-000000000202',
      title: 'Later',
      dueDate: '2026-04-15',
    });
    const item = (await agenda(kern[0].id)).find((i) => i.source.type === 'milestone');
    expect(item).toMatchObject({
      source: { ref: milestoneId },
      title: 'Mijlpaal actie 1.1: Plan van aanpak regio Twente (streefdatum 20 maart 2026, vervalt)',
    });
    expect((await agenda(kern[0].id)).filter((i) => i.source.type === 'milestone')).toHaveLength(1); // 15 April is after the meeting
    await t.deliver('regie.actions.v1', 'MilestoneCancelledV1', { ...ref, reason: 'vervalt' });
    expect(await sources(kern[0].id)).not.toContain(`milestone:${milestoneId}`);
  });

  it('takes toezeggingen due within the look-ahead from CommitmentDueSoonV1 (commitments hook), and refuses a malformed one', async () => {
    const payload = {
      commitmentId: tz('tz-2026-01'),
      dueDate: '2026-04-30',
      text: 'Kamer informeren over de pilots',
      actionCodes: ['2.1'],
    };
    await t.deliver('regie.commitments.v1', 'CommitmentDueSoonV1', payload);
    await t.deliver('regie.commitments.v1', 'CommitmentDueSoonV1', { ...payload, commitmentId: tz('tz-2027'), dueDate: '2027-01-01' });
    const items = (await agenda(kern[0].id)).filter((i) => i.source.type === 'commitment');
    expect(items).toEqual([
      expect.objectContaining({
        source: { type: 'commitment', ref: tz('tz-2026-01') },
        title: 'Toezegging (uiterlijk 30 april 2026): Kamer informeren over de pilots',
      }),
    ]);
    await expect(t.deliver('regie.commitments.v1', 'CommitmentDueSoonV1', { commitmentId: 'x', dueDate: 'eind 2026' })).rejects.toThrow();
  });

  it('takes a toezegging off the draft once it is fulfilled, withdrawn or postponed (a postponed one returns when due soon again)', async () => {
    const due = { dueDate: '2026-04-10', text: 'Voorbeeld: brief over de monitor', actionCodes: [] };
    for (const [id, type, payload] of [
      [tz('tz-vervuld'), 'CommitmentFulfilledV1', { document: { kenmerk: null, title: 'Kamerbrief', date: '2026-03-20' } }],
      [tz('tz-ingetrokken'), 'CommitmentWithdrawnV1', { reason: 'niet meer nodig' }],
      [
        tz('tz-uitgesteld'),
        'CommitmentPostponedV1',
        {
          previousDue: { text: 'april 2026', date: '2026-04-10' },
          due: { text: 'najaar 2026', date: '2026-10-31' },
          reason: 'later',
          source: null,
        },
      ],
    ] as const) {
      await t.deliver('regie.commitments.v1', 'CommitmentDueSoonV1', { ...due, commitmentId: id });
      expect(await sources(kern[0].id)).toContain(`commitment:${id}`);
      await t.deliver('regie.commitments.v1', type, { commitmentId: id, ...payload });
      expect(await sources(kern[0].id)).not.toContain(`commitment:${id}`);
    }
    await t.deliver('regie.commitments.v1', 'CommitmentDueSoonV1', { ...due, commitmentId: tz('tz-uitgesteld') }); // announced again
    expect(await sources(kern[0].id)).toContain(`commitment:${tz('tz-uitgesteld')}`);
  });

  it("collects only its own werkagenda's mijlpalen, knelpunten and toezeggingen; those of an action not known yet until it is", async () => {
    const ids = (n: number) => `0196a4a2-7c1e-7000-8000-00000000030${n}`;
    await actions('ActionDefinedV1', {
      werkagendaId: 'betekenisvol-leven-2025-2028',
      code: '1.2',
      actionLine: 1,
      title: 'Eigen actie',
      actionHolder: { parties: ['VWS'], description: 'VWS' },
    });
    await actions('ActionDefinedV1', {
      werkagendaId: 'voorbeeld-andere-werkagenda',
      code: 'ander.1',
      actionLine: 1,
      title: 'Actie elders',
      actionHolder: { parties: ['ZN'], description: 'ZN' },
    });
    const planned = (n: number, actionCode: string) =>
      actions('MilestonePlannedV1', { milestoneId: ids(n), actionCode, title: `Mijlpaal ${n}`, dueDate: '2026-03-25' });
    await planned(1, '1.2');
    await planned(2, 'ander.1');
    await planned(3, 'later.1'); // an action meetings has not heard of yet
    await actions('KnelpuntRaisedV1', {
      knelpuntId: ids(4),
      actionCode: 'ander.1',
      description: 'Elders',
      raisedAt: '2026-03-15T09:00:00Z',
    });
    await actions('KnelpuntEscalatedV1', { knelpuntId: ids(4), actionCode: 'ander.1', from: null, to: 'kerngroep' });
    const due = { dueDate: '2026-04-20', text: 'Kamerbrief', actionCodes: ['ander.1'] };
    await t.deliver('regie.commitments.v1', 'CommitmentDueSoonV1', { ...due, commitmentId: tz('tz-elders') });
    await t.deliver('regie.commitments.v1', 'CommitmentDueSoonV1', {
      ...due,
      commitmentId: tz('tz-eigen'),
      actionCodes: ['ander.1', '1.2'],
    });
    await t.deliver('regie.commitments.v1', 'CommitmentDueSoonV1', { ...due, commitmentId: tz('tz-onbekend'), actionCodes: ['later.1'] });

    let on = await sources(kern[0].id);
    expect(on).toEqual(
      expect.arrayContaining([
        `milestone:${ids(1)}`,
        `milestone:${ids(3)}`,
        `commitment:${tz('tz-eigen')}`,
        `commitment:${tz('tz-onbekend')}`,
      ]),
    );
    expect(on).not.toEqual(expect.arrayContaining([`milestone:${ids(2)}`]));
    expect(on).not.toContain(`knelpunt:${ids(4)}`);
    expect(on).not.toContain(`commitment:${tz('tz-elders')}`);

    await actions('ActionDefinedV1', {
      werkagendaId: 'voorbeeld-andere-werkagenda',
      code: 'later.1',
      actionLine: 1,
      title: 'Laat bekend',
      actionHolder: { parties: ['VNG'], description: 'VNG' },
    });
    on = await sources(kern[0].id);
    expect(on).not.toContain(`milestone:${ids(3)}`);
    expect(on).not.toContain(`commitment:${tz('tz-onbekend')}`); // its action is known now, and elsewhere
    expect(on).toContain(`milestone:${ids(1)}`);
  });

  it('lets the coordinator add, withdraw and reorder items, then publish; the published agenda is frozen', async () => {
    const id = kern[0].id;
    const added = await request(t.http).post(`/api/v1/meetings/${id}/agenda-items`).send({ title: 'Communicatie over de pilotregio’s' });
    expect(added.status).toBe(201);
    const verslag = (await agenda(id)).find((i) => i.source.ref === 'verslag') as Item;
    await request(t.http).delete(`/api/v1/meetings/${id}/agenda-items/${verslag.id}`).expect(200);
    expect(await sources(id)).not.toContain('standing:verslag');
    await request(t.http).delete(`/api/v1/meetings/${id}/agenda-items/${verslag.id}`).expect(404); // no longer on the draft
    const before = await agenda(id);
    const manual = before.find((i) => i.source.type === 'manual') as Item;
    await request(t.http)
      .post(`/api/v1/meetings/${id}/agenda/reorder`)
      .send({ itemIds: [manual.id, ...before.filter((i) => i !== manual).map((i) => i.id)] })
      .expect(200);
    expect((await agenda(id))[0]).toMatchObject({
      id: manual.id,
      title: 'Communicatie over de pilotregio’s',
      order: 1,
      source: { type: 'manual', ref: manual.id },
    });

    const published = await request(t.http).post(`/api/v1/meetings/${id}/agenda/publish`);
    expect(published.status).toBe(200);
    const frozen = await agenda(id);
    expect((await request(t.http).get(`/api/v1/meetings/${id}`)).body).toMatchObject({
      status: 'agenda_published',
      agendaStatus: 'gepubliceerd',
    });

    const later = '0196a4a2-7c1e-7000-8000-000000000102';
    await t.deliver('regie.actions.v1', 'KnelpuntRaisedV1', {
      knelpuntId: later,
      actionCode: '3.1',
      description: 'Regiokaart vertraagd',
      raisedAt: '2026-03-17T09:00:00Z',
    });
    await t.deliver('regie.actions.v1', 'KnelpuntEscalatedV1', { knelpuntId: later, actionCode: '3.1', from: null, to: 'kerngroep' });
    expect(await agenda(id)).toEqual(frozen);
    expect(await sources(kern[1].id)).toContain(`knelpunt:${later}`); // later events go to the next meeting's draft

    const refused = await request(t.http).post(`/api/v1/meetings/${id}/agenda-items`).send({ title: 'te laat' });
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toBe('de agenda is al gepubliceerd en ligt vast');
    await request(t.http).post(`/api/v1/meetings/${id}/agenda/publish`).expect(409);

    // The printable agenda: Dutch, in the frozen order, marked as vastgesteld, texts escaped.
    const page = await request(t.http).get(`/api/v1/meetings/${id}/agenda.html`);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.text).toContain('<html lang="nl">');
    expect(page.text).toContain('Agenda Kerngroepoverleg');
    expect(page.text).toContain('Vastgesteld op');
    const titles = frozen.map((i) =>
      i.title.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;'),
    );
    const positions = titles.map((title) => page.text.indexOf(title));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    const draft = await request(t.http).get(`/api/v1/meetings/${kern[1].id}/agenda.html`);
    expect(draft.text).toContain('Concept: deze agenda is nog niet vastgesteld');
  });

  it('puts "voorbereiding regiegroep" on the kerngroep before each regiegroep', async () => {
    const regie = (await request(t.http).get('/api/v1/meetings?kind=regiegroep&from=2026-03-15')).body as {
      id: string;
      startsAt: string;
    }[];
    const june = regie.find((r) => r.startsAt.startsWith('2026-06-19')) as { id: string };
    const list = (await request(t.http).get('/api/v1/meetings?kind=kerngroep&from=2026-05-01&to=2026-06-30')).body;
    const preparing = list.find((m: { preparesFor: string | null }) => m.preparesFor === june.id);
    expect(preparing.startsAt).toBe('2026-06-02T08:00:00.000Z');
    const item = (await agenda(preparing.id)).find((i) => i.source.type === 'regiegroep-preparation');
    expect(item).toMatchObject({
      title: 'Voorbereiding regiegroep van 19 juni 2026, met de kwartaalprojectie 2e kwartaal 2026',
      source: { ref: june.id },
    });
    expect((await request(t.http).get(`/api/v1/meetings/${june.id}`)).body.preparedBy).toBe(preparing.id);
  });
});
