import request from 'supertest';
import { meetingsTestApp, type MeetingsTestApp } from '../testing/meetings-test-app';

type Item = { id: string; title: string; source: { type: string; ref: string }; order: number };

/**
 * A meeting's lifecycle without dead ends (issue 15): holding freezes the agenda, a past meeting
 * never recorded reads "niet gehouden" and may still be recorded, a chair per meeting, and the
 * regiegroep's chair (a director) records it held.
 */
describe('meeting lifecycle: held, niet gehouden, chair', () => {
  let t: MeetingsTestApp;
  let kern: { id: string; startsAt: string; endsAt: string }[];
  let regie: { id: string; startsAt: string; endsAt: string }[];
  beforeAll(async () => {
    t = await meetingsTestApp('meetings_lifecycle');
    kern = (await request(t.http).get('/api/v1/meetings?kind=kerngroep&from=2026-03-15')).body;
    regie = (await request(t.http).get('/api/v1/meetings?kind=regiegroep&from=2026-03-15')).body;
  });
  afterAll(async () => t.close());

  const detail = async (id: string) => (await request(t.http).get(`/api/v1/meetings/${id}`)).body;

  it('freezes the draft as it stands when a meeting is held without a published agenda; the print is never a concept', async () => {
    await t.deliver('regie.commitments.v1', 'CommitmentRegisteredV1', {
      commitmentId: '0196a4a2-7c1e-7000-8000-000000000a01',
      text: 'Kamer informeren over de regiokaart',
      madeBy: 'de staatssecretaris',
      madeAt: { date: '2025-12-01', source: 'Commissiedebat GGZ' },
      due: { text: 'eind januari 2026', date: '2026-01-31' },
      actionCodes: [],
      externalRef: null,
    });
    const before = (await detail(kern[0].id)) as { agenda: Item[]; agendaStatus: string };
    expect(before.agendaStatus).toBe('concept');
    expect(before.agenda.map((i) => i.title)).toContain('Toezegging te laat sinds 31 januari 2026: Kamer informeren over de regiokaart');

    t.clock.set(new Date(new Date(kern[0].startsAt).getTime() + 30 * 60_000)); // during the meeting
    await request(t.http).post(`/api/v1/meetings/${kern[0].id}/held`).expect(200);
    const held = await detail(kern[0].id);
    expect(held).toMatchObject({ status: 'held', agendaStatus: 'gepubliceerd', agendaFrozenBy: 'held', notHeld: false });
    expect(held.agenda).toEqual(before.agenda); // what was on the draft, frozen
    const print = await request(t.http).get(`/api/v1/meetings/${kern[0].id}/agenda.html`).expect(200);
    expect(print.text).not.toContain('Concept');
    expect(print.text).toContain('vastgelegd toen het overleg gehouden werd');

    // frozen: no more changes, and the late toezegging moves on to the next kerngroep
    await request(t.http).post(`/api/v1/meetings/${kern[0].id}/agenda-items`).send({ title: 'Nog een punt' }).expect(409);
    expect((await detail(kern[1].id)).agenda.map((i: Item) => i.title)).toContain(
      'Toezegging te laat sinds 31 januari 2026: Kamer informeren over de regiokaart',
    );
  });

  it('reads "niet gehouden" once a meeting is past and never recorded, and records it late with the moment of recording', async () => {
    t.clock.set(new Date(new Date(kern[1].endsAt).getTime() + 7 * 86_400_000)); // a week after the second kerngroep
    expect(await detail(kern[1].id)).toMatchObject({ status: 'scheduled', notHeld: true });
    const listed = (await request(t.http).get('/api/v1/meetings?kind=kerngroep&from=2026-03-15')).body;
    expect(listed.find((m: { id: string }) => m.id === kern[1].id)).toMatchObject({ notHeld: true });
    expect(listed.find((m: { id: string }) => m.id === kern[2].id)).toMatchObject({ notHeld: false });

    await request(t.http).post(`/api/v1/meetings/${kern[1].id}/held`).expect(200);
    const late = await detail(kern[1].id);
    expect(late).toMatchObject({ status: 'held', notHeld: false, heldAt: kern[1].startsAt, heldRecordedAt: t.clock.now().toISOString() });
  });

  it("takes the series' chair, lets the coordinator change it per meeting, and refuses a blank one in Dutch", async () => {
    expect(await detail(kern[2].id)).toMatchObject({ chair: 'VWS', chairFromSeries: true });
    expect(await detail(regie[0].id)).toMatchObject({ chair: null, chairFromSeries: true });

    const blank = await request(t.http).post(`/api/v1/meetings/${regie[0].id}/chair`).send({ chair: '  ' });
    expect(blank.status).toBe(400);
    expect(blank.body.errors).toEqual([expect.objectContaining({ field: 'chair' })]);
    await request(t.http)
      .post(`/api/v1/meetings/${regie[0].id}/chair`)
      .set('Authorization', await t.auth.bearer('director'))
      .send({ chair: 'DG Curatieve Zorg' })
      .expect(403);
    await request(t.http).post(`/api/v1/meetings/${regie[0].id}/chair`).send({ chair: 'DG Curatieve Zorg' }).expect(200);
    expect(await detail(regie[0].id)).toMatchObject({ chair: 'DG Curatieve Zorg', chairFromSeries: false });
    const same = await request(t.http).post(`/api/v1/meetings/${regie[0].id}/chair`).send({ chair: 'DG Curatieve Zorg' });
    expect(same.status).toBe(409);
    expect(same.body.detail).toBe('DG Curatieve Zorg is al de voorzitter van dit overleg');
  });

  it('lets the chair of the regiegroep, a director, record it held; a kerngroep only the coordinator', async () => {
    const director = await t.auth.bearer('director');
    const kerngroep = await request(t.http).post(`/api/v1/meetings/${kern[2].id}/held`).set('Authorization', director);
    expect(kerngroep.status).toBe(403);
    expect(kerngroep.body.detail).toContain('Alleen de coördinator');

    t.clock.set(new Date(new Date(regie[0].startsAt).getTime() + 60 * 60_000));
    const before = await detail(regie[0].id);
    expect(before.agenda.map((i: Item) => i.source.type)).toContain('projection');
    // monitoring announces a published version of the projection of its quarter: the agenda names it
    const month = Number(regie[0].startsAt.slice(5, 7));
    const quarter = `${regie[0].startsAt.slice(0, 4)}-Q${Math.ceil(month / 3)}`;
    const published = { quarter, version: 2, publishedAt: '2026-03-02T10:00:00.000Z' };
    await t.deliver('regie.monitoring.v1', 'ProjectionPublishedV1', { ...published, version: 1 }, `projection-${quarter}`);
    await t.deliver('regie.monitoring.v1', 'ProjectionPublishedV1', published, `projection-${quarter}`);
    await t.deliver('regie.monitoring.v1', 'ProjectionPublishedV1', { ...published, version: 1 }, `projection-${quarter}`); // late: no step back
    const projection = (await detail(regie[0].id)).agenda.find((i: Item) => i.source.type === 'projection');
    expect(projection.title).toMatch(/^Kwartaalprojectie \de kwartaal \d{4} \(gepubliceerd op 2 maart 2026, versie 2\)$/);
    await request(t.http).post(`/api/v1/meetings/${regie[0].id}/held`).set('Authorization', director).expect(200);
    expect(await detail(regie[0].id)).toMatchObject({ status: 'held', agendaStatus: 'gepubliceerd', agendaFrozenBy: 'held' });
    // and decides there without waiting for the coordinator
    await request(t.http)
      .post(`/api/v1/meetings/${regie[0].id}/decisions`)
      .set('Authorization', director)
      .send({ text: 'Pilots structureel financieren', kind: 'strategisch' })
      .expect(201);
  });
});
