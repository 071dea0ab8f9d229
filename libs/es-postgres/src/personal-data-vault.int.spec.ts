import { Client } from 'pg';
import { newKey, REDACTED_NAME } from '@regie/es-core';
import { testDatabase } from '@regie/test-kit';
import { PostgresPersonalDataVault } from './personal-data-vault';

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

  beforeAll(async () => {
    db = await testDatabase('vault');
  });
  afterAll(async () => {
    await Promise.all(open.map((v) => v.close()));
    await db.drop();
  });

  it('gives a person one subject across processes, and an erasure in one reaches the other at once', async () => {
    const [a, b] = await Promise.all([vault(), vault()]);
    const [x, y] = await Promise.all([a.seal('C. Helder'), b.seal('c.  helder')]);
    expect(y.subject).toBe(x.subject);
    expect(await b.open([x, y])).toEqual(['C. Helder', 'c. helder']);
    const other = await b.seal('M. van Ooijen');
    expect(await a.forget('C. Helder', at)).toMatchObject({ status: 'forgotten', subject: x.subject });
    expect(await b.open([x, other])).toEqual([REDACTED_NAME, 'M. van Ooijen']);
    expect(await b.forget('C. Helder', at)).toEqual({ status: 'already-forgotten', erasedAt: at });
    expect(await b.forget('Onbekend Iemand', at)).toEqual({ status: 'unknown' });
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
