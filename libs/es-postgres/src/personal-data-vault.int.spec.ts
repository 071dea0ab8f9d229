import { Client } from 'pg';
import { newKey, REDACTED_NAME } from '@regie/es-core';
import { testDatabase } from '@regie/test-kit';
import { SUBJECT_KEYS_CHANGED } from './kept-keys';
import { PostgresPersonalDataVault } from './personal-data-vault';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Whether `check` holds within `ms`, tried every 10 ms. */
async function within(ms: number, check: () => Promise<boolean>): Promise<boolean> {
  for (const until = Date.now() + ms; Date.now() < until; await sleep(10)) if (await check()) return true;
  return check();
}

/** Two vaults on one database stand for two service processes sharing the PostgreSQL. */
describe('PostgreSQL personal-data vault', () => {
  let db: Awaited<ReturnType<typeof testDatabase>>;
  const open: PostgresPersonalDataVault[] = [];
  const vault = async (masterKey?: Buffer) => {
    const v = await PostgresPersonalDataVault.open({ connectionString: db.url, masterKey });
    open.push(v);
    return v;
  };
  const at = new Date('2026-03-15T09:00:00Z');
  /** A session of the test's own beside the vaults', for the length of `work`. */
  const withSql = async <T>(work: (sql: Client) => Promise<T>): Promise<T> => {
    const sql = new Client({ connectionString: db.url });
    await sql.connect();
    try {
      return await work(sql);
    } finally {
      await sql.end();
    }
  };
  /** Until the vaults listen for changes of the key table they keep no key (every opening reads it). */
  const listening = () =>
    withSql(async (sql) => {
      const count = async () =>
        Number(
          (
            await sql.query(
              `SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN ${SUBJECT_KEYS_CHANGED}'`,
            )
          ).rows[0].count,
        );
      await within(5000, async () => (await count()) >= open.length);
    });

  /** A vault that has opened `name` once while listening, so it keeps the key. */
  const keeping = async (name: string) => {
    const v = await vault();
    const sealed = await v.seal(name);
    await listening();
    expect(await v.open([sealed])).toEqual([name]);
    return { v, sealed };
  };

  beforeAll(async () => {
    db = await testDatabase('vault');
  });
  afterAll(async () => {
    await Promise.all(open.map((v) => v.close()));
    await db.drop();
  });

  it('gives a person one subject across processes; an erasure in one reaches it there at once, and the other as its notification does', async () => {
    const [a, b] = await Promise.all([vault(), vault()]);
    const [x, y] = await Promise.all([a.seal('C. Helder'), b.seal('c.  helder')]);
    expect(y.subject).toBe(x.subject);
    await listening();
    expect(await a.open([x])).toEqual(['C. Helder']); // both processes now keep the key
    expect(await b.open([x, y])).toEqual(['C. Helder', 'c. helder']);
    const other = await b.seal('M. van Ooijen');
    expect(await a.forget('C. Helder', at)).toMatchObject({ status: 'forgotten', subject: x.subject });
    expect(await a.open([x])).toEqual([REDACTED_NAME]);
    await expect(within(2000, async () => (await b.open([x, other]))[0] === REDACTED_NAME)).resolves.toBe(true);
    expect(await b.open([x, other])).toEqual([REDACTED_NAME, 'M. van Ooijen']);
    expect(await b.forget('C. Helder', at)).toEqual({ status: 'already-forgotten', erasedAt: at });
    expect(await b.forget('Onbekend Iemand', at)).toEqual({ status: 'unknown' });
  });

  it('opens a name it opened before without waiting for the key table', async () => {
    const { v, sealed } = await keeping('A.M. de Jong');
    await withSql(async (locker) => {
      await locker.query('BEGIN');
      try {
        await locker.query('LOCK TABLE privacy.subject_keys IN ACCESS EXCLUSIVE MODE'); // a read of the table waits now
        await expect(Promise.race([v.open([sealed]), sleep(1000).then(() => 'waited for the table')])).resolves.toEqual(['A.M. de Jong']);
      } finally {
        await locker.query('ROLLBACK');
      }
    });
  });

  it('keeps no key while it cannot hear of changes: an erasure it did not hear of still reads as erased', async () => {
    const { v, sealed } = await keeping('B. Bakker');
    await withSql(async (sql) => {
      // Its listening connection is cut, and the key deleted behind its back before it listens again (a second later).
      await sql.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN ${SUBJECT_KEYS_CHANGED}'`,
      );
      await sleep(100);
      await sql.query('DELETE FROM privacy.subject_keys WHERE subject = $1', [sealed.subject]);
    });
    expect(await v.open([sealed])).toEqual([REDACTED_NAME]);
  });

  it('keeps no name anywhere in its tables, not even before an erasure', async () => {
    const v = await vault();
    await v.seal('V.P.G. Karremans');
    const sql = new Client({ connectionString: db.url });
    await sql.connect();
    const { rows } = await sql.query(`
      SELECT count(*)::int AS n FROM (
        SELECT t::text AS row FROM privacy.subject_keys t UNION ALL SELECT t::text FROM privacy.erasures t UNION ALL SELECT t::text FROM privacy.vault t
      ) x WHERE row ILIKE '%karremans%' OR row ILIKE '%helder%'`);
    await sql.end();
    expect(rows[0].n).toBe(0);
  });

  it('counts the people it keeps a key for and those it forgot, for the status an operator reads', async () => {
    const own = await testDatabase('vault_statistics');
    const v = await PostgresPersonalDataVault.open({ connectionString: own.url });
    try {
      expect(await v.statistics()).toEqual({ subjects: 0, erased: 0 });
      await Promise.all(['C. Helder', 'M. van Ooijen', 'c. helder'].map((name) => v.seal(name)));
      await v.forget('M. van Ooijen', at);
      await v.forget('Onbekend Iemand', at);
      expect(await v.statistics()).toEqual({ subjects: 1, erased: 1 });
    } finally {
      await v.close();
      await own.drop();
    }
  });

  it('moves its keys under a configured master key, and refuses a different one with a clear message', async () => {
    const v = await vault();
    const sealed = await v.seal('V. Maeijer');
    const master = newKey();
    const configured = await vault(master);
    expect(await configured.open([sealed])).toEqual(['V. Maeijer']);
    await expect(vault(newKey())).rejects.toThrow(/REGIE_MASTER_KEY past niet/);
    await expect(vault()).rejects.toThrow(/REGIE_MASTER_KEY ontbreekt/);
  });
});
