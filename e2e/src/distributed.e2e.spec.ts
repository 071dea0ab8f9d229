import { randomBytes } from 'node:crypto';
import { actionsReadModel } from '@regie/actions';
import { newId } from '@regie/es-core';
import { checksums, rebuildInto } from '@regie/read-model';
import { PostgresEventStore } from '@regie/es-postgres';
import { kafkaBrokersForTests, testDatabase } from '@regie/test-kit';
import { seededBoard, startPlatformProcess, type PlatformProcess } from './platform-process';

const brokers = kafkaBrokersForTests('distributed e2e suite');
const suite = brokers ? describe : describe.skip;

interface Board {
  code: string;
  milestones: { id: string; replannedTimes: number }[];
}

/**
 * The distributed shape: actions and monitoring as separate processes over a real Kafka broker,
 * sharing nothing but the bus (and the PostgreSQL server, in separate schemas).
 */
suite('services as separate processes over Kafka', () => {
  it('carries writes in actions to monitoring, and a SIGKILLed consumer loses and doubles nothing', async () => {
    const db = await testDatabase('distributed');
    const env = {
      DATABASE_URL: db.url,
      REGIE_BUS: 'kafka',
      KAFKA_BROKERS: brokers!.join(','),
      REGIE_BUS_KEYS: `k1:${randomBytes(32).toString('base64')}`, // the processes sign and verify with one key
      KAFKA_NAMESPACE: `e2e-${newId().slice(-8)}.`,
      REGIE_NOW: '2026-03-15T09:00:00Z',
    };
    const processes: PlatformProcess[] = [];
    const start = async (extra: Record<string, string>) => {
      const p = await startPlatformProcess({ ...env, ...extra });
      processes.push(p);
      return p;
    };
    try {
      let actions = await start({ REGIE_SERVICES: 'actions' });
      let monitoring = await start({ REGIE_SERVICES: 'monitoring', REGIE_SEED: 'false' });
      const board = async (p: PlatformProcess) => seededBoard<Board>(p.api);
      const milestones = async (p: PlatformProcess) => (await board(p)).flatMap((a) => a.milestones);
      const until = async (check: () => Promise<boolean>, ms = 30_000) => {
        for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 100))) if (await check()) return;
        throw new Error('condition not reached in time');
      };

      const meetings = await start({ REGIE_SERVICES: 'meetings' });
      await until(async () => (await milestones(monitoring)).length === 16); // the seed, relayed over Kafka

      // A knelpunt escalated to the kerngroep in actions lands on the next kerngroep draft in meetings.
      const raised = await actions.api.fetch(`/api/v1/actions/2.1/knelpunten`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ description: 'Voorbeeld: zorgkantoorregio mist capaciteit', escalateTo: 'kerngroep' }),
      });
      const knelpunt = ((await raised.json()) as { id: string }).id;
      const next = (
        (await (await meetings.api.fetch(`/api/v1/meetings?kind=kerngroep&from=2026-03-15`)).json()) as { id: string; status: string }[]
      )[0];
      await until(async () => {
        const meeting = (await (await meetings.api.fetch(`/api/v1/meetings/${next.id}`)).json()) as {
          agenda: { source: { type: string; ref: string } }[];
        };
        return meeting.agenda.some((item) => item.source.ref === knelpunt);
      });
      const post = (path: string, body: object) =>
        actions.api.fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const { id } = (await (await post('/api/v1/actions/2.2/milestones', { title: 'Over Kafka', dueDate: '2026-10-01' })).json()) as {
        id: string;
      };
      await until(async () => (await milestones(monitoring)).some((m) => m.id === id));

      await monitoring.stop('SIGKILL');
      const written: string[] = [];
      for (let i = 0; i < 15; i++) {
        const res = await post('/api/v1/actions/3.2/milestones', { title: `Tijdens uitval ${i}`, dueDate: '2026-11-01' });
        const body = (await res.json()) as { id: string };
        expect((await post(`/api/v1/actions/3.2/milestones/${body.id}/replan`, { dueDate: '2026-12-01', reason: 'uitval' })).status).toBe(
          200,
        );
        written.push(body.id);
      }
      monitoring = await start({ REGIE_SERVICES: 'monitoring', REGIE_SEED: 'false' });
      await until(async () => (await milestones(monitoring)).length === 16 + 1 + 15);

      // SIGKILL the producer (and its relay) during a burst: what it published but had not yet
      // checkpointed goes out again after the restart; the consumer absorbs the duplicates.
      let acknowledged = 0;
      const burst = (async () => {
        for (let i = 0; i < 200; i++) {
          const res = await post('/api/v1/actions/1.4/milestones', { title: `Burst ${i}`, dueDate: '2026-10-15' }).catch(() => undefined);
          if (!res) return;
          if (res.status === 201) acknowledged++;
        }
      })();
      while (acknowledged < 10) await new Promise((r) => setTimeout(r, 10));
      await actions.stop('SIGKILL');
      await burst;
      actions = await start({ REGIE_SERVICES: 'actions' });
      const store = await PostgresEventStore.open({ connectionString: db.url });
      const planned = (await store.readAll({ after: 0, limit: 10_000 })).filter((e) => e.type === 'MilestonePlanned').length;
      await store.close();
      expect(planned).toBeGreaterThanOrEqual(16 + 1 + 15 + acknowledged);
      await until(async () => (await milestones(monitoring)).length === planned);
      const after = await milestones(monitoring);
      for (const w of written) expect(after.find((m) => m.id === w)?.replannedTimes).toBe(1);

      const reader = await PostgresEventStore.open({ connectionString: db.url });
      const events = await reader.readAll({ after: 0, limit: 10_000 });
      await reader.close();
      // The board applies actions and their mijlpalen (progress reports and knelpunten it passes over, unrecorded): each exactly once.
      const relevant = events.filter((e) => e.type === 'ActionDefined' || e.type.startsWith('Milestone')).length;
      const probe = new (await import('pg')).Client({ connectionString: db.url });
      await probe.connect();
      const { rows } = await probe.query(
        `SELECT count(*)::int AS n FROM monitoring.processed_messages WHERE consumer = 'monitoring.actions'`,
      );
      await probe.end();
      expect(rows[0].n).toBe(relevant);

      // The producer's own read model, after its SIGKILL, equals a rebuild from the store.
      const model = actionsReadModel(db.url);
      const live = await model.openDataSource(model.schema);
      const check = await PostgresEventStore.open({ connectionString: db.url });
      const rebuilt = await rebuildInto(check, model, { fresh: true });
      expect(await checksums(rebuilt.dataSource, rebuilt.schema)).toEqual(await checksums(live, model.schema));
      await Promise.all([rebuilt.dataSource.destroy(), live.destroy(), check.close()]);
    } finally {
      await Promise.all(processes.map((p) => p.stop()));
      await db.drop();
    }
  });
});
