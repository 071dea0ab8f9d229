import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Pool } from 'pg';
import { PostgresEventStore } from '@regie/es-postgres';
import { readModelProgress } from '@regie/read-model';
import { testDatabase } from '@regie/test-kit';
import { type PlatformProcess, startPlatformProcess } from './platform-process';

type Kind = 'progress' | 'milestone' | 'replan' | 'knelpunt' | 'commitment' | 'agenda item' | 'measurement';
const KINDS: Kind[] = ['progress', 'milestone', 'knelpunt', 'commitment', 'agenda item', 'measurement'];
/** What the store must hold for an acknowledged write: a stream, a value in an event's data, or a measurement. */
interface Acknowledged {
  kind: Kind;
  ref: string;
}

const post = (p: PlatformProcess, path: string, body: object) =>
  p.api.fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).catch(() => undefined);

/**
 * SIGKILL during a burst of writes of every kind, then restart: every acknowledged write is in the
 * store, and every read model (actions', commitments', meetings' and monitoring's, the latter two
 * fed by other contexts' messages) equals a full rebuild from the event store, as `regie replay` sees it.
 */
describe('crash recovery', () => {
  it('loses no acknowledged write of any kind and leaves every read model equal to a rebuild after SIGKILL', async () => {
    const db = await testDatabase('crash_recovery');
    const env = { DATABASE_URL: db.url, REGIE_NOW: '2026-03-15T09:00:00Z' };
    const first = await startPlatformProcess(env);
    const meetings = (await (await first.api.fetch('/api/v1/meetings?kind=kerngroep&from=2026-03-15')).json()) as { id: string }[];
    const [indicator] = (await (await first.api.fetch('/api/v1/indicators')).json()) as { id: string }[];

    const codes = ['1.1', '1.2', '2.2', '2.3', '3.2'];
    const acknowledged: Acknowledged[] = [];
    const idOf = async (res: Response | undefined) => (res?.status === 201 ? ((await res.json()) as { id: string }).id : undefined);
    const write = async (kind: Kind, w: number, i: number): Promise<void> => {
      const code = codes[(w + i) % codes.length];
      const note = (id: string | undefined, as: Kind = kind): void => {
        if (id) acknowledged.push({ kind: as, ref: id });
      };
      switch (kind) {
        case 'progress':
          return note(
            await idOf(await post(first, `/api/v1/actions/${code}/progress-reports`, { rag: 'oranje', summary: `Burst ${w}-${i}` })),
          );
        case 'milestone': {
          const id = await idOf(
            await post(first, `/api/v1/actions/${code}/milestones`, { title: `Burst ${w}-${i}`, dueDate: '2026-12-01' }),
          );
          note(id);
          if (!id) return;
          const replanned = await post(first, `/api/v1/actions/${code}/milestones/${id}/replan`, {
            dueDate: '2027-01-15',
            reason: 'burst',
          });
          return note(replanned?.status === 200 ? id : undefined, 'replan');
        }
        case 'knelpunt':
          return note(
            await idOf(
              await post(first, `/api/v1/actions/${code}/knelpunten`, { description: `Burst ${w}-${i}`, escalateTo: 'kerngroep' }),
            ),
          );
        case 'commitment':
          return note(
            await idOf(
              await post(first, '/api/v1/commitments', {
                text: `Burst ${w}-${i}`,
                madeBy: 'Voorbeeld: minister',
                madeAt: { date: '2026-03-01', source: 'Voorbeeld' },
                due: 'najaar 2026',
                actionCodes: [code],
              }),
            ),
          );
        case 'agenda item':
          return note(
            await idOf(
              await post(first, `/api/v1/meetings/${meetings[w % meetings.length].id}/agenda-items`, { title: `Burst ${w}-${i}` }),
            ),
          );
        case 'measurement': {
          const value = 1000 * (w + 1) + i; // unique per write, so the store shows which ones arrived
          const res = await post(first, `/api/v1/indicators/${indicator.id}/measurements`, { period: '2026-01', value });
          return note(res?.status === 201 ? `${indicator.id}|2026-01|${value}` : undefined);
        }
        default:
          throw new Error(`no write for ${kind}`);
      }
    };
    let killed = false;
    const writer = async (w: number) => {
      for (let i = 0; !killed; i++) await write(KINDS[(w + i) % KINDS.length], w, i);
    };
    const writers = Array.from({ length: 8 }, (_, w) => writer(w));
    const enough = () => acknowledged.length >= 90 && KINDS.every((k) => acknowledged.filter((a) => a.kind === k).length >= 3);
    for (const end = Date.now() + 60_000; !enough() && Date.now() < end;) await new Promise((r) => setTimeout(r, 10));
    await first.stop('SIGKILL');
    killed = true;
    await Promise.all(writers);
    expect(KINDS.map((k) => [k, acknowledged.some((a) => a.kind === k)])).toEqual(KINDS.map((k) => [k, true]));

    const second = await startPlatformProcess(env);
    const store = await PostgresEventStore.open({ connectionString: db.url });
    const pool = new Pool({ connectionString: db.url, max: 2 });
    try {
      // Every acknowledged write, of every kind, is in the store.
      const seen = new Set<string>();
      for (const e of await store.readAll({ after: 0, limit: 1_000_000 })) {
        seen.add(e.streamId);
        if (e.type === 'MilestoneReplanned') seen.add(`replanned:${e.streamId}`);
        const data = e.data as Record<string, unknown>;
        for (const v of Object.values(data)) if (typeof v === 'string') seen.add(v);
        if (e.type === 'MeasurementRecorded') seen.add(`${String(data.indicatorId)}|${String(data.period)}|${String(data.value)}`);
      }
      const stored = (a: Acknowledged) =>
        ({
          progress: seen.has(a.ref),
          milestone: seen.has(`milestone-${a.ref}`),
          replan: seen.has(`replanned:milestone-${a.ref}`),
          knelpunt: seen.has(a.ref),
          commitment: seen.has(`commitment-${a.ref}`),
          'agenda item': seen.has(a.ref),
          measurement: seen.has(a.ref),
        })[a.kind];
      expect(acknowledged.filter((a) => !stored(a))).toEqual([]);

      // The restarted platform catches up on its own projections, then the operator's replay finds
      // every read model (the consumer-fed ones too) equal to a rebuild from the store.
      const head = await store.headPosition();
      for (const end = Date.now() + 30_000; ; await new Promise((r) => setTimeout(r, 100))) {
        const behind = [];
        for (const schema of ['actions', 'commitments', 'meetings', 'monitoring']) {
          for (const p of (await readModelProgress(pool, schema)).projections) if (p.position < head) behind.push(`${schema}.${p.name}`);
        }
        if (behind.length === 0) break;
        if (Date.now() > end) throw new Error(`projections not caught up with ${head}: ${behind.join(', ')}`);
      }
      let report = '';
      for (let attempt = 0; attempt < 3; attempt++) {
        // A consumer may still be applying the last messages: a difference is looked at again.
        const run = await promisify(execFile)(process.execPath, ['-r', '@swc-node/register', 'services/platform/src/cli.ts', 'replay'], {
          cwd: join(__dirname, '../..'),
          env: { ...process.env, ...env, PORT: new URL(second.url).port, REGIE_LOG_LEVEL: 'warn' },
        }).then(
          (r) => ({ code: 0, stdout: r.stdout }),
          (e: { code: number; stdout: string }) => ({ code: e.code, stdout: e.stdout }),
        );
        report = run.stdout;
        if (run.code === 0) break;
      }
      for (const model of ['actions', 'commitments', 'meetings', 'monitoring']) {
        expect(report).toMatch(new RegExp(`^${model}: herbouwd tot en met positie \\d+; gelijk aan live$`, 'm'));
      }
    } finally {
      await pool.end();
      await store.close();
      await second.stop();
      await db.drop();
    }
  });
});
