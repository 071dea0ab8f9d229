import request from 'supertest';
import type { IntegrationMessage } from '@regie/es-core';
import { commitmentStream } from '../commitment/commitment';
import { seedCommitmentId } from '../seed/seed-commitments';
import { commitmentsTestApp, type CommitmentsTestApp } from '../testing/commitments-test-app';
import { COMMITMENT_JOBS, CommitmentJobs } from './commitment-jobs';

const eventually = async (check: () => Promise<boolean> | boolean, ms = 5000): Promise<void> => {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 25))) if (await check()) return;
  throw new Error('condition not met in time');
};

const typesIn = async (t: CommitmentsTestApp, id: string) => (await t.store.readStream(commitmentStream(id))).map((e) => e.type);
const count = async (t: CommitmentsTestApp, id: string, type: string) => (await typesIn(t, id)).filter((x) => x === type).length;
const jobOf = async (t: CommitmentsTestApp, name: string, id: string) =>
  (await t.scheduler.list()).find((j) => j.name === name && j.key === id);

describe('deadline jobs on the seeded toezeggingen, clock at 2026-11-23', () => {
  let t: CommitmentsTestApp;
  const najaar = seedCommitmentId('voortgang-najaar-2026');
  beforeAll(async () => (t = await commitmentsTestApp('commitment_jobs')));
  afterAll(async () => t.close());

  it('schedules the "najaar 2026" promise: overdue when 30 November has passed, look-ahead six weeks before', async () => {
    expect((await jobOf(t, COMMITMENT_JOBS.overdue, najaar))?.runAt.toISOString()).toBe('2026-11-30T23:00:00.000Z');
    expect((await jobOf(t, COMMITMENT_JOBS.dueSoon, najaar))?.runAt.toISOString()).toBe('2026-10-18T22:00:00.000Z');
  });

  it('finds the "najaar 2026" promise open and due within the look-ahead: CommitmentDueSoonV1 arrives on the bus', async () => {
    const received: IntegrationMessage[] = [];
    const subscription = await t.bus.subscribe('regie.commitments.v1', 'test-agenda', async (m) => void received.push(m));
    await t.scheduler.start();
    const ours = () =>
      received.filter((m) => m.type === 'CommitmentDueSoonV1' && (m.payload as { commitmentId: string }).commitmentId === najaar);
    await eventually(() => ours().length > 0);
    await subscription.close();
    expect(ours()).toEqual([
      expect.objectContaining({
        topic: 'regie.commitments.v1',
        key: `commitment-${najaar}`,
        payload: {
          type: 'CommitmentDueSoonV1',
          commitmentId: najaar,
          dueDate: '2026-11-30',
          text: 'De Kamer in het najaar van 2026 informeren over de voortgang van de werkagenda en het actieplan langdurige ggz.',
          actionCodes: ['2.1'],
        },
      }),
    ]);
    const { body } = await request(t.http).get(`/api/v1/commitments/${najaar}`).expect(200);
    expect(body).toMatchObject({ status: 'open', dueDate: '2026-11-30', dueSoon: [{ dueDate: '2026-11-30', lookaheadDays: 42 }] });
  });

  it('catches up a deadline that passed while nothing ran: the kennisinfrastructuur letter of "dit najaar" 2025 is overdue', async () => {
    const kennis = seedCommitmentId('kennisinfrastructuur-najaar-2025');
    await eventually(async () => (await count(t, kennis, 'CommitmentBecameOverdue')) === 1);
    await t.settled();
    const { body } = await request(t.http).get(`/api/v1/commitments/${kennis}`).expect(200);
    expect(body).toMatchObject({ status: 'overdue', overdue: [{ dueDate: '2025-11-30' }] });
  });

  it('past the due date, with the job run twice, records exactly one overdue event, and ?status=overdue lists it', async () => {
    t.clock.set(new Date('2026-12-01T08:00:00Z'));
    t.scheduler.tick();
    await eventually(async () => (await count(t, najaar, 'CommitmentBecameOverdue')) === 1);
    // the same job delivered again, twice (a retry, a second instance): it re-checks and records nothing
    await t.scheduler.stop(); // waits for the job in progress; from here jobs run only when told
    const again = {
      name: COMMITMENT_JOBS.overdue,
      key: najaar,
      runAt: new Date('2026-12-01T00:00:00Z'),
      payload: { commitmentId: najaar, dueDate: '2026-11-30' },
    };
    await t.scheduler.schedule(again);
    expect(await t.scheduler.runNow(COMMITMENT_JOBS.overdue)).toBe(1);
    await t.scheduler.schedule(again);
    expect(await t.scheduler.runNow(COMMITMENT_JOBS.overdue)).toBe(1);
    await t.app.get(CommitmentJobs).rederive(); // and a restart re-derives nothing for it: it is no longer open
    expect(await jobOf(t, COMMITMENT_JOBS.overdue, najaar)).toBeUndefined();
    expect(await count(t, najaar, 'CommitmentBecameOverdue')).toBe(1);
    expect(await count(t, najaar, 'CommitmentDueSoon')).toBe(1);
    const overdue = (await request(t.http).get('/api/v1/commitments?status=overdue').expect(200)).body;
    expect(overdue.map((c: { id: string }) => c.id)).toContain(najaar);
    expect(overdue.find((c: { id: string }) => c.id === najaar)).toMatchObject({ status: 'overdue', dueDate: '2026-11-30' });
  });
});

describe('deadline jobs around postponements', () => {
  let t: CommitmentsTestApp;
  beforeAll(async () => {
    t = await commitmentsTestApp('commitment_jobs_postpone', { seed: false });
    await t.scheduler.start();
  });
  afterAll(async () => t.close());

  const register = async (due: string, text = 'Voorbeeld: brief aan de Kamer') =>
    (
      await request(t.http)
        .post('/api/v1/commitments')
        .send({ text, madeBy: 'Minister', madeAt: { date: '2026-11-01', source: 'Commissiedebat' }, due })
        .expect(201)
    ).body.id as string;

  it('postponing before the deadline prevents the old deadline’s overdue event', async () => {
    const id = await register('2027-01-15');
    expect((await jobOf(t, COMMITMENT_JOBS.overdue, id))?.runAt.toISOString()).toBe('2027-01-15T23:00:00.000Z');
    await request(t.http)
      .post(`/api/v1/commitments/${id}/postpone`)
      .send({ due: 'Q1 2027', reason: 'wachten op de evaluatie' })
      .expect(200);
    expect((await jobOf(t, COMMITMENT_JOBS.overdue, id))?.runAt.toISOString()).toBe('2027-03-31T22:00:00.000Z');

    t.clock.set(new Date('2027-01-20T09:00:00Z'));
    t.scheduler.tick();
    // the old deadline's job, had it survived (another scheduler, a stale delivery), records nothing
    await t.scheduler.schedule({
      name: COMMITMENT_JOBS.overdue,
      key: id,
      runAt: new Date('2027-01-15T23:00:00Z'),
      payload: { commitmentId: id, dueDate: '2027-01-15' },
    });
    await t.scheduler.runNow(COMMITMENT_JOBS.overdue);
    expect(await typesIn(t, id)).toEqual(['CommitmentRegistered', 'CommitmentPostponed']);
    // …and the job for the current deadline is back in place
    expect((await jobOf(t, COMMITMENT_JOBS.overdue, id))?.runAt.toISOString()).toBe('2027-03-31T22:00:00.000Z');

    t.clock.set(new Date('2027-04-01T07:00:00Z'));
    t.scheduler.tick();
    await eventually(async () => (await count(t, id, 'CommitmentBecameOverdue')) === 1);
    const [overdue] = (await t.store.readStream(commitmentStream(id))).filter((e) => e.type === 'CommitmentBecameOverdue');
    expect(overdue.data).toEqual({ commitmentId: id, dueDate: '2027-03-31' });
  });

  it('a job run before its moment records nothing and keeps its deadline', async () => {
    const id = await register('2027-09-30');
    await t.scheduler.runNow(COMMITMENT_JOBS.overdue);
    await t.scheduler.runNow(COMMITMENT_JOBS.dueSoon);
    expect(await typesIn(t, id)).toEqual(['CommitmentRegistered']);
    expect((await jobOf(t, COMMITMENT_JOBS.overdue, id))?.runAt.toISOString()).toBe('2027-09-30T22:00:00.000Z');
    expect((await jobOf(t, COMMITMENT_JOBS.dueSoon, id))?.runAt.toISOString()).toBe('2027-08-18T22:00:00.000Z');
  });

  it('notifies once per due date, and again for the new due date after a postponement', async () => {
    t.clock.set(new Date('2027-05-01T09:00:00Z'));
    const id = await register('2027-05-31');
    await eventually(async () => (await count(t, id, 'CommitmentDueSoon')) === 1);
    await t.scheduler.schedule({
      name: COMMITMENT_JOBS.dueSoon,
      key: id,
      runAt: new Date('2027-05-01T00:00:00Z'),
      payload: { commitmentId: id, dueDate: '2027-05-31' },
    });
    await t.scheduler.runNow(COMMITMENT_JOBS.dueSoon);
    expect(await count(t, id, 'CommitmentDueSoon')).toBe(1);
    await request(t.http).post(`/api/v1/commitments/${id}/postpone`).send({ due: '2027-06-10', reason: 'later' }).expect(200);
    await eventually(async () => (await count(t, id, 'CommitmentDueSoon')) === 2);
    const dueDates = (await t.store.readStream(commitmentStream(id)))
      .filter((e) => e.type === 'CommitmentDueSoon')
      .map((e) => (e.data as { dueDate: string }).dueDate);
    expect(dueDates).toEqual(['2027-05-31', '2027-06-10']);
  });

  it('cancels the jobs of a fulfilled or withdrawn commitment', async () => {
    const id = await register('2027-12-31');
    expect(await jobOf(t, COMMITMENT_JOBS.overdue, id)).toBeDefined();
    await request(t.http).post(`/api/v1/commitments/${id}/withdraw`).send({ reason: 'vervallen' }).expect(200);
    expect(await jobOf(t, COMMITMENT_JOBS.overdue, id)).toBeUndefined();
    expect(await jobOf(t, COMMITMENT_JOBS.dueSoon, id)).toBeUndefined();
  });

  it('re-derives lost jobs from the read model at start, running a deadline that passed meanwhile at once', async () => {
    const id = await register('2027-06-15');
    await t.scheduler.cancel(COMMITMENT_JOBS.overdue, id); // an in-process scheduler keeps nothing over a restart
    await t.scheduler.cancel(COMMITMENT_JOBS.dueSoon, id);
    t.clock.set(new Date('2027-07-01T09:00:00Z'));
    expect(await t.app.get(CommitmentJobs).rederive()).toBeGreaterThanOrEqual(1);
    await eventually(async () => (await count(t, id, 'CommitmentBecameOverdue')) === 1);
    expect(await count(t, id, 'CommitmentDueSoon')).toBe(0); // past its due date it is overdue, not "due soon"
  });
});
