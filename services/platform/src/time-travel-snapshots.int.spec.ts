import { newId } from '@regie/es-core';
import { checksums, TimeTravel } from '@regie/read-model';
import { apiClient, testDatabase } from '@regie/test-kit';
import { type RunningPlatform } from './platform';
import { MESSAGE_SOURCES, readModels } from './read-models';
import { platformForTests } from './testing/platform-for-tests';

/**
 * `?asOf` from snapshots by position answers exactly as a full replay: for every read model, at
 * moments before, between and after the snapshots, the replayed tables are equal row for row.
 */
describe('time travel from read-model snapshots', () => {
  let db: Awaited<ReturnType<typeof testDatabase>>;
  let platform: RunningPlatform;
  const far = new Date('2100-01-01T00:00:00Z'); // "now" for TimeTravel: every moment below lies in its past

  beforeAll(async () => {
    ({ db, platform } = await platformForTests('time_travel_snapshots', '2026-03-15T09:00:00Z'));
    const api = apiClient(platform.url);
    const call = async (method: string, path: string, body?: object) => {
      const res = await api.fetch(path, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body ?? {}) });
      if (res.status >= 400) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
      return res.json() as Promise<any>;
    };
    // Events recorded out of their time order: one occurring ahead of the ones after it, one behind them.
    const report = (summary: string, at: Date) =>
      platform.adapters.store.append(
        'action-1.2',
        [
          {
            id: newId(),
            type: 'ProgressReported',
            data: { code: '1.2', reportId: newId(), rag: 'rood', summary, reportedAt: at.toISOString() },
            schemaVersion: 1,
            occurredAt: at,
            metadata: { actor: { userId: 'coordinator', role: 'coordinator' }, correlationId: 'c', causationId: 'c' },
          },
        ],
        'any',
      );
    const early = platform.adapters.clock.now();
    // A history with moments between writes: milestones planned, replanned, reported on, a commitment postponed.
    for (const code of ['1.2', '2.1', '3.1']) {
      if (code === '2.1') await report('Voorbeeld: vooruit gedateerd', new Date(early.getTime() + 3_600_000));
      const milestone = await call('POST', `/api/v1/actions/${code}/milestones`, {
        title: `Voorbeeld: mijlpaal ${code}`,
        dueDate: '2026-06-30',
      });
      await call('POST', `/api/v1/actions/${code}/milestones/${milestone.id}/replan`, {
        dueDate: '2026-09-30',
        reason: 'Voorbeeld: later',
      });
      await call('POST', `/api/v1/actions/${code}/progress-reports`, { rag: 'oranje', summary: `Voorbeeld: voortgang ${code}` });
      await new Promise((r) => setTimeout(r, 30));
    }
    const commitment = await call('POST', '/api/v1/commitments', {
      text: 'Voorbeeld: de Kamer informeren',
      madeBy: 'Minister van LJS',
      madeAt: { date: '2026-03-10', source: 'Voorbeeld: commissiedebat' },
      due: 'voor de zomer 2026',
      actionCodes: ['2.1'],
    });
    await call('POST', `/api/v1/commitments/${commitment.id}/postpone`, { due: 'najaar 2026', reason: 'Voorbeeld: later' });
    await report('Voorbeeld: achteraf gemeld', new Date(early.getTime() + 50));
  });
  afterAll(async () => {
    await platform.close();
    await db.drop();
  });

  it('gives the same tables with snapshots as without, at moments before, between and after them', async () => {
    const { store, databaseUrl } = platform.adapters;
    const head = await store.headPosition();
    const events = await store.readAll({ after: 0, limit: head });
    const times = [...new Set(events.map((e) => e.occurredAt.getTime()))].sort((a, b) => a - b);
    // Moments at a spread of places in the history, each also 1 ms later (the same events: one cached replay).
    const picks = [0.1, 0.35, 0.6, 0.85, 0.97, 1].map((f) => times[Math.min(times.length - 1, Math.floor(f * (times.length - 1)))]);
    const moments = picks.map((t) => new Date(t));
    const every = Math.max(2, Math.floor(head / 6));

    for (const model of readModels(databaseUrl)) {
      // The reference: a full replay per moment, as every look was before the snapshots.
      const full = () => new TimeTravel(store, model, MESSAGE_SOURCES, { prepareOnFirstLook: false, fullReplay: true });
      const plains: TimeTravel[] = [];
      const starts: number[] = [];
      const rows: number[] = [];
      const fast = new TimeTravel(store, model, MESSAGE_SOURCES, {
        prepareOnFirstLook: false,
        snapshotEvery: every,
        snapshotsKept: 4,
        onBuild: ({ from }) => starts.push(from),
      });
      try {
        await fast.prepare();
        const snapshots = await fast.snapshots();
        expect(snapshots.length).toBeGreaterThanOrEqual(2);
        expect(snapshots.length).toBeLessThanOrEqual(4); // thinned to snapshotsKept
        for (const moment of moments) {
          const plain = full();
          plains.push(plain);
          const expected = await plain.at(moment, far)!;
          const actual = await fast.at(moment, far)!;
          const schemaOf = (ds: typeof actual) => (ds.options as { schema: string }).schema;
          const [want, got] = [await checksums(expected, schemaOf(expected)), await checksums(actual, schemaOf(actual))];
          expect({ model: model.name, moment, tables: got }).toEqual({ model: model.name, moment, tables: want });
          rows.push(want.reduce((sum, t) => sum + t.rows, 0));
          // A moment 1 ms later with no event in between is the same replay, not a new one.
          if (!times.includes(moment.getTime() + 1)) expect(await fast.at(new Date(moment.getTime() + 1), far)).toBe(actual);
        }
        expect(rows[rows.length - 1]).toBeGreaterThan(0); // something to compare: the read model at the end is not empty
        // Looks started from snapshots or earlier replays (else this compared full replays with each other).
        expect(starts).toHaveLength(moments.length);
        expect(starts.filter((s) => s > 0).length).toBeGreaterThanOrEqual(2);
      } finally {
        for (const plain of plains) await plain.close();
        const admin = await model.openDataSource(model.schema);
        for (const s of await fast.snapshots()) await admin.query(`DROP SCHEMA "${s.schema}" CASCADE`);
        await admin.destroy();
        await fast.close();
      }
    }
  });
});
