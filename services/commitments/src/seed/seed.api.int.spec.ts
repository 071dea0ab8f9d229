import request from 'supertest';
import { commitmentStream } from '../commitment/commitment';
import { commitmentsTestApp, type CommitmentsTestApp } from '../testing/commitments-test-app';
import { CommitmentsSeeder, seedCommitmentId } from './seed-commitments';

const A = seedCommitmentId('voortgang-eind-2025');
const B = seedCommitmentId('voortgang-najaar-2026');

describe('the toezeggingen seed, clock at 2026-11-23', () => {
  let t: CommitmentsTestApp;
  beforeAll(async () => (t = await commitmentsTestApp('commitments_seed')));
  afterAll(async () => t.close());

  const get = async (id: string) => (await request(t.http).get(`/api/v1/commitments/${id}`).expect(200)).body;

  it('replays the nr. 727 promise: due end 2025, postponed to Q1 2026 for the evaluation, fulfilled by the progress letter', async () => {
    const body = await get(A);
    expect(body).toMatchObject({
      status: 'fulfilled',
      madeAt: { date: '2025-03-11', source: 'Kamerstuk 25 424, nr. 727' },
      originalDue: { text: 'eind 2025', date: '2025-12-31' },
      due: { text: 'eerste kwartaal 2026', date: '2026-03-31' },
      actionCodes: ['0', '2.1'],
      fulfilment: { document: { kenmerk: '4357720-1094902-LZ', date: '2026-02-27' } },
    });
    expect(body.madeBy).toMatch(/Staatssecretaris Langdurige en Maatschappelijke Zorg/);
    expect(body.postponements).toEqual([
      expect.objectContaining({
        previousDue: { text: 'eind 2025', date: '2025-12-31' },
        due: { text: 'eerste kwartaal 2026', date: '2026-03-31' },
        reason: expect.stringMatching(/evaluatieonderzoek/),
      }),
    ]);
    expect(body.history.map((h: { type: string }) => h.type)).toEqual([
      'CommitmentRegistered',
      'CommitmentPostponed',
      'CommitmentFulfilled',
    ]);
  });

  it('has the new promise of the progress letter open, due in the autumn of 2026', async () => {
    expect(await get(B)).toMatchObject({
      status: 'open',
      madeBy: 'Minister van Langdurige Zorg, Jeugd en Sport (LJS)',
      madeAt: { date: '2026-02-27' },
      due: { text: 'najaar 2026', date: '2026-11-30' },
    });
  });

  it('seeds the other toezeggingen the letters state, each with its source', async () => {
    const all = (await request(t.http).get('/api/v1/commitments').expect(200)).body as {
      madeAt: { source: string };
      status: string;
      due: { text: string };
    }[];
    expect(all).toHaveLength(6);
    expect(all.map((c) => c.madeAt.source)).toEqual(
      expect.arrayContaining([
        'Kamerstuk 25 424, nr. 664',
        'Tweeminutendebat GGZ/Suïcidepreventie (24 april 2025)',
        'Kamerstuk 25 424, nr. 727',
      ]),
    );
    const debate = await get(seedCommitmentId('tweeminutendebat-2025-04-24-voortgang-actieplan'));
    expect(debate).toMatchObject({
      status: 'fulfilled',
      due: { text: 'onbekend', date: null },
      fulfilment: { document: { kenmerk: null, date: null } },
    });
    expect(await get(seedCommitmentId('bestuurlijke-afspraken-voortgang-eind-2023'))).toMatchObject({
      status: 'fulfilled',
      dueDate: '2023-12-31',
      fulfilment: { document: { kenmerk: 'Kamerstuk 25 424, nr. 688', date: '2024-05-07' } },
    });
  });

  it('is idempotent: seeding again records nothing', async () => {
    const head = await t.store.headPosition();
    expect((await t.app.get(CommitmentsSeeder).seed()).commands).toBe(0);
    expect(await t.store.headPosition()).toBe(head);
  });

  it('records the seed as ordinary history, attributed to the system actor', async () => {
    const [registered] = await t.store.readStream(commitmentStream(A));
    expect(registered).toMatchObject({ type: 'CommitmentRegistered', metadata: { actor: { userId: 'seed', role: 'system' } } });
  });
});

describe('the toezeggingen seed, started before the documents of 2026', () => {
  let t: CommitmentsTestApp;
  beforeAll(async () => (t = await commitmentsTestApp('commitments_seed_early', { now: new Date('2026-01-15T09:00:00Z') })));
  afterAll(async () => t.close());

  it('seeds only what was known then, and completes the history at a later start, even after the deadline job ran', async () => {
    expect((await t.store.readStream(commitmentStream(B))).length).toBe(0);
    await t.scheduler.start(); // end 2025 has passed and the postponement is not yet in any document: overdue
    for (let i = 0; i < 200 && (await t.store.readStream(commitmentStream(A))).length < 2; i++) await new Promise((r) => setTimeout(r, 25));
    await t.scheduler.stop();
    expect((await t.store.readStream(commitmentStream(A))).map((e) => e.type)).toEqual(['CommitmentRegistered', 'CommitmentBecameOverdue']);

    t.clock.set(new Date('2026-11-23T09:00:00Z'));
    expect((await t.app.get(CommitmentsSeeder).seed()).commands).toBeGreaterThan(0);
    expect((await t.store.readStream(commitmentStream(A))).map((e) => e.type)).toEqual([
      'CommitmentRegistered',
      'CommitmentBecameOverdue',
      'CommitmentPostponed',
      'CommitmentFulfilled',
    ]);
    expect((await t.store.readStream(commitmentStream(B))).map((e) => e.type)).toEqual(['CommitmentRegistered']);
  });
});
