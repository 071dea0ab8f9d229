import { actionsReadModel } from '@regie/actions';
import { PostgresEventStore } from '@regie/es-postgres';
import { checksums, rebuildInto } from '@regie/read-model';
import { testDatabase } from '@regie/test-kit';
import { startPlatformProcess } from './platform-process';

/**
 * SIGKILL during a burst of writes, then restart: every acknowledged write is in the store,
 * and the read model equals a full rebuild from the event store.
 */
describe('crash recovery', () => {
  it('loses no acknowledged write and leaves read models equal to a rebuild after SIGKILL', async () => {
    const db = await testDatabase('crash_recovery');
    const env = { DATABASE_URL: db.url, REGIE_NOW: '2026-03-15T09:00:00Z' };
    const first = await startPlatformProcess(env);

    const acknowledged: string[] = [];
    let killed = false;
    const codes = ['1.1', '1.2', '2.2', '2.3', '3.2'];
    const writer = async (w: number) => {
      for (let i = 0; !killed; i++) {
        const res = await first.api
          .fetch(`/api/v1/actions/${codes[w % codes.length]}/milestones`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ title: `Burst ${w}-${i}`, dueDate: '2026-12-01' }),
          })
          .catch(() => undefined);
        if (res?.status === 201) {
          const { id } = (await res.json()) as { id: string };
          acknowledged.push(id);
          await first.api
            .fetch(`/api/v1/actions/${codes[w % codes.length]}/milestones/${id}/replan`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ dueDate: '2027-01-15', reason: 'burst' }),
            })
            .catch(() => undefined);
        }
      }
    };
    const writers = Array.from({ length: 8 }, (_, w) => writer(w));
    while (acknowledged.length < 60) await new Promise((r) => setTimeout(r, 10));
    await first.stop('SIGKILL');
    killed = true;
    await Promise.all(writers);

    const second = await startPlatformProcess(env);
    const store = await PostgresEventStore.open({ connectionString: db.url });
    try {
      for (const id of acknowledged) expect((await store.readStream(`milestone-${id}`)).length).toBeGreaterThan(0);

      const model = actionsReadModel(db.url);
      const live = await model.openDataSource(model.schema);
      const head = await store.headPosition();
      for (let i = 0; i < 100; i++) {
        const [row] = await live.query(`SELECT position FROM actions.projection_checkpoints WHERE name = 'actions'`);
        if (Number(row?.position) === head) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      const rebuilt = await rebuildInto(store, model, { fresh: true });
      expect(rebuilt.position).toBe(head);
      const liveSums = await checksums(live, model.schema);
      expect(liveSums.find((t) => t.table === 'milestone')!.rows).toBeGreaterThanOrEqual(16 + acknowledged.length);
      expect(await checksums(rebuilt.dataSource, rebuilt.schema)).toEqual(liveSums);
      await rebuilt.dataSource.destroy();
      await live.destroy();
    } finally {
      await store.close();
      await second.stop();
      await db.drop();
    }
  });
});
