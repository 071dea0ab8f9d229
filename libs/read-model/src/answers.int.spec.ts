import type { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import { testDatabase } from '@regie/test-kit';
import { Answers } from './answers';
import { openReadModelDataSource, schemaOf } from './data-source';

class CreateStatus1700000000000 implements MigrationInterface {
  async up(runner: QueryRunner) {
    await runner.query(`CREATE TABLE ${schemaOf(runner)}.status (code text PRIMARY KEY, rag text NOT NULL)`);
    await runner.query(`INSERT INTO ${schemaOf(runner)}.status VALUES ('2.1', 'groen')`);
  }
  async down() {}
}

const SCHEMA = 'answers_rm';
const ragOf = async (ds: DataSource): Promise<{ rag: string }> => {
  const [row] = await ds.query(`SELECT rag FROM ${SCHEMA}.status WHERE code = '2.1'`);
  return { rag: row.rag };
};
/** A projection's batch: a transaction on the read model's DataSource. */
const project = (ds: DataSource, rag: string) =>
  ds.transaction((em) => em.query(`UPDATE ${SCHEMA}.status SET rag = $1 WHERE code = '2.1'`, [rag]));

/**
 * A kept answer is one the read model would give now: it goes when this process writes the read
 * model, and after at most `ttlMs` when another process does.
 */
describe('Answers of a read model', () => {
  let db: Awaited<ReturnType<typeof testDatabase>>;
  let ds: DataSource;
  /** Another instance's connection to the same read model (its writes are not seen by commit here). */
  let elsewhere: DataSource;
  let queries: number;
  const counted = (source: DataSource) => () => {
    queries++;
    return ragOf(source);
  };

  beforeAll(async () => {
    db = await testDatabase('answers');
    ds = await openReadModelDataSource({ url: db.url, schema: SCHEMA, entities: [], migrations: [CreateStatus1700000000000] });
    elsewhere = await openReadModelDataSource({ url: db.url, schema: SCHEMA, entities: [], migrations: [] });
  });
  afterAll(async () => {
    await elsewhere.destroy();
    await ds.destroy();
    await db.drop();
  });
  beforeEach(async () => {
    queries = 0;
    await project(ds, 'groen');
  });

  it('answers again without the database until the read model changes, then with the change', async () => {
    const answers = new Answers(ds, { ttlMs: 60_000 });
    expect(await answers.remember('2.1', counted(ds))).toEqual({ rag: 'groen' });
    expect(await answers.remember('2.1', counted(ds))).toEqual({ rag: 'groen' });
    expect(queries).toBe(1);

    await project(ds, 'rood');
    expect(await answers.remember('2.1', counted(ds))).toEqual({ rag: 'rood' });
    expect(queries).toBe(2);
  });

  it('does not keep an answer whose query ran while the read model changed', async () => {
    const answers = new Answers(ds, { ttlMs: 60_000 });
    // The query reads the old state, then a batch commits before the answer is kept.
    const racing = answers.remember('2.1', async () => {
      const read = await ragOf(ds);
      await project(ds, 'oranje');
      return read;
    });
    expect(await racing).toEqual({ rag: 'groen' });
    expect(await answers.remember('2.1', counted(ds))).toEqual({ rag: 'oranje' });
  });

  it('does not keep a refusal', async () => {
    const answers = new Answers(ds, { ttlMs: 60_000 });
    await expect(answers.remember('2.1', () => Promise.reject(new Error('actie 2.1 bestaat niet')))).rejects.toThrow('bestaat niet');
    expect(await answers.remember('2.1', counted(ds))).toEqual({ rag: 'groen' });
  });

  it('sees a change made by another process within ttlMs', async () => {
    const answers = new Answers(ds, { ttlMs: 150 });
    expect(await answers.remember('2.1', counted(ds))).toEqual({ rag: 'groen' });
    await project(elsewhere, 'rood');
    const seenAt = performance.now();
    let answer = await answers.remember('2.1', counted(ds));
    while (answer.rag !== 'rood' && performance.now() - seenAt < 2_000) {
      await new Promise((r) => setTimeout(r, 10));
      answer = await answers.remember('2.1', counted(ds));
    }
    expect(answer).toEqual({ rag: 'rood' });
    expect(performance.now() - seenAt).toBeLessThan(1_000);
  });

  it('computes again once the platform’s clock has moved on ttlMs (a meeting past or to come)', async () => {
    let clock = Date.parse('2026-05-31T09:59:59.500Z');
    const answers = new Answers(ds, { ttlMs: 60_000, now: () => clock });
    const meeting = () => {
      queries++;
      return Promise.resolve({ past: clock >= Date.parse('2026-05-31T10:00:00Z') });
    };
    expect(await answers.remember('meeting', meeting)).toEqual({ past: false });
    clock += 2 * 3_600_000; // a test clock set forward two hours: still one real second
    expect(await answers.remember('meeting', meeting)).toEqual({ past: true });
    clock -= 3 * 3_600_000; // and back
    expect(await answers.remember('meeting', meeting)).toEqual({ past: false });
    expect(queries).toBe(3);
  });

  it('keeps nothing while another instance writes the read model (a standby)', async () => {
    let leading = false;
    const answers = new Answers(ds, { ttlMs: 60_000, keeping: () => leading });
    expect(await answers.remember('2.1', counted(ds))).toEqual({ rag: 'groen' });
    await project(elsewhere, 'rood');
    expect(await answers.remember('2.1', counted(ds))).toEqual({ rag: 'rood' });
    leading = true;
    await answers.remember('2.1', counted(ds));
    await answers.remember('2.1', counted(ds));
    expect(queries).toBe(3);
  });

  it('does not keep an answer too large for its share of memory (a list across every werkagenda)', async () => {
    const answers = new Answers(ds, { ttlMs: 60_000, maxValues: 400 });
    const list = (n: number) => async () => {
      queries++;
      const { rag } = await ragOf(ds);
      return Array.from({ length: n }, (_, i) => ({ code: `${i}`, rag }));
    };
    await answers.remember('large', list(50)); // 151 values: more than a quarter of 400
    const large = await answers.remember('large', list(50));
    expect(queries).toBe(2);
    expect(Object.isFrozen(large)).toBe(false); // not shared, so not frozen
    await answers.remember('small', list(10));
    await answers.remember('small', list(10));
    expect(queries).toBe(3);
  });

  it('gives a frozen answer: a handler cannot change the next request’s', async () => {
    const answers = new Answers(ds, { ttlMs: 60_000 });
    const first = (await answers.remember('2.1', async () => ({ ...(await ragOf(ds)), milestones: [{ late: false }] }))) as {
      rag: string;
      milestones: { late: boolean }[];
    };
    expect(() => {
      first.milestones[0].late = true;
    }).toThrow(TypeError);
    expect(await answers.remember('2.1', counted(ds))).toEqual({ rag: 'groen', milestones: [{ late: false }] });
  });
});
