import request from 'supertest';
import type { DataSource, Logger } from 'typeorm';
import { ReadModel } from '@regie/context';
import { newId } from '@regie/es-core';
import { monitoringTestApp, type MonitoringTestApp } from '../testing/monitoring-test-app';

const holder = { parties: ['VWS'], description: 'VWS' };
/** Other werkagenda's on the board: enough rows that PostgreSQL would rather scan than use a useless index. */
const OTHERS = 2_000;
const BIG_TABLES = ['board_action', 'board_milestone', 'board_milestone_event', 'commitment', 'indicator_measurement'];

type Plan = { 'Node Type': string; 'Relation Name'?: string; 'Index Name'?: string; Plans?: Plan[] };
const nodes = (plan: Plan): Plan[] => [plan, ...(plan.Plans ?? []).flatMap(nodes)];

/** One werkagenda's board and projection among thousands: the same answers, read by index. */
describe('board and projection of one werkagenda among many', () => {
  let t: MonitoringTestApp;
  let ds: DataSource;
  const early = newId();
  const commitmentId = newId();
  // A key from before action keys (the werkagenda is not in it): its milestone arrives before its definition.
  const legacy = 'wa17.2.1';
  beforeAll(async () => {
    t = await monitoringTestApp('monitoring_board_many');
    ds = t.app.get(ReadModel).dataSource;
    const s = `"${(ds.options as { schema?: string }).schema}"`;
    await ds.query(`
      INSERT INTO ${s}.board_action (code, werkagenda_id, action_line, title)
        SELECT 'wa' || w || ':' || a, 'wa' || w, a, 'Actie ' || a FROM generate_series(1000, 999 + ${OTHERS}) w, generate_series(1, 12) a;
      INSERT INTO ${s}.board_milestone (id, action_code, werkagenda_id, title, due_date, original_due_date, status, replan_count, source_position)
        SELECT gen_random_uuid(), 'wa' || w || ':' || a, 'wa' || w, 'Mijlpaal ' || m, date '2026-01-01' + m * 30, date '2026-01-01', 'planned', 0, 1
        FROM generate_series(1000, 999 + ${OTHERS}) w, generate_series(1, 12) a, generate_series(1, 3) m;
      INSERT INTO ${s}.commitment (id, text, made_by, due_text, due_date, status, action_codes, postponements, sources)
        SELECT gen_random_uuid(), 'Toezegging', '{"text":"Minister","persons":[]}', 'eind 2026', date '2026-12-31', 'open',
          jsonb_build_array('wa' || w || ':' || a), 0, '[1]'
        FROM generate_series(1000, 999 + ${OTHERS}) w, generate_series(1, 6) a;
      ANALYZE ${s}.board_action, ${s}.board_milestone, ${s}.commitment;`);
    await t.actions({ type: 'MilestonePlannedV1', milestoneId: early, actionCode: legacy, title: 'Vroeg', dueDate: '2026-12-01' });
    await t.commitments({
      type: 'CommitmentRegisteredV1',
      commitmentId,
      text: 'Brief over actie 2.1',
      madeBy: 'Staatssecretaris',
      madeAt: { date: '2025-03-11', source: 'x' },
      due: { text: 'eind 2026', date: '2026-12-31' },
      actionCodes: [legacy],
      externalRef: null,
    });
    await t.settled();
  });
  afterAll(async () => t.close());

  const get = async (path: string) => (await request(t.http).get(path).expect(200)).body;
  const codes = (board: { code: string }[]) => board.map((a) => a.code);

  it('moves a milestone that arrived before its action to the werkagenda the definition names, with its toezegging', async () => {
    expect(codes(await get('/api/v1/monitoring/milestones'))).toContain(legacy); // by its key: the first werkagenda
    expect(await get('/api/v1/monitoring/milestones?werkagendaId=wa17')).toEqual([]);
    await t.actions({ type: 'ActionDefinedV1', werkagendaId: 'wa17', code: legacy, actionLine: 2, title: 'Oud', actionHolder: holder });
    await t.settled();
    expect(codes(await get('/api/v1/monitoring/milestones'))).not.toContain(legacy);
    const board = await get('/api/v1/monitoring/milestones?werkagendaId=wa17');
    expect(board).toEqual([expect.objectContaining({ code: legacy, title: 'Oud', milestones: [expect.objectContaining({ id: early })] })]);
    const projection = await get('/api/v1/monitoring/projections/2026-Q4?werkagendaId=wa17');
    expect(projection.milestones.due.map((m: { id: string }) => m.id)).toEqual([early]);
    expect(projection.commitments.due.map((c: { id: string }) => c.id)).toEqual([commitmentId]);
    const first = await get('/api/v1/monitoring/projections/2026-Q4');
    expect(first.commitments.due.map((c: { id: string }) => c.id)).not.toContain(commitmentId);
  });

  it("reads a werkagenda's board and projection by index, never scanning the other werkagenda's rows", async () => {
    const other = await get('/api/v1/monitoring/milestones?werkagendaId=wa1500');
    expect(other).toHaveLength(12);
    expect(other[0].milestones).toHaveLength(3);
    const queries: { sql: string; parameters: unknown[] }[] = [];
    const logger = ds.logger;
    const spy = new Proxy(logger, {
      get: (target, prop) =>
        prop === 'logQuery'
          ? (sql: string, parameters?: unknown[]) => void queries.push({ sql, parameters: parameters ?? [] })
          : Reflect.get(target, prop),
    });
    Object.defineProperty(ds, 'logger', { value: spy, configurable: true });
    try {
      await get('/api/v1/monitoring/milestones?werkagendaId=wa1500');
      const projection = await get('/api/v1/monitoring/projections/2026-Q4?werkagendaId=wa1500');
      expect(projection.commitments.counts.due).toBe(6);
    } finally {
      Object.defineProperty(ds, 'logger', { value: logger as Logger, configurable: true });
    }
    const reads = queries.filter((q) => /^\s*SELECT/i.test(q.sql) && BIG_TABLES.some((table) => q.sql.includes(table)));
    expect(reads.length).toBeGreaterThanOrEqual(5);
    const used = new Set<string>();
    for (const { sql, parameters } of reads) {
      const [{ 'QUERY PLAN': plan }] = await ds.query(`EXPLAIN (FORMAT JSON) ${sql}`, parameters);
      for (const node of nodes(plan[0].Plan as Plan)) {
        expect([node['Node Type'], node['Relation Name']]).not.toEqual([
          'Seq Scan',
          expect.stringMatching(/^(board_action|board_milestone|commitment)$/),
        ]);
        if (node['Index Name']) used.add(node['Index Name']);
      }
    }
    expect([...used]).toEqual(expect.arrayContaining(['board_milestone_werkagenda', 'commitment_action_codes']));
  });
});
