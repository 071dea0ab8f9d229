import { EntitySchema, type MigrationInterface, type QueryRunner } from 'typeorm';
import { testDatabase } from '@regie/test-kit';
import { openReadModelDataSource, schemaOf } from './data-source';
import { RowSet } from './row-set';

interface Thing {
  id: string;
  due: string;
  at: Date;
  tags: { name: string }[];
  n: number;
  note: string | null;
}
const ThingRow = new EntitySchema<Thing>({
  name: 'thing',
  columns: {
    id: { type: 'uuid', primary: true },
    due: { type: 'date' },
    at: { type: 'timestamptz' },
    tags: { type: 'jsonb' },
    n: { type: 'int' },
    note: { type: 'text', nullable: true },
  },
});
class CreateThing1700000000000 implements MigrationInterface {
  async up(runner: QueryRunner) {
    await runner.query(
      `CREATE TABLE ${schemaOf(runner)}.thing (id uuid PRIMARY KEY, due date NOT NULL, at timestamptz NOT NULL, tags jsonb NOT NULL, n int NOT NULL, note text)`,
    );
  }
  async down() {}
}

const id = (n: number) => `0196a4a2-7c1e-7000-8000-00000000000${n}`;
const thing = (n: number): Thing => ({
  id: id(n),
  due: '2026-05-31',
  at: new Date('2026-03-01T10:00:00.123Z'),
  tags: [{ name: `t${n}` }],
  n,
  note: null,
});

/**
 * RowSet writes what the one-call-per-event TypeORM code it replaces wrote, with its failures:
 * new rows by one INSERT (a live batch), and by COPY (from `copyAtRows` new rows: a rebuild).
 */
describe.each([
  { writes: 'one INSERT', copyAtRows: Number.POSITIVE_INFINITY, schema: 'rows_rm' },
  { writes: 'COPY', copyAtRows: 1, schema: 'rows_copy' },
])('RowSet, new rows by $writes', ({ copyAtRows, schema }) => {
  let db: Awaited<ReturnType<typeof testDatabase>>;
  let ds: Awaited<ReturnType<typeof openReadModelDataSource>>;
  beforeAll(async () => {
    db = await testDatabase(`row_set_${schema}`);
    ds = await openReadModelDataSource({ url: db.url, schema, entities: [ThingRow], migrations: [CreateThing1700000000000] });
  });
  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  it('inserts and updates in two statements, with values as TypeORM reads them back', async () => {
    await ds.getRepository(ThingRow).insert(thing(1));
    await ds.transaction(async (em) => {
      const rows = new RowSet(em, ThingRow, { copyAtRows });
      await rows.load([id(1), id(9)]);
      rows.insert(thing(2));
      expect(rows.update(id(2), { n: 20, note: 'changed after its insert' })).toBe(true);
      expect(rows.update(id(1), { tags: [...rows.get(id(1))!.tags, { name: 'more' }], due: '2027-01-31' })).toBe(true);
      expect(rows.update(id(9), { n: 99 })).toBe(false); // missing: nothing, like UPDATE … WHERE
      expect(() => rows.update(id(8), { n: 8 })).toThrow(/not loaded/);
      await rows.flush();
    });
    const all = await ds.getRepository(ThingRow).find({ order: { id: 'ASC' } });
    expect(all).toEqual([
      { ...thing(1), tags: [{ name: 't1' }, { name: 'more' }], due: '2027-01-31' },
      { ...thing(2), n: 20, note: 'changed after its insert' },
    ]);
  });

  it('upserts: changes the given columns of a row that exists, inserts one that does not', async () => {
    await ds.transaction(async (em) => {
      const rows = new RowSet(em, ThingRow, { copyAtRows });
      await rows.load([id(1), id(4)]);
      rows.upsert({ id: id(1), n: 11 });
      rows.upsert(thing(4));
      rows.upsert({ id: id(4), note: 'twice in one batch' });
      expect(() => rows.upsert(thing(5))).toThrow(/not loaded/);
      await rows.flush();
    });
    const [one, four] = await ds.getRepository(ThingRow).find({ where: [{ id: id(1) }, { id: id(4) }], order: { id: 'ASC' } });
    expect(one).toMatchObject({ n: 11, due: '2027-01-31' });
    expect(four).toEqual({ ...thing(4), note: 'twice in one batch' });
  });

  it('deletes: a row from before goes at flush, one the batch made is never written, one deleted and inserted again is new', async () => {
    const d = (n: number) => `0196a4a2-7c1e-7000-8000-0000000000d${n}`; // ids of their own
    await ds.getRepository(ThingRow).insert([
      { ...thing(6), id: d(6) },
      { ...thing(7), id: d(7) },
    ]);
    await ds.transaction(async (em) => {
      const rows = new RowSet(em, ThingRow, { copyAtRows });
      await rows.load([d(6), d(7), d(8)]);
      expect(rows.delete(d(6))).toBe(true);
      expect(rows.update(d(6), { n: 66 })).toBe(false); // gone: like UPDATE … WHERE after a DELETE
      expect(rows.delete(d(6))).toBe(false);
      expect(rows.delete(d(7))).toBe(true);
      rows.insert({ ...thing(7), id: d(7), note: 'inserted again' });
      rows.insert({ ...thing(8), id: d(8) });
      expect(rows.delete(d(8))).toBe(true);
      expect(() => rows.delete(d(5))).toThrow(/not loaded/);
      await rows.flush();
    });
    const left = await ds.getRepository(ThingRow).find({ where: [{ id: d(6) }, { id: d(7) }, { id: d(8) }] });
    expect(left).toEqual([{ ...thing(7), id: d(7), note: 'inserted again' }]);
  });

  it('refuses a second insert of a row, known or only in the table', async () => {
    await ds.transaction(async (em) => {
      const rows = new RowSet(em, ThingRow, { copyAtRows });
      rows.insert(thing(3));
      expect(() => rows.insert(thing(3))).toThrow(/duplicate/);
    });
    await expect(
      ds.transaction(async (em) => {
        const rows = new RowSet(em, ThingRow, { copyAtRows });
        rows.insert(thing(1));
        await rows.flush();
      }),
    ).rejects.toThrow(/duplicate key/);
  });

  it('writes every value as TypeORM writes it one row at a time: null, jsonb, dates, quotes, backslashes, unicode', async () => {
    const awkward = `quote " apostrophe ' backslash \\ \\" {braces}, [brackets] tab\t newline\n café ✓ 😀 "NULL" null`;
    const odd = (n: number): Thing => ({
      id: id(n),
      due: '2028-02-29',
      at: new Date('2026-10-25T00:59:59.999Z'),
      tags: [{ name: awkward }, { name: '' }, { name: 'null' }],
      n: -2147483648,
      note: n % 2 === 0 ? awkward : null,
    });
    const [one, two] = [odd(6), odd(7)];
    await ds.transaction(async (em) => {
      const rows = new RowSet(em, ThingRow, { copyAtRows });
      await rows.load([id(1)]);
      rows.insert(one);
      rows.insert(two);
      rows.update(id(1), { note: awkward, tags: [{ name: '\\u0041 is not A' }] });
      await rows.flush();
    });
    // The same rows through TypeORM's own insert, for comparison.
    await ds.getRepository(ThingRow).insert([
      { ...one, id: id(8) },
      { ...two, id: id(9) },
    ]);
    const read = async (n: number) => ds.getRepository(ThingRow).findOneByOrFail({ id: id(n) });
    expect({ ...(await read(6)), id: id(8) }).toEqual(await read(8));
    expect({ ...(await read(7)), id: id(9) }).toEqual(await read(9));
    expect(await read(6)).toEqual(one);
    expect(await read(7)).toEqual(two);
    expect(await read(1)).toMatchObject({ note: awkward, tags: [{ name: '\\u0041 is not A' }] });
    // Byte for byte in PostgreSQL too (jsonb keeps the text's meaning, not its spelling: compare as text).
    const [stored] = await ds.query(
      `SELECT (SELECT t::text FROM ${schema}.thing t WHERE id = $1) AS batch, (SELECT t::text FROM ${schema}.thing t WHERE id = $2) AS typeorm`,
      [id(6), id(8)],
    );
    expect(stored.batch.replace(id(6), id(8))).toBe(stored.typeorm);
  });

  it('writes values PostgreSQL has to parse as it parses them from an INSERT: a number as a string, microseconds, an offset', async () => {
    const [a, b] = ['0196a4a2-7c1e-7000-8000-0000000000a1', '0196a4a2-7c1e-7000-8000-0000000000a2'];
    const loose = {
      due: '2026-05-31',
      at: '2026-03-01T10:00:00.123456+01:00' as unknown as Date,
      tags: [{ name: 'x' }],
      n: '42' as unknown as number,
      note: null,
    };
    await ds.transaction(async (em) => {
      const rows = new RowSet(em, ThingRow, { copyAtRows });
      rows.insert({ ...loose, id: a });
      await rows.flush();
    });
    await ds.query(`INSERT INTO ${schema}.thing (id, due, at, tags, n, note) VALUES ($1, $2, $3, $4, $5, NULL)`, [
      b,
      loose.due,
      loose.at,
      JSON.stringify(loose.tags),
      loose.n,
    ]);
    const stored: { t: string }[] = await ds.query(`SELECT t::text FROM ${schema}.thing t WHERE id = ANY ($1::uuid[]) ORDER BY id`, [
      [a, b],
    ]);
    expect(stored[0].t.replace(a, b)).toBe(stored[1].t);
    expect(stored[0].t).toContain('09:00:00.123456+00');
  });

  it('writes a Date in a date column as the calendar day TypeORM writes', async () => {
    const day = new Date(2027, 0, 15); // local midnight, as a date picker gives it
    await ds.transaction(async (em) => {
      const rows = new RowSet(em, ThingRow, { copyAtRows });
      rows.insert({ ...thing(5), due: day as unknown as string });
      await rows.flush();
    });
    expect((await ds.getRepository(ThingRow).findOneByOrFail({ id: id(5) })).due).toBe('2027-01-15');
  });
});
