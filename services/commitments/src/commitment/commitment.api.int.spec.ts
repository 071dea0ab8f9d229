import request from 'supertest';
import { stableId } from '@regie/es-core';
import { commitmentsTestApp, type CommitmentsTestApp } from '../testing/commitments-test-app';
import { commitmentStream } from './commitment';

describe('commitments over HTTP', () => {
  let t: CommitmentsTestApp;
  beforeAll(async () => (t = await commitmentsTestApp('commitment_api', { now: new Date('2026-03-15T09:00:00Z'), seed: false })));
  afterAll(async () => t.close());

  const register = (body: object) => request(t.http).post('/api/v1/commitments').send(body);
  const valid = {
    text: 'De Kamer voor de zomer informeren over de regiokaarten',
    madeBy: 'Minister van Langdurige Zorg, Jeugd en Sport',
    madeAt: { date: '2026-03-10', source: 'Commissiedebat ggz/suïcidepreventie' },
    due: 'voor de zomer',
    actionCodes: ['3.1'],
  };

  it('registers a commitment with a due period resolved to a date, answering 201 {id, dueDate} with its revision', async () => {
    const res = await register(valid);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: expect.any(String), dueDate: '2026-06-30' });
    expect(res.headers.etag).toBe('"0"');
    const { body } = await request(t.http).get(`/api/v1/commitments/${res.body.id}`).expect(200);
    expect(body).toMatchObject({
      text: valid.text,
      madeBy: valid.madeBy,
      madeAt: valid.madeAt,
      status: 'open',
      due: { text: 'voor de zomer', date: '2026-06-30' },
      dueDate: '2026-06-30',
      actionCodes: ['3.1'],
      postponements: [],
      fulfilment: null,
    });
  });

  it('keeps the full chain of postponements with reasons, then the fulfilling document', async () => {
    const { body: made } = await register({ ...valid, text: 'Voortgangsbrief', due: 'eind 2026' });
    const url = `/api/v1/commitments/${made.id}`;
    const first = await request(t.http).post(`${url}/postpone`).send({ due: 'Q1 2027', reason: 'evaluatie loopt uit' });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ id: made.id, dueDate: '2027-03-31', revision: 1 });
    await request(t.http)
      .post(`${url}/postpone`)
      .send({ due: 'voorjaar 2027', reason: 'afstemming met partijen', source: 'brief van 1 maart' })
      .expect(200);
    await request(t.http)
      .post(`${url}/fulfil`)
      .send({ document: { kenmerk: '1234567-LZ', title: 'Voortgangsbrief', date: '2026-03-14' } })
      .expect(200);
    const { body } = await request(t.http).get(url).expect(200);
    expect(body.status).toBe('fulfilled');
    expect(body.originalDue).toEqual({ text: 'eind 2026', date: '2026-12-31' });
    expect(body.postponements).toEqual([
      {
        previousDue: { text: 'eind 2026', date: '2026-12-31' },
        due: { text: 'Q1 2027', date: '2027-03-31' },
        reason: 'evaluatie loopt uit',
        source: null,
        at: expect.any(String),
      },
      {
        previousDue: { text: 'Q1 2027', date: '2027-03-31' },
        due: { text: 'voorjaar 2027', date: '2027-05-31' },
        reason: 'afstemming met partijen',
        source: 'brief van 1 maart',
        at: expect.any(String),
      },
    ]);
    expect(body.fulfilment).toEqual({
      document: { kenmerk: '1234567-LZ', title: 'Voortgangsbrief', date: '2026-03-14' },
      at: expect.any(String),
    });
    expect(body.history.map((h: { type: string; actor: string }) => [h.type, h.actor])).toEqual([
      ['CommitmentRegistered', 'coordinator'],
      ['CommitmentPostponed', 'coordinator'],
      ['CommitmentPostponed', 'coordinator'],
      ['CommitmentFulfilled', 'coordinator'],
    ]);
  });

  it('lists commitments soonest due first and filters by status', async () => {
    const { body: withdrawn } = await register({ ...valid, text: 'Vervallen toezegging', due: '2026-04-01' });
    await request(t.http)
      .post(`/api/v1/commitments/${withdrawn.id}/withdraw`)
      .send({ reason: 'opgegaan in de voortgangsbrief' })
      .expect(200);
    const all = (await request(t.http).get('/api/v1/commitments').expect(200)).body;
    expect(all.map((c: { dueDate: string }) => c.dueDate)).toEqual([...all.map((c: { dueDate: string }) => c.dueDate)].sort());
    const only = (await request(t.http).get('/api/v1/commitments?status=withdrawn').expect(200)).body;
    expect(only.map((c: { id: string }) => c.id)).toEqual([withdrawn.id]);
    // Each counts its own postponements, in the full list and in a filtered one.
    const counts = (list: { text: string; postponementCount: number }[]) =>
      Object.fromEntries(list.map((c) => [c.text, c.postponementCount]));
    expect(counts(all)).toMatchObject({ Voortgangsbrief: 2, 'Vervallen toezegging': 0, [valid.text]: 0 });
    const fulfilled = (await request(t.http).get('/api/v1/commitments?status=fulfilled').expect(200)).body;
    expect(counts(fulfilled)).toEqual({ Voortgangsbrief: 2 });
    expect((await request(t.http).get('/api/v1/commitments?status=postponed').expect(200)).body).toEqual([]);
    const bad = await request(t.http).get('/api/v1/commitments?status=vergeten');
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'status' })]);
  });

  it('refuses bad input with problem+json naming every bad field, and records nothing', async () => {
    const head = await t.store.headPosition();
    const res = await register({ text: ' ', madeAt: { date: '2026-02-30' }, due: 'eind 2026', actionCodes: ['9.99'] });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 400, title: 'Ongeldige invoer' });
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'actionCodes.0',
      'madeAt.date',
      'madeAt.source',
      'madeBy',
      'text',
    ]);
    expect(await t.store.headPosition()).toBe(head);
  });

  it('refuses a due text it cannot resolve, naming "due" and the accepted forms', async () => {
    const res = await register({ ...valid, due: 'zo snel mogelijk' });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ field: 'due', message: expect.stringMatching(/eind 2025.*najaar 2026/) }]);
  });

  it('answers 409 for illegal transitions and records nothing', async () => {
    const { body } = await register({ ...valid, text: 'Na te komen', due: 'najaar 2026' });
    const url = `/api/v1/commitments/${body.id}`;
    await request(t.http).post(`${url}/withdraw`).send({ reason: 'vervalt' }).expect(200);
    const head = await t.store.headPosition();
    const fulfil = await request(t.http)
      .post(`${url}/fulfil`)
      .send({ document: { kenmerk: 'K-1', title: 'Brief', date: '2026-03-01' } });
    expect(fulfil.status).toBe(409);
    expect(fulfil.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(fulfil.body.detail).toBe('een ingetrokken toezegging kan niet nagekomen worden');
    const postpone = await request(t.http).post(`${url}/postpone`).send({ due: 'Q1 2027', reason: 'later' });
    expect(postpone.status).toBe(409);
    expect(await t.store.headPosition()).toBe(head);
  });

  it('refuses a postponement to an earlier date (400 on due) and a fulfilment dated in the future (400 on document.date)', async () => {
    const { body } = await register({ ...valid, text: 'Vroeg of laat', due: 'najaar 2026' });
    const earlier = await request(t.http).post(`/api/v1/commitments/${body.id}/postpone`).send({ due: 'zomer 2026', reason: 'eerder' });
    expect(earlier.status).toBe(400);
    expect(earlier.body.errors).toEqual([expect.objectContaining({ field: 'due' })]);
    const future = await request(t.http)
      .post(`/api/v1/commitments/${body.id}/fulfil`)
      .send({ document: { kenmerk: 'K', title: 'Brief', date: '2026-04-01' } });
    expect(future.status).toBe(400);
    expect(future.body.errors).toEqual([expect.objectContaining({ field: 'document.date' })]);
    const missing = await request(t.http)
      .post(`/api/v1/commitments/${body.id}/fulfil`)
      .send({ document: { title: 'Brief' } });
    expect(missing.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['document.date', 'document.kenmerk']);
  });

  it('answers 404 for an unknown commitment and 400 naming the id for a malformed one', async () => {
    const unknown = '0196a4a2-7c1e-7000-8000-0000000000ff';
    expect((await request(t.http).get(`/api/v1/commitments/${unknown}`)).status).toBe(404);
    expect((await request(t.http).post(`/api/v1/commitments/${unknown}/withdraw`).send({ reason: 'x' })).status).toBe(404);
    const malformed = await request(t.http).get('/api/v1/commitments/abc');
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors).toEqual([expect.objectContaining({ field: 'id' })]);
  });

  it('refuses a stale If-Match with 409', async () => {
    const { body } = await register({ ...valid, text: 'Met revisie', due: 'najaar 2026' });
    const url = `/api/v1/commitments/${body.id}`;
    const first = await request(t.http).post(`${url}/postpone`).set('If-Match', '"0"').send({ due: 'eind 2026', reason: 'later' });
    expect(first.status).toBe(200);
    expect(first.headers.etag).toBe('"1"');
    const stale = await request(t.http).post(`${url}/postpone`).set('If-Match', '"0"').send({ due: 'Q1 2027', reason: 'nog later' });
    expect(stale.status).toBe(409);
    expect((await t.store.readStream(commitmentStream(body.id))).map((e) => e.revision)).toEqual([0, 1]);
  });

  it('gives a Tweede Kamer toezegging one identity: registering it twice is a conflict', async () => {
    const externalRef = { system: 'tweede-kamer', id: '0e0e0e0e-0000-4000-8000-0000000000bb', nummer: 'TZ-VOORBEELD-BB' };
    const first = await register({ ...valid, text: 'Voorbeeld uit de Kamer', externalRef });
    expect(first.status).toBe(201);
    expect(first.body.id).toBe(stableId(`tk:${externalRef.id}`));
    expect((await register({ ...valid, text: 'Voorbeeld uit de Kamer', externalRef })).status).toBe(409);
  });

  it('returns the first result for a repeated Idempotency-Key and records nothing new', async () => {
    const send = () =>
      request(t.http)
        .post('/api/v1/commitments')
        .set('Idempotency-Key', 'tz-regiokaart')
        .send({ ...valid, text: 'Eenmalig' });
    const first = await send();
    const head = await t.store.headPosition();
    const again = await send();
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(await t.store.headPosition()).toBe(head);
  });
});
