import request from 'supertest';
import { meetingsTestApp, type MeetingsTestApp } from '../testing/meetings-test-app';

type Summary = { id: string; kind: string; startsAt: string; status: string };
type Decision = { id: string; meetingId: string; meetingKind: string; meetingDate: string; kind: string; text: string; status: string };

describe('the verslag, the besluitenlijst and the actielijst over HTTP', () => {
  let t: MeetingsTestApp;
  let kern: Summary;
  let regie: Summary;
  let itemId: string;
  let operational: string;
  let strategic: string;
  let actionPoint: string;
  beforeAll(async () => {
    t = await meetingsTestApp('meetings_minutes');
    [kern] = (await request(t.http).get('/api/v1/meetings?kind=kerngroep&from=2026-03-15')).body;
    [regie] = (await request(t.http).get('/api/v1/meetings?kind=regiegroep&from=2026-03-15')).body;
  });
  afterAll(async () => t.close());

  const director = () => t.auth.bearer('director');
  const decisions = async (query = ''): Promise<Decision[]> => (await request(t.http).get(`/api/v1/decisions${query}`).expect(200)).body;

  it('records attendance and notes per agenda item of a held meeting; bad input is refused naming the field, nothing recorded', async () => {
    await request(t.http)
      .post(`/api/v1/meetings/${kern.id}/attendance`)
      .send({ present: ['VWS'] })
      .expect(409); // not held yet
    t.clock.set(new Date(Date.parse(kern.startsAt) + 3_600_000));
    await request(t.http).post(`/api/v1/meetings/${kern.id}/held`).expect(200);

    const empty = await request(t.http)
      .post(`/api/v1/meetings/${kern.id}/attendance`)
      .send({ present: [], absent: ['ZN'] });
    expect(empty.status).toBe(400);
    expect(empty.headers['content-type']).toMatch(/problem\+json/);
    expect(empty.body.errors).toEqual([expect.objectContaining({ field: 'present' })]);
    const both = await request(t.http)
      .post(`/api/v1/meetings/${kern.id}/attendance`)
      .send({ present: ['VWS', 'ZN'], absent: ['zn'] });
    expect(both.status).toBe(400);
    expect(both.body.errors).toEqual([expect.objectContaining({ field: 'absent' })]);
    expect((await request(t.http).get(`/api/v1/meetings/${kern.id}/minutes`).expect(200)).body.attendance).toEqual({
      present: [],
      absent: [],
      recordedAt: null,
    });

    await request(t.http)
      .post(`/api/v1/meetings/${kern.id}/attendance`)
      .send({ present: ['VWS', 'ZN', 'MIND'], absent: ['Valente'] })
      .expect(200);
    const agenda = (await request(t.http).get(`/api/v1/meetings/${kern.id}`)).body.agenda as { id: string; title: string }[];
    expect(agenda.length).toBeGreaterThan(0);
    itemId = agenda[0].id;
    await request(t.http)
      .post(`/api/v1/meetings/${kern.id}/minutes/items/${itemId}`)
      .send({ notes: 'De pilotregio’s lopen op schema.\n\nZN licht de financiering toe.' })
      .expect(200);
    await request(t.http)
      .post(`/api/v1/meetings/${kern.id}/minutes/items/0196a4a2-7c1e-7000-8000-00000000ffff`)
      .send({ notes: 'x' })
      .expect(404);
    const noNotes = await request(t.http).post(`/api/v1/meetings/${kern.id}/minutes/items/${itemId}`).send({});
    expect(noNotes.status).toBe(400);
    expect(noNotes.body.errors).toEqual([expect.objectContaining({ field: 'notes' })]);

    const minutes = (await request(t.http).get(`/api/v1/meetings/${kern.id}/minutes`)).body;
    expect(minutes.attendance).toMatchObject({ present: ['VWS', 'ZN', 'MIND'], absent: ['Valente'] });
    expect(minutes.notes).toEqual([
      expect.objectContaining({
        itemId,
        title: agenda[0].title,
        notes: 'De pilotregio’s lopen op schema.\n\nZN licht de financiering toe.',
      }),
    ]);
  });

  it('ties decisions and action points to the agenda item they came from, and refuses an item not on the agenda', async () => {
    const wrong = await request(t.http)
      .post(`/api/v1/meetings/${kern.id}/decisions`)
      .send({ text: 'Werkgroep regiokaart start in april', kind: 'operationeel', itemId: '0196a4a2-7c1e-7000-8000-00000000ffff' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors).toEqual([expect.objectContaining({ field: 'itemId' })]);
    expect(await decisions()).toEqual([]);

    operational = (
      await request(t.http)
        .post(`/api/v1/meetings/${kern.id}/decisions`)
        .send({ text: 'Werkgroep regiokaart start in april', kind: 'operationeel', itemId })
        .expect(201)
    ).body.id;
    actionPoint = (
      await request(t.http)
        .post(`/api/v1/meetings/${kern.id}/action-points`)
        .send({ text: 'Notitie financiering opstellen', owner: 'ZN', dueDate: '2026-04-10', itemId })
        .expect(201)
    ).body.id;
    await request(t.http)
      .post(`/api/v1/meetings/${kern.id}/action-points`)
      .send({ text: 'Regiokaart rondsturen', owner: 'VWS', dueDate: '2026-12-01' })
      .expect(201);
    const detail = (await request(t.http).get(`/api/v1/meetings/${kern.id}`)).body;
    expect(detail.decisions).toEqual([expect.objectContaining({ id: operational, itemId, status: 'geldig' })]);
    expect(detail.actionPoints).toContainEqual(expect.objectContaining({ id: actionPoint, itemId }));
  });

  it('answers the decisions of several meetings from one request, newest first, filtered, and as CSV', async () => {
    t.clock.set(new Date(Date.parse(regie.startsAt) + 3_600_000));
    await request(t.http).post(`/api/v1/meetings/${regie.id}/held`).expect(200);
    strategic = (
      await request(t.http)
        .post(`/api/v1/meetings/${regie.id}/decisions`)
        .set('Authorization', await director())
        .send({ text: 'Financiering pilots structureel maken', kind: 'strategisch' })
        .expect(201)
    ).body.id;

    const all = await decisions();
    const newestFirst = [
      [strategic, regie.id, 'geldig'],
      [operational, kern.id, 'geldig'],
    ];
    if (kern.startsAt > regie.startsAt) newestFirst.reverse();
    expect(all.map((d) => [d.id, d.meetingId, d.status])).toEqual(newestFirst);
    expect(all.map((d) => d.meetingDate)).toEqual([...all.map((d) => d.meetingDate)].sort().reverse());
    expect(all.find((d) => d.id === operational)).toMatchObject({ meetingKind: 'kerngroep', itemId, itemTitle: expect.any(String) });
    expect((await decisions('?meetingKind=regiegroep')).map((d) => d.id)).toEqual([strategic]);
    expect((await decisions('?kind=operationeel')).map((d) => d.id)).toEqual([operational]);
    expect((await decisions('?q=REGIOKAART')).map((d) => d.id)).toEqual([operational]);
    expect((await decisions('?q=100%25')).map((d) => d.id)).toEqual([]);
    expect((await decisions('?werkagendaId=betekenisvol-leven-2025-2028')).length).toBe(2);
    expect(await decisions('?werkagendaId=voorbeeld-andere')).toEqual([]);
    const kernDate = all.find((d) => d.id === operational)!.meetingDate;
    expect((await decisions(`?from=${kernDate}&to=${kernDate}`)).map((d) => d.id)).toEqual([operational]);
    const backwards = await request(t.http).get('/api/v1/decisions?from=2026-06-01&to=2026-01-01');
    expect(backwards.status).toBe(400);
    expect(backwards.body.errors).toEqual([expect.objectContaining({ field: 'to' })]);
    const badKind = await request(t.http).get('/api/v1/decisions?meetingKind=bestuur');
    expect(badKind.body.errors).toEqual([expect.objectContaining({ field: 'meetingKind' })]);

    const csv = await request(t.http).get('/api/v1/decisions.csv').expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toContain('besluitenlijst.csv');
    const lines = csv.text
      .replace(/^\ufeff/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe('Datum overleg;Overleg;Soort besluit;Besluit;Status;Agendapunt;Reden wijziging');
    expect(lines).toHaveLength(3);
    expect(lines.find((l) => l.includes('Financiering pilots structureel maken'))).toMatch(/;Regiegroep;strategisch;.*;geldig;/);
    expect(lines.some((l) => l.startsWith(`${kernDate};Kerngroep;operationeel;Werkgroep regiokaart start in april;geldig;`))).toBe(true);
  });

  it('corrects and withdraws a decision only by a later event with a reason; both versions stay visible', async () => {
    t.clock.set(new Date('2026-04-01T10:00:00Z'));
    const noReason = await request(t.http)
      .post(`/api/v1/decisions/${operational}/correct`)
      .send({ text: 'Werkgroep regiokaart start in mei' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors).toEqual([expect.objectContaining({ field: 'reason' })]);
    expect((await decisions()).map((d) => d.status)).toEqual(['geldig', 'geldig']);

    await request(t.http).post(`/api/v1/meetings/${kern.id}/minutes/approve`).expect(200);
    const corrected = await request(t.http)
      .post(`/api/v1/decisions/${operational}/correct`)
      .send({ text: 'Werkgroep regiokaart start in mei', reason: 'Datum verkeerd genotuleerd' })
      .expect(201);
    const versions = await decisions('?meetingKind=kerngroep');
    expect(versions).toEqual([
      expect.objectContaining({
        id: corrected.body.id,
        text: 'Werkgroep regiokaart start in mei',
        status: 'geldig',
        corrects: operational,
        itemId,
      }),
      expect.objectContaining({
        id: operational,
        text: 'Werkgroep regiokaart start in april',
        status: 'gecorrigeerd',
        correctedBy: corrected.body.id,
        reason: 'Datum verkeerd genotuleerd',
      }),
    ]);
    await request(t.http).post(`/api/v1/decisions/${operational}/correct`).send({ text: 'nog eens', reason: 'x' }).expect(409);

    await request(t.http).post(`/api/v1/decisions/${strategic}/withdraw`).send({ reason: 'Achterhaald' }).expect(403);
    await request(t.http)
      .post(`/api/v1/decisions/${strategic}/withdraw`)
      .set('Authorization', await director())
      .send({ reason: 'Achterhaald' })
      .expect(200);
    expect((await decisions('?meetingKind=regiegroep'))[0]).toMatchObject({ status: 'ingetrokken', reason: 'Achterhaald' });
    await request(t.http).post('/api/v1/decisions/0196a4a2-7c1e-7000-8000-00000000ffff/withdraw').send({ reason: 'x' }).expect(404);

    // Approval froze the verslag itself.
    await request(t.http)
      .post(`/api/v1/meetings/${kern.id}/attendance`)
      .send({ present: ['VWS'] })
      .expect(409);
    await request(t.http).post(`/api/v1/meetings/${kern.id}/minutes/items/${itemId}`).send({ notes: 'later' }).expect(409);
  });

  it('lists action points across meetings: overdue when past due and open, reassigned with a reason, and as CSV', async () => {
    t.clock.set(new Date('2026-04-15T10:00:00Z'));
    const list = async (query = '') => (await request(t.http).get(`/api/v1/action-points${query}`).expect(200)).body;
    expect((await list('?status=overdue')).map((a: { id: string }) => a.id)).toEqual([actionPoint]);
    expect((await list('?status=open')).map((a: { text: string }) => a.text)).toEqual(['Regiokaart rondsturen']);
    expect(await list('?status=done')).toEqual([]);
    const badStatus = await request(t.http).get('/api/v1/action-points?status=klaar');
    expect(badStatus.status).toBe(400);
    expect(badStatus.body.errors).toEqual([expect.objectContaining({ field: 'status' })]);

    const noOwner = await request(t.http).post(`/api/v1/action-points/${actionPoint}/reassign`).send({ reason: 'ZN met verlof' });
    expect(noOwner.status).toBe(400);
    expect(noOwner.body.errors).toEqual([expect.objectContaining({ field: 'owner' })]);
    expect((await list('?owner=zn')).map((a: { id: string }) => a.id)).toEqual([actionPoint]);

    await request(t.http)
      .post(`/api/v1/action-points/${actionPoint}/reassign`)
      .send({ owner: 'Valente', reason: 'ZN met verlof' })
      .expect(200);
    const [reassigned] = await list('?owner=valente');
    expect(reassigned).toMatchObject({
      id: actionPoint,
      owner: 'Valente',
      status: 'overdue',
      reassignments: [expect.objectContaining({ previousOwner: 'ZN', reason: 'ZN met verlof' })],
    });
    expect(await list('?owner=zn')).toEqual([]);

    const csv = await request(t.http).get('/api/v1/action-points.csv?status=overdue').expect(200);
    const lines = csv.text
      .replace(/^\ufeff/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe('Actiepunt;Wie;Uiterlijk;Stand;Afgerond op;Datum overleg;Overleg;Agendapunt');
    expect(lines[1]).toMatch(/^Notitie financiering opstellen;Valente;2026-04-10;te laat;;\d{4}-\d\d-\d\d;Kerngroep;/);

    await request(t.http).post(`/api/v1/action-points/${actionPoint}/complete`).send({}).expect(200);
    expect((await list('?status=done')).map((a: { id: string }) => a.id)).toEqual([actionPoint]);
    await request(t.http).post(`/api/v1/action-points/${actionPoint}/reassign`).send({ owner: 'VWS', reason: 'x' }).expect(409);
  });

  it('prints the verslag in Dutch: werkagenda, date, attendance, items with notes, decisions and action points, print date, page numbers', async () => {
    const res = await request(t.http).get(`/api/v1/meetings/${kern.id}/minutes.html`).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    const html = res.text;
    expect(html).toContain('<html lang="nl">');
    expect(html).toContain('Verslag Kerngroepoverleg');
    expect(html).toContain('Een betekenisvol leven');
    expect(html).toContain('VWS, ZN, MIND');
    expect(html).toContain('Valente');
    expect(html).toContain('De pilotregio’s lopen op schema.');
    expect(html).toContain('Werkgroep regiokaart start in mei');
    expect(html).toContain('Werkgroep regiokaart start in april <span class="soort">— operationeel besluit</span> <em>(gecorrigeerd)</em>');
    expect(html).not.toMatch(/\((operationeel|strategisch)\)/); // the kind in words, as on the screen
    expect(html).toContain('Notitie financiering opstellen');
    expect(html).toContain('Verslag vastgesteld op');
    expect(html).toContain('Afgedrukt op 15 april 2026');
    expect(html).toContain('counter(page)');
    expect(html).not.toMatch(/\d{4}-\d\d-\d\d/); // no ISO dates for readers
    expect(html).not.toContain(kern.id);
  });
});
