import request from 'supertest';
import { actionsTestApp, type ActionsTestApp } from '../testing/actions-test-app';

const FIRST = 'betekenisvol-leven-2025-2028';
const ACTIEPLAN = 'actieplan-dakloos-wlz-2025';

describe("werkagenda's as tenants over HTTP", () => {
  let t: ActionsTestApp;
  let beheerder: string;
  let coordinatorOfFirst: string;
  beforeAll(async () => {
    t = await actionsTestApp('werkagenda_api');
    beheerder = t.bearerWith('beheerder', [{ role: 'beheerder', werkagendaId: '*', actionCodes: [] }]);
    coordinatorOfFirst = t.bearerWith('coordinator-eerste', [{ role: 'coordinator', werkagendaId: FIRST, actionCodes: [] }]);
  });
  afterAll(async () => t.close());

  const newWerkagenda = (id: string, title: string) => ({
    id,
    title,
    period: { from: '2026-01-01', to: '2027-12-31' },
    parties: [{ code: 'VWS', name: 'ministerie van Volksgezondheid, Welzijn en Sport', role: 'penvoerder' }],
    actionLines: [{ number: 1, title: 'Eerste lijn' }],
  });
  const establish = (body: object) => request(t.http).post('/api/v1/werkagendas').set('Authorization', beheerder).send(body);

  it("lists both seeded werkagenda's, the first with VNG's withdrawal from the bestuurlijke afspraken", async () => {
    const { body } = await request(t.http).get('/api/v1/werkagendas').expect(200);
    expect(body.map((w: { id: string }) => w.id).sort()).toEqual([ACTIEPLAN, FIRST]);
    const first = body.find((w: { id: string }) => w.id === FIRST);
    expect(first.parties.find((p: { code: string }) => p.code === 'VNG')).toMatchObject({
      role: 'partner',
      memberTo: null,
      bestuurlijkeAfspraken: { participates: false, since: '2024-09-01', sinceText: 'september 2024' },
    });
    const actieplan = body.find((w: { id: string }) => w.id === ACTIEPLAN);
    expect(actieplan.actionLines.map((l: { number: number }) => l.number)).toEqual([1, 2, 3]);
    expect(actieplan.parties.map((p: { code: string }) => p.code)).toEqual(['VWS', 'ZN', 'VNG', 'GGZNL', 'VALENTE', 'MIND']);
  });

  it('seeds the actieplan action 1.1 with the nine pilot regions, each with its plan van aanpak', async () => {
    const { body } = await request(t.http).get(`/api/v1/actions/1.1?werkagendaId=${ACTIEPLAN}`).expect(200);
    expect(body).toMatchObject({ key: `${ACTIEPLAN}:1.1`, code: '1.1', werkagendaId: ACTIEPLAN, title: "Ondersteuning pilotregio's" });
    expect(body.regions).toHaveLength(9);
    expect(body.regions[0]).toMatchObject({ slug: 'amsterdam', period: { from: '2025-07-01', to: '2026-05-31' } });
    const plans = body.milestones.filter((m: { title: string }) => /plan van aanpak/i.test(m.title));
    expect(plans.map((m: { regionSlug: string }) => m.regionSlug).sort()).toEqual(body.regions.map((r: { slug: string }) => r.slug).sort());
    const byKey = await request(t.http).get(`/api/v1/actions/${ACTIEPLAN}:1.1`).expect(200);
    expect(byKey.body.key).toBe(`${ACTIEPLAN}:1.1`);
    const first21 = await request(t.http).get('/api/v1/actions/2.1').expect(200);
    expect(first21.body.milestones.filter((m: { title: string }) => /plan van aanpak/i.test(m.title))).toEqual([]);
  });

  it('filters the actions by werkagenda', async () => {
    const { body } = await request(t.http).get(`/api/v1/actions?werkagendaId=${ACTIEPLAN}`).expect(200);
    expect(body.map((a: { key: string }) => a.key)).toEqual([`${ACTIEPLAN}:1.1`]);
    await request(t.http).get('/api/v1/actions?werkagendaId=bestaat-niet').expect(404);
  });

  it('lists every werkagenda’s actions without a filter, the first’s first, as their own lists give them, names opened', async () => {
    await request(t.http)
      .put(`/api/v1/actions/${ACTIEPLAN}:1.1/action-holder`)
      .send({ parties: ['VNG'], description: 'Voorbeeld: de pilotregio’s', person: 'Voorbeeld: J. de Graaf' })
      .expect(200);
    const all = await request(t.http).get('/api/v1/actions').expect(200);
    expect(all.headers['content-type']).toMatch(/^application\/json/);
    const one = async (id: string) => (await request(t.http).get(`/api/v1/actions?werkagendaId=${id}`).expect(200)).body as object[];
    expect(all.body).toEqual([...(await one(FIRST)), ...(await one(ACTIEPLAN))]);
    expect(all.body.length).toBeGreaterThan(1);
    const holder = all.body.find((a: { key: string }) => a.key === `${ACTIEPLAN}:1.1`).actionHolder;
    expect(holder.person).toBe('Voorbeeld: J. de Graaf'); // opened, as in the filtered list
    // As it was at a past moment (a replayed read model, held while the answer is written): the same way.
    t.clock.advance(60_000);
    const asOf = new Date(t.clock.now().getTime() - 30_000).toISOString();
    const then = await request(t.http)
      .get(`/api/v1/actions?asOf=${encodeURIComponent(asOf)}`)
      .expect(200);
    expect(then.body).toEqual(all.body);
  });

  it('lists every werkagenda’s actions in order across more werkagenda’s than one statement reads', async () => {
    const ids = Array.from({ length: 70 }, (_, i) => `proef-lijst-${String(i).padStart(2, '0')}`);
    for (const [i, id] of ids.entries()) {
      await establish({ ...newWerkagenda(id, `Proeflijst ${i}`), actionLines: [{ number: 1, title: 'Eerste lijn' }] }).expect(201);
      // The last werkagenda gets two actions, in reverse code order: the list answers them by code.
      for (const code of i === ids.length - 1 ? ['1.10', '1.9'] : ['1.1'])
        await request(t.http)
          .post(`/api/v1/werkagendas/${id}/actions`)
          .set('Authorization', beheerder)
          .send({ code, title: `Voorbeeldactie ${code} van ${id}`, actionLine: 1, leadParties: ['VWS'] })
          .expect(201);
    }
    const all = (await request(t.http).get('/api/v1/actions').expect(200)).body as { key: string; werkagendaId: string }[];
    const werkagendas = [...new Set(all.map((a) => a.werkagendaId))];
    expect(werkagendas[0]).toBe(FIRST);
    expect(werkagendas.slice(1)).toEqual([...werkagendas.slice(1)].sort());
    expect(werkagendas).toEqual(expect.arrayContaining(ids));
    const one = async (id: string) => (await request(t.http).get(`/api/v1/actions?werkagendaId=${id}`).expect(200)).body as object[];
    const last = ids[ids.length - 1];
    expect(all.filter((a) => a.werkagendaId === last)).toEqual(await one(last));
    expect(all.filter((a) => a.werkagendaId === last).map((a) => a.key)).toEqual([`${last}:1.9`, `${last}:1.10`]);
    let expected: object[] = [];
    for (const id of werkagendas) expected = [...expected, ...(await one(id))];
    expect(all).toEqual(expected);
  });

  it('establishes a werkagenda (beheerder only), refusing a used id or title with 409 and recording nothing', async () => {
    await establish(newWerkagenda('proef-2026', 'Proefagenda')).expect(201);
    const coordinator = await request(t.http).post('/api/v1/werkagendas').send(newWerkagenda('proef-2027', 'Andere'));
    expect(coordinator.status).toBe(403);
    const head = await t.store.headPosition();
    expect((await establish(newWerkagenda('proef-2026', 'Nog een'))).status).toBe(409);
    const sameTitle = await establish(newWerkagenda('proef-2028', 'proefagenda'));
    expect(sameTitle.status).toBe(409);
    expect(sameTitle.body.detail).toMatch(/titel/);
    expect(await t.store.headPosition()).toBe(head);
  });

  it('answers as the werkagenda’s were at a past moment (asOf): a later one is not there yet', async () => {
    const before = t.clock.now().toISOString();
    t.clock.advance(60_000);
    await establish(newWerkagenda('proef-terugkijken', 'Proef terugkijken')).expect(201);
    const ids = async (query: string) =>
      (await request(t.http).get(`/api/v1/werkagendas${query}`).expect(200)).body.map((w: { id: string }) => w.id);
    expect(await ids('')).toContain('proef-terugkijken');
    expect(await ids(`?asOf=${encodeURIComponent(before)}`)).not.toContain('proef-terugkijken');
    expect(await ids(`?asOf=${encodeURIComponent(before)}`)).toContain(FIRST);
    await request(t.http)
      .get(`/api/v1/werkagendas/proef-terugkijken?asOf=${encodeURIComponent(before)}`)
      .expect(404);
    await request(t.http).get('/api/v1/werkagendas/proef-terugkijken').expect(200);
    const bad = await request(t.http).get('/api/v1/werkagendas?asOf=gisteren').expect(400);
    expect(JSON.stringify(bad.body)).toMatch(/asOf/);
  });

  it('refuses bad input with 400 naming the field, in Dutch, and records nothing', async () => {
    const head = await t.store.headPosition();
    const res = await establish({ ...newWerkagenda('Fout Id', 'x'), period: { from: '2027-01-01', to: '2026-01-01' } });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['id', 'period.to']);
    const party = await establish({ ...newWerkagenda('proef-x', 'Proef x'), parties: [{ code: 'VWS', name: 'VWS', role: 'baas' }] });
    expect(party.status).toBe(400);
    expect(party.body.errors).toEqual([expect.objectContaining({ field: 'parties.0.role', message: expect.stringMatching(/penvoerder/) })]);
    expect(await t.store.headPosition()).toBe(head);
  });

  it('defines an action in a werkagenda: 201 with its key; 409 on a used code or title; 404 on an unknown werkagenda', async () => {
    const define = (werkagendaId: string, body: object) => request(t.http).post(`/api/v1/werkagendas/${werkagendaId}/actions`).send(body);
    const body = {
      code: '1.2',
      title: 'Handreiking samenwerkingsafspraken',
      actionLine: 1,
      leadParties: ['ZN', 'VNG'],
      actiehouderPersonIds: ['0196a4a2-7c1e-7000-8000-0000000000aa'],
      startActivities: ['Lessen uit de pilotregio’s bundelen'],
    };
    const res = await define(ACTIEPLAN, body);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ key: `${ACTIEPLAN}:1.2`, code: '1.2', werkagendaId: ACTIEPLAN });
    const { body: action } = await request(t.http).get(`/api/v1/actions/${ACTIEPLAN}:1.2`).expect(200);
    expect(action).toMatchObject({ actionHolder: { parties: ['ZN', 'VNG'] }, actiehouderPersonIds: body.actiehouderPersonIds });

    const head = await t.store.headPosition();
    expect((await define(ACTIEPLAN, { ...body, title: 'Iets anders' })).status).toBe(409);
    const sameTitle = await define(ACTIEPLAN, { ...body, code: '1.3' });
    expect(sameTitle.status).toBe(409);
    expect(sameTitle.body.detail).toMatch(/titel/);
    expect((await define('bestaat-niet', { ...body, code: '1.4', title: 'x' })).status).toBe(404);
    const badLine = await define(ACTIEPLAN, { ...body, code: '1.5', title: 'y', actionLine: 7 });
    expect(badLine.status).toBe(400);
    expect(badLine.body.errors).toEqual([expect.objectContaining({ field: 'actionLine' })]);
    const badCode = await define(ACTIEPLAN, { ...body, code: 'abc', title: 'z' });
    expect(badCode.body.errors).toEqual([expect.objectContaining({ field: 'code' })]);
    expect(await t.store.headPosition()).toBe(head);
    // the same code in another werkagenda is another action
    expect((await define('proef-2026', { ...body, leadParties: ['VWS'] })).status).toBe(201);
  });

  it('changes an action with a reason; without one it names the field reason', async () => {
    const key = `${ACTIEPLAN}:1.1`;
    const noReason = await request(t.http).patch(`/api/v1/actions/${key}`).send({ title: "Ondersteuning van de pilotregio's" });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors ?? [{ field: noReason.body.field }]).toEqual([expect.objectContaining({ field: 'reason' })]);
    const res = await request(t.http)
      .patch(`/api/v1/actions/${key}`)
      .send({ title: "Ondersteuning van de pilotregio's", leadParties: ['VNG', 'ZN'], reason: 'besluit kerngroep' });
    expect(res.status).toBe(200);
    const { body } = await request(t.http).get(`/api/v1/actions/${key}`).expect(200);
    expect(body).toMatchObject({ title: "Ondersteuning van de pilotregio's", actionHolder: { parties: ['VNG', 'ZN'] } });
  });

  it('adds a region and records its status; shows both on the action', async () => {
    const key = `${ACTIEPLAN}:1.2`;
    await request(t.http)
      .post(`/api/v1/actions/${key}/regions`)
      .send({ slug: 'twente', name: 'Zorgkantoorregio Twente', period: { from: '2026-01-01', to: '2026-12-31' } })
      .expect(201);
    expect((await request(t.http).post(`/api/v1/actions/${key}/regions`).send({ slug: 'twente', name: 'Twente' })).status).toBe(409);
    await request(t.http)
      .post(`/api/v1/actions/${key}/regions/twente/status`)
      .send({ status: 'plan_van_aanpak_gereed', on: '2026-03-01' })
      .expect(200);
    const bad = await request(t.http).post(`/api/v1/actions/${key}/regions/twente/status`).send({ status: 'klaar' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'status' })]);
    expect((await request(t.http).post(`/api/v1/actions/${key}/regions/drenthe/status`).send({ status: 'gestart' })).status).toBe(404);
    const { body } = await request(t.http).get(`/api/v1/actions/${key}`).expect(200);
    expect(body.regions).toEqual([
      expect.objectContaining({
        slug: 'twente',
        status: 'plan_van_aanpak_gereed',
        statusChanges: [{ status: 'plan_van_aanpak_gereed', on: '2026-03-01', note: null }],
      }),
    ]);
    const milestone = await request(t.http)
      .post(`/api/v1/actions/${key}/milestones`)
      .send({ title: 'Plan van aanpak Twente', dueDate: '2026-06-30', regionSlug: 'twente' });
    expect(milestone.status).toBe(201);
    const unknownRegion = await request(t.http)
      .post(`/api/v1/actions/${key}/milestones`)
      .send({ title: 'Plan van aanpak Drenthe', dueDate: '2026-06-30', regionSlug: 'drenthe' });
    expect(unknownRegion.status).toBe(400);
  });

  it('scopes rights by werkagenda: a coordinator of the first is refused (403) adding progress in the actieplan', async () => {
    const head = await t.store.headPosition();
    const elsewhere = await request(t.anonymous)
      .post(`/api/v1/actions/${ACTIEPLAN}:1.1/progress-reports`)
      .set('Authorization', coordinatorOfFirst)
      .send({ rag: 'groen', summary: 'loopt' });
    expect(elsewhere.status).toBe(403);
    expect(await t.store.headPosition()).toBe(head);
    await request(t.anonymous)
      .post('/api/v1/actions/2.2/progress-reports')
      .set('Authorization', coordinatorOfFirst)
      .send({ rag: 'groen', summary: 'loopt' })
      .expect(201);
  });

  it('lets a coordinator of the werkagenda add action lines, but only a beheerder change its title', async () => {
    const lines = await request(t.anonymous)
      .patch(`/api/v1/werkagendas/${FIRST}`)
      .set('Authorization', coordinatorOfFirst)
      .send({ actionLines: [{ number: 4, title: 'Nieuwe actielijn' }] });
    expect(lines.status).toBe(200);
    const title = await request(t.anonymous)
      .patch(`/api/v1/werkagendas/${FIRST}`)
      .set('Authorization', coordinatorOfFirst)
      .send({ title: 'Andere titel', reason: 'x' });
    expect(title.status).toBe(403);
    const other = await request(t.anonymous)
      .patch(`/api/v1/werkagendas/${ACTIEPLAN}`)
      .set('Authorization', coordinatorOfFirst)
      .send({ actionLines: [{ number: 4, title: 'x' }] });
    expect(other.status).toBe(403);
    const { body } = await request(t.http).get(`/api/v1/werkagendas/${FIRST}`).expect(200);
    expect(body.actionLines.map((l: { number: number }) => l.number)).toEqual([0, 1, 2, 3, 4]);
  });

  it('archives a werkagenda, which then refuses new actions with 409', async () => {
    await request(t.anonymous)
      .post('/api/v1/werkagendas/proef-2026/archive')
      .set('Authorization', beheerder)
      .send({ reason: 'proef afgelopen' })
      .expect(200);
    const res = await request(t.http).post('/api/v1/werkagendas/proef-2026/actions').send({ code: '2.1', title: 'Te laat', actionLine: 1 });
    expect(res.status).toBe(409);
    expect(res.body.detail).toMatch(/gearchiveerd/);
    const { body } = await request(t.http).get('/api/v1/werkagendas/proef-2026').expect(200);
    expect(body).toMatchObject({ archived: true, archiveReason: 'proef afgelopen' });
  });
});
