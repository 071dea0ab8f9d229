import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { stableId } from '@regie/es-core';
import { commitmentsTestApp, type CommitmentsTestApp } from '../testing/commitments-test-app';

/** Example records (made up, marked "@regie.voorbeeld"), in the Tweede Kamer open-data format. */
const fixture = JSON.parse(readFileSync(join(__dirname, 'fixtures/toezeggingen.odata.json'), 'utf8')) as {
  value: Record<string, unknown>[];
};
const byNummer = (nummer: string) => fixture.value.find((r) => r.Nummer === nummer)!;
const idOf = (tkId: string) => stableId(`tk:${tkId}`);
const CHANGED = '0e0e0e0e-0000-4000-8000-000000000004';
const DELETED = '0e0e0e0e-0000-4000-8000-000000000005';

/** The records as an earlier export had them: the changed one with its old text and date, the deleted one still there. */
const earlier = {
  value: [
    {
      ...byNummer('TZ-VOORBEELD-004'),
      Tekst: 'Voorbeeld: de minister informeert de Kamer eind 2026 over de pilots.',
      DatumNakoming: '2026-12-31T00:00:00+01:00',
      GewijzigdOp: '2026-06-18T10:00:00+02:00',
    },
    {
      Id: DELETED,
      Nummer: 'TZ-VOORBEELD-005',
      Tekst: 'Voorbeeld: een toezegging die later uit de registratie verdwijnt.',
      Functie: 'Minister van Langdurige Zorg, Jeugd en Sport',
      Status: 'Openstaand',
      DatumNakoming: '2027-01-31T00:00:00+01:00',
      Aanmaakdatum: '2026-06-18T10:00:00+02:00',
      GewijzigdOp: '2026-06-18T10:00:00+02:00',
      Verwijderd: false,
    },
  ],
};

describe('import from Tweede Kamer open data', () => {
  let t: CommitmentsTestApp;
  beforeAll(async () => (t = await commitmentsTestApp('tk_import', { seed: false })));
  afterAll(async () => t.close());

  const importing = (body: unknown) =>
    request(t.http)
      .post('/api/v1/commitments/import/tweede-kamer')
      .send(body as object);
  const get = async (tkId: string) =>
    (
      await request(t.http)
        .get(`/api/v1/commitments/${idOf(tkId)}`)
        .expect(200)
    ).body;

  it('imports an earlier export', async () => {
    const res = await importing(earlier);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ imported: 2, updated: 0, unchanged: 0, rejected: [] });
  });

  it('imports the good records, updates the changed one, withdraws the deleted one, and reports each malformed record', async () => {
    const res = await importing(fixture);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ imported: 3, updated: 2, unchanged: 0 });
    expect(res.body.rejected).toEqual([
      { index: 5, id: null, errors: [expect.objectContaining({ field: 'Id' })] },
      {
        index: 6,
        id: '0e0e0e0e-0000-4000-8000-000000000007',
        errors: [expect.objectContaining({ field: 'Status' }), expect.objectContaining({ field: 'DatumNakoming' })],
      },
      { index: 7, id: '0e0e0e0e-0000-4000-8000-000000000008', errors: [expect.objectContaining({ field: 'Tekst' })] },
    ]);

    expect(await get('0e0e0e0e-0000-4000-8000-000000000001')).toMatchObject({
      status: 'open',
      dueDate: '2027-06-30',
      madeBy: 'Minister van Langdurige Zorg, Jeugd en Sport (Voorbeeld, A.)',
      madeAt: { date: '2026-10-01', source: 'Tweede Kamer, toezegging TZ-VOORBEELD-001 (activiteit 2026A09901)' },
      externalRef: { system: 'tweede-kamer', id: '0e0e0e0e-0000-4000-8000-000000000001', nummer: 'TZ-VOORBEELD-001' },
    });
    expect(await get('0e0e0e0e-0000-4000-8000-000000000002')).toMatchObject({
      status: 'fulfilled',
      fulfilment: { document: { kenmerk: 'TK TZ-VOORBEELD-002', title: 'Voldaan volgens Tweede Kamer', date: '2026-10-15' } },
    });
    expect(await get('0e0e0e0e-0000-4000-8000-000000000003')).toMatchObject({
      status: 'open',
      due: { text: 'onbekend', date: null },
      dueDate: null,
    });
    const changed = await get(CHANGED);
    expect(changed).toMatchObject({ status: 'open', text: byNummer('TZ-VOORBEELD-004').Tekst, due: { date: '2027-03-31' } });
    expect(changed.updates).toEqual([
      expect.objectContaining({ previousDue: { text: '2026-12-31', date: '2026-12-31' }, due: { text: '2027-03-31', date: '2027-03-31' } }),
    ]);
    expect(await get(DELETED)).toMatchObject({ status: 'withdrawn', withdrawal: { reason: expect.stringMatching(/Verwijderd/) } });
  });

  it('records nothing new when the same file is imported again', async () => {
    const head = await t.store.headPosition();
    const res = await importing(fixture);
    expect(res.body).toMatchObject({ imported: 0, updated: 0, unchanged: 5 });
    expect(res.body.rejected).toHaveLength(3);
    expect(await t.store.headPosition()).toBe(head);
  });

  it('ignores an older version of a record than the one already imported', async () => {
    const head = await t.store.headPosition();
    expect((await importing(earlier)).body).toEqual({ imported: 0, updated: 0, unchanged: 2, rejected: [] });
    expect(await t.store.headPosition()).toBe(head);
  });

  it('never overdue: a commitment without a date gets no deadline job', async () => {
    const jobs = await t.scheduler.list();
    expect(jobs.filter((j) => j.key === idOf('0e0e0e0e-0000-4000-8000-000000000003'))).toEqual([]);
    expect(
      jobs
        .filter((j) => j.key === idOf('0e0e0e0e-0000-4000-8000-000000000001'))
        .map((j) => j.name)
        .sort(),
    ).toEqual(['commitment-due-soon', 'commitment-overdue']);
  });

  it('imports a record closed at the source without its past deadline firing in between', async () => {
    await t.scheduler.start();
    const late = {
      ...byNummer('TZ-VOORBEELD-002'),
      Id: '0e0e0e0e-0000-4000-8000-000000000009',
      Nummer: 'TZ-VOORBEELD-009',
      DatumNakoming: '2026-01-31T00:00:00+01:00',
    };
    expect((await importing({ value: [late] })).body).toEqual({ imported: 1, updated: 0, unchanged: 0, rejected: [] });
    await new Promise((r) => setTimeout(r, 200));
    const types = (await t.store.readStream(`commitment-${idOf(late.Id)}`)).map((e) => e.type);
    expect(types).toEqual(['CommitmentRegistered', 'CommitmentFulfilled']);
  });

  it('refuses a body that is not OData JSON with problem+json naming "value"', async () => {
    const res = await importing({ toezeggingen: [] });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'value' })]);
  });
});
