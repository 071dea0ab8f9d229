import request from 'supertest';
import { milestoneStream } from './milestone';
import { ReadModel } from '@regie/context';
import { actionsTestApp, type ActionsTestApp } from '../testing/actions-test-app';

describe('milestones over HTTP', () => {
  let t: ActionsTestApp;
  beforeAll(async () => (t = await actionsTestApp('milestone_api')));
  afterAll(async () => t.close());

  const plan = async (code: string, body: object) => request(t.http).post(`/api/v1/actions/${code}/milestones`).send(body);
  const milestoneOf = async (code: string, id: string) =>
    (await request(t.http).get(`/api/v1/actions/${code}`)).body.milestones.find((m: { id: string }) => m.id === id);

  it('plans a milestone that the action then lists, with its revision as ETag', async () => {
    const res = await plan('2.2', { title: 'Werksessie fluctuerende behoeften', dueDate: '2026-09-30' });
    expect(res.status).toBe(201);
    expect(res.headers.etag).toBe('"0"');
    expect(await milestoneOf('2.2', res.body.id)).toMatchObject({
      title: 'Werksessie fluctuerende behoeften',
      dueDate: '2026-09-30',
      status: 'planned',
      late: false,
    });
  });

  it('derives late from the clock: past due and not achieved', async () => {
    const { body } = await plan('2.3', { title: 'Handreiking cliënten', dueDate: '2026-03-14' });
    expect((await milestoneOf('2.3', body.id)).late).toBe(true);
    await request(t.http).post(`/api/v1/actions/2.3/milestones/${body.id}/achieve`).send({ achievedOn: '2026-03-15' }).expect(200);
    // achieved a day after its due date: "behaald, te laat", derived
    expect(await milestoneOf('2.3', body.id)).toMatchObject({ status: 'achieved', late: false, achievedLate: true, daysLate: 1 });
  });

  it('refuses bad input with problem+json naming every bad field, and records nothing', async () => {
    const head = await t.store.headPosition();
    const res = await plan('2.2', { dueDate: '2026-02-30', extra: 1 });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 400, title: 'Ongeldige invoer' });
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['dueDate', 'title']);
    expect(res.body.stack).toBeUndefined();
    expect(await t.store.headPosition()).toBe(head);
  });

  it('answers 404 for an unknown action and 400 naming the field for a malformed code', async () => {
    const unknown = await plan('9.9', { title: 'x', dueDate: '2026-05-01' });
    expect(unknown.status).toBe(404);
    const malformed = await plan('abc', { title: 'x', dueDate: '2026-05-01' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors).toEqual([expect.objectContaining({ field: 'code' })]);
  });

  it('refuses to achieve a cancelled milestone with 409 and records nothing', async () => {
    const { body } = await plan('1.2', { title: 'Beschrijving woonbehoeften', dueDate: '2026-10-01' });
    await request(t.http).post(`/api/v1/actions/1.2/milestones/${body.id}/cancel`).send({ reason: 'vervalt' }).expect(200);
    const head = await t.store.headPosition();
    const res = await request(t.http).post(`/api/v1/actions/1.2/milestones/${body.id}/achieve`).send({ achievedOn: '2026-03-01' });
    expect(res.status).toBe(409);
    expect(res.body.detail).toMatch(/geannuleerd/);
    expect(await t.store.headPosition()).toBe(head);
  });

  it('keeps the replanning history, and refuses a stale If-Match with 409', async () => {
    const { body } = await plan('1.3', { title: 'Verkenning thuissituatie', dueDate: '2026-06-30' });
    const first = await request(t.http)
      .post(`/api/v1/actions/1.3/milestones/${body.id}/replan`)
      .set('If-Match', '"0"')
      .send({ dueDate: '2026-07-31', reason: 'later gestart' });
    expect(first.status).toBe(200);
    expect(first.headers.etag).toBe('"1"');
    const stale = await request(t.http)
      .post(`/api/v1/actions/1.3/milestones/${body.id}/replan`)
      .set('If-Match', '"0"')
      .send({ dueDate: '2026-08-31', reason: 'nog later' });
    expect(stale.status).toBe(409);
    expect(await milestoneOf('1.3', body.id)).toMatchObject({ dueDate: '2026-07-31', replanCount: 1 });
    const detail = (await request(t.http).get('/api/v1/actions/1.3')).body.milestones.find((m: { id: string }) => m.id === body.id);
    expect(detail.replans).toEqual([
      expect.objectContaining({ previousDueDate: '2026-06-30', dueDate: '2026-07-31', reason: 'later gestart' }),
    ]);
  });

  it('takes a write API.md lists without a body when none is sent, and If-Match: * as any revision', async () => {
    const { body } = await plan('3.1', { title: 'Voorbeeld: zonder body', dueDate: '2026-12-31' });
    const started = await request(t.http).post(`/api/v1/actions/3.1/milestones/${body.id}/start`).set('If-Match', '*');
    expect(started.status).toBe(200);
    expect(await milestoneOf('3.1', body.id)).toMatchObject({ status: 'in_progress' });
    const achieve = await request(t.http).post(`/api/v1/actions/3.1/milestones/${body.id}/achieve`); // achievedOn is required: named
    expect(achieve.status).toBe(400);
    expect(achieve.body.errors).toEqual([expect.objectContaining({ field: 'achievedOn' })]);
  });

  it('lets exactly one of 20 concurrent conflicting writes win; the others get 409 and revisions stay contiguous', async () => {
    const { body } = await plan('3.2', { title: 'Woonzorgconcept uitgewerkt', dueDate: '2026-12-31' });
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        request(t.http)
          .post(`/api/v1/actions/3.2/milestones/${body.id}/replan`)
          .set('If-Match', '"0"')
          .send({ dueDate: `2027-01-${String(i + 1).padStart(2, '0')}`, reason: `poging ${i}` }),
      ),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    expect((await t.store.readStream(milestoneStream(body.id))).map((e) => e.revision)).toEqual([0, 1]);
  });

  it('returns the first result for a repeated Idempotency-Key and records nothing new', async () => {
    const send = () =>
      request(t.http)
        .post('/api/v1/actions/2.4/milestones')
        .set('Idempotency-Key', 'plan-2.4-pilot')
        .send({ title: 'Pilot digitale ondersteuning', dueDate: '2026-11-30' });
    const first = await send();
    const head = await t.store.headPosition();
    const again = await send();
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(await t.store.headPosition()).toBe(head);
    const reused = await request(t.http)
      .post('/api/v1/actions/2.4/milestones')
      .set('Idempotency-Key', 'plan-2.4-pilot')
      .send({ title: 'Iets anders', dueDate: '2026-11-30' });
    expect(reused.status).toBe(409);
  });

  it("keeps each caller's keys apart: another user sending the same key gets a result of their own", async () => {
    const send = (who: string) =>
      request(t.http)
        .post('/api/v1/actions/2.4/milestones')
        .set('Authorization', who)
        .set('Idempotency-Key', 'mijn-sleutel')
        .send({ title: 'Voorbeeld: zelfde sleutel', dueDate: '2026-12-01' });
    const coordinator = await send(await t.auth.bearer('coordinator'));
    const holder = await send(await t.auth.bearer('actiehouder-2.4'));
    expect([coordinator.status, holder.status]).toEqual([201, 201]);
    expect(holder.headers['idempotent-replayed']).toBeUndefined();
    expect(holder.body.id).not.toBe(coordinator.body.id);
    const planned = await t.store.readStream(milestoneStream(holder.body.id));
    expect(planned.map((e) => e.metadata.actor.userId)).toEqual(['actiehouder-2.4']);
  });

  it('answers a double click (the same key at the same time) with the one result, recorded once', async () => {
    const send = () =>
      request(t.http)
        .post('/api/v1/actions/2.3/milestones')
        .set('Idempotency-Key', 'double-click-2.3')
        .send({ title: 'Voorbeeld: dubbelklik', dueDate: '2026-12-15' });
    const answers = await Promise.all([send(), send(), send()]);
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201]);
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    const action = (await request(t.http).get('/api/v1/actions/2.3')).body as { milestones: { title: string }[] };
    expect(action.milestones.filter((m) => m.title === 'Voorbeeld: dubbelklik')).toHaveLength(1);
  });

  it('absorbs a retry after a lost answer (the key freed after the commit): same result, nothing doubled', async () => {
    const plan = () =>
      request(t.http)
        .post('/api/v1/actions/1.4/milestones')
        .set('Idempotency-Key', 'lost-answer-1')
        .send({ title: 'Behoefteonderzoek gereed', dueDate: '2026-10-31' });
    const first = await plan();
    const forget = () => t.pool.query(`DELETE FROM platform.idempotency_keys WHERE key LIKE '% lost-answer-%'`);
    await forget(); // as when the response was lost or the key's record failed after the events were stored
    const again = await plan();
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    const replan = () =>
      request(t.http)
        .post(`/api/v1/actions/1.4/milestones/${first.body.id}/replan`)
        .set('Idempotency-Key', 'lost-answer-2')
        .send({ dueDate: '2026-12-31', reason: 'later' });
    expect((await replan()).status).toBe(200);
    await forget();
    const retried = await replan();
    expect(retried.status).toBe(200);
    expect(retried.headers.etag).toBe('"1"');
    expect((await t.store.readStream(milestoneStream(first.body.id))).map((e) => e.type)).toEqual([
      'MilestonePlanned',
      'MilestoneReplanned',
    ]);
  });

  it('records the signed-in actor (never a header the caller chooses) and the correlation id with the event', async () => {
    const { body } = await request(t.http)
      .post('/api/v1/actions/2.5/milestones')
      .set('Authorization', await t.auth.bearer('actiehouder-2.5'))
      .set('X-Actor-Id', 'iemand-anders')
      .set('X-Correlation-Id', 'corr-42')
      .send({ title: 'Positie behandeling', dueDate: '2026-10-15' });
    const [planned] = await t.store.readStream(milestoneStream(body.id));
    expect(planned.metadata).toMatchObject({ actor: { userId: 'actiehouder-2.5', role: 'actiehouder' }, correlationId: 'corr-42' });
    expect(planned.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
  });
});

describe('milestones as of a moment (time travel)', () => {
  let t: ActionsTestApp;
  beforeAll(async () => (t = await actionsTestApp('milestone_asof', new Date('2026-04-01T09:00:00Z'))));
  afterAll(async () => t.close());

  it('shows the old due date as of a moment before the replan, and the new one now', async () => {
    const { body } = await request(t.http)
      .post('/api/v1/actions/2.1/milestones')
      .send({ title: 'Evaluatie pilots', dueDate: '2026-06-30' });
    t.clock.set(new Date('2026-05-01T09:00:00Z'));
    await request(t.http)
      .post(`/api/v1/actions/2.1/milestones/${body.id}/replan`)
      .send({ dueDate: '2026-09-30', reason: 'pilots lopen langer' })
      .expect(200);
    const find = (res: request.Response) => res.body.milestones.find((m: { id: string }) => m.id === body.id);

    const before = await request(t.http).get('/api/v1/actions/2.1?asOf=2026-04-15T00:00:00Z').expect(200);
    expect(find(before)).toMatchObject({ dueDate: '2026-06-30', replans: [] });
    const now = await request(t.http).get('/api/v1/actions/2.1').expect(200);
    expect(find(now)).toMatchObject({ dueDate: '2026-09-30' });
    const beforeAll = await request(t.http).get('/api/v1/actions?asOf=2026-03-31T00:00:00Z').expect(200);
    expect(
      beforeAll.body.flatMap((a: { milestones: { id: string }[] }) => a.milestones).some((m: { id: string }) => m.id === body.id),
    ).toBe(false);
  });

  it('refuses a malformed asOf naming the parameter', async () => {
    const res = await request(t.http).get('/api/v1/actions?asOf=gisteren');
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'asOf' })]);
  });
});

describe('milestone history written by an older version (upcasting)', () => {
  let t: ActionsTestApp;
  beforeAll(async () => (t = await actionsTestApp('milestone_upcast')));
  afterAll(async () => t.close());

  it('reads a stored v1 MilestonePlanned through the upcaster, and writes new ones as v2, without rewriting history', async () => {
    const id = '0196a4a2-7c1e-7000-8000-00000000abcd';
    const written = await t.postgres.append(
      `milestone-${id}`,
      [
        {
          id: '0196a4a2-7c1e-7000-8000-00000000abce',
          type: 'MilestonePlanned',
          schemaVersion: 1,
          occurredAt: new Date('2025-03-11T09:00:00Z'),
          data: { milestoneId: id, actionCode: '1.1', title: 'Onderzoek doelgroep gereed (v1)', dueDate: '2026-02-27' },
          metadata: { actor: { userId: 'import', role: 'system' }, correlationId: 'c', causationId: 'k' },
        },
      ],
      'no_stream',
    );
    await t.app.get(ReadModel).caughtUpTo(written.lastPosition);
    await request(t.http).post(`/api/v1/actions/1.1/milestones/${id}/replan`).send({ dueDate: '2026-04-30', reason: 'later' }).expect(200);
    const old = (await request(t.http).get('/api/v1/actions/1.1')).body.milestones.find((m: { id: string }) => m.id === id);
    expect(old).toMatchObject({ dueDate: '2026-04-30', originalDueDate: '2026-02-27', dueDateText: null });
    expect((await t.postgres.readStream(`milestone-${id}`))[0].schemaVersion).toBe(1); // stored as written

    const { body } = await request(t.http)
      .post('/api/v1/actions/1.1/milestones')
      .send({ title: 'Dialoogsessie', dueDate: '2026-05-31', dueDateText: 'voorjaar 2026' });
    const [stored] = await t.postgres.readStream(`milestone-${body.id}`);
    expect(stored).toMatchObject({ schemaVersion: 2, data: { dueDateText: 'voorjaar 2026' } });
  });
});
