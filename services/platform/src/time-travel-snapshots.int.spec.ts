import { ReadModel } from '@regie/context';
import { newId } from '@regie/es-core';
import { checksums, claimInstance, holdingLooks, TimeTravel } from '@regie/read-model';
import type { DataSource } from 'typeorm';
import { apiClient, testDatabase } from '@regie/test-kit';
import { type RunningPlatform } from './platform';
import { MESSAGE_SOURCES, readModels } from './read-models';
import { platformForTests } from './testing/platform-for-tests';

/**
 * `?asOf` from snapshots by position answers exactly as a full replay: for every read model, at
 * moments before, between and after the snapshots, looked at forward and then backward (a look
 * brought forward in place must never show a later event to an earlier moment), the replayed
 * tables are equal row for row.
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

    const schemaOf = (ds: DataSource) => (ds.options as { schema: string }).schema;

    for (const model of readModels(databaseUrl)) {
      // The reference: a full replay per moment, as every look was before the snapshots.
      const full = () => new TimeTravel(store, model, MESSAGE_SOURCES, { prepareOnFirstLook: false, fullReplay: true });
      const plains: TimeTravel[] = [];
      const builds: { from: number; inPlace: boolean }[] = [];
      const rows: number[] = [];
      const fast = new TimeTravel(store, model, MESSAGE_SOURCES, {
        prepareOnFirstLook: false,
        snapshotEvery: every,
        snapshotsKept: 4,
        // Pages smaller than a snapshot's interval: a snapshot is taken a page at a time (its events
        // are never all in memory), also where an event recorded late occurred early and the first
        // snapshot's events reach almost to the head.
        pageSize: Math.max(2, Math.floor(every / 4)),
        onBuild: (build) => builds.push(build),
      });
      try {
        await fast.prepare();
        const snapshots = await fast.snapshots();
        expect(snapshots.length).toBeGreaterThanOrEqual(2);
        expect(snapshots.length).toBeLessThanOrEqual(4); // thinned to snapshotsKept
        const wanted = new Map<number, Awaited<ReturnType<typeof checksums>>>();
        for (const moment of moments) {
          const plain = full();
          plains.push(plain);
          const expected = await plain.at(moment, far)!;
          wanted.set(moment.getTime(), await checksums(expected, schemaOf(expected)));
        }
        // Forward through the history, then back: each look held, as a request holds it, while it is compared.
        const sequence = [...moments, ...moments.slice(0, -1).reverse()];
        for (const [i, moment] of sequence.entries()) {
          const built = builds.length;
          await holdingLooks(async () => {
            const actual = await fast.at(moment, far)!;
            const want = wanted.get(moment.getTime())!;
            expect({ model: model.name, moment, tables: await checksums(actual, schemaOf(actual)) }).toEqual({
              model: model.name,
              moment,
              tables: want,
            });
            rows.push(want.reduce((sum, t) => sum + t.rows, 0));
            // A moment 1 ms later with no event in between is the same replay, not a new one.
            if (!times.includes(moment.getTime() + 1)) expect(await fast.at(new Date(moment.getTime() + 1), far)).toBe(actual);
          });
          if (i >= moments.length) expect(builds.slice(built).filter((b) => b.inPlace)).toEqual([]); // back in time: never a later look's schema
        }
        expect(rows[moments.length - 1]).toBeGreaterThan(0); // something to compare: the read model at the end is not empty
        // Looks started from snapshots or earlier replays (else this compared full replays with each other), some in place.
        expect(builds.length).toBeGreaterThanOrEqual(moments.length);
        expect(builds.filter((b) => b.from > 0).length).toBeGreaterThanOrEqual(2);
        expect(builds.filter((b) => b.inPlace).length).toBeGreaterThanOrEqual(1);

        // Two requests at different moments at once: the earlier look, still being read, is not brought forward for the later one.
        const pair = new TimeTravel(store, model, MESSAGE_SOURCES, { prepareOnFirstLook: false });
        try {
          await holdingLooks(async () => {
            const earlier = await pair.at(moments[1], far)!;
            const later = await holdingLooks(async () => pair.at(moments[2], far)!);
            expect(schemaOf(later)).not.toBe(schemaOf(earlier));
            expect(await checksums(earlier, schemaOf(earlier))).toEqual(wanted.get(moments[1].getTime()));
            expect(await checksums(later, schemaOf(later))).toEqual(wanted.get(moments[2].getTime()));
          });
        } finally {
          await pair.close();
        }

        // A schema made ready with a copy of the newest snapshot: taken by one look only, used only for moments it serves.
        const readyBuilds: { readyCopy: boolean }[] = [];
        const pooled = () =>
          new TimeTravel(store, model, MESSAGE_SOURCES, {
            prepareOnFirstLook: false,
            snapshotEvery: every,
            onBuild: (build) => readyBuilds.push(build),
          });
        const one = pooled();
        try {
          await one.prepare(); // the spare now holds the newest snapshot
          const newest = (await one.snapshots()).at(-1)!;
          const reference = full();
          plains.push(reference);
          const expected = await reference.at(newest.moment, far)!;
          const latest = await holdingLooks(async () => one.at(newest.moment, far)!);
          expect(readyBuilds.map((b) => b.readyCopy)).toEqual([true]); // a moment the newest snapshot serves: only replayed
          expect(await checksums(latest, schemaOf(latest))).toEqual(await checksums(expected, schemaOf(expected)));
          await one.prepare(); // a new spare, holding the newest snapshot again
          const first = await holdingLooks(async () => one.at(moments[0], far)!); // before the newest snapshot: never its copy
          expect(readyBuilds.map((b) => b.readyCopy)).toEqual([true, false]);
          expect(await checksums(first, schemaOf(first))).toEqual(wanted.get(moments[0].getTime()));
          // A look served by an older snapshot copies it; a look back to a moment that snapshot also
          // serves starts from a spare holding a copy of it, made meanwhile: no copy of its own.
          const [older, newer] = (await one.snapshots()).slice(-2);
          const bound = Math.min(newer.moment.getTime(), older.validUntil?.getTime() ?? Number.POSITIVE_INFINITY);
          const [later, back] = [new Date(Math.floor((older.moment.getTime() + bound) / 2)), older.moment];
          expect(later.getTime()).toBeGreaterThan(back.getTime());
          await holdingLooks(async () => one.at(later, far)!);
          const backReference = full();
          plains.push(backReference);
          const backExpected = await backReference.at(back, far)!;
          const backLook = await holdingLooks(async () => one.at(back, far)!);
          expect(readyBuilds.slice(2).map((b) => b.readyCopy)).toEqual([false, true]);
          expect(await checksums(backLook, schemaOf(backLook))).toEqual(await checksums(backExpected, schemaOf(backExpected)));
        } finally {
          await one.close();
        }
        const two = pooled();
        try {
          await two.prepare();
          const built = readyBuilds.length;
          const [last, before] = await holdingLooks(() => Promise.all([two.at(moments[5], far)!, two.at(moments[4], far)!]));
          expect(schemaOf(last)).not.toBe(schemaOf(before)); // two looks at once: the spare goes to one of them
          expect(readyBuilds.slice(built).filter((b) => b.readyCopy).length).toBeLessThanOrEqual(1);
          expect(await checksums(last, schemaOf(last))).toEqual(wanted.get(moments[5].getTime()));
          expect(await checksums(before, schemaOf(before))).toEqual(wanted.get(moments[4].getTime()));
        } finally {
          await two.close();
        }
      } finally {
        for (const plain of plains) await plain.close();
        const admin = await model.openDataSource(model.schema);
        for (const s of await fast.snapshots()) await admin.query(`DROP SCHEMA "${s.schema}" CASCADE`);
        await admin.destroy();
        await fast.close();
      }
    }
  }, 360_000); // five read models, each compared with a full replay at six moments: 90 s alone on this machine, more beside other work

  it('brings its snapshots up to date when the store has moved a snapshot interval on, and leaves them when not', async () => {
    const { store, databaseUrl } = platform.adapters;
    const model = readModels(databaseUrl).find((m) => m.name === 'actions')!;
    const head = await store.headPosition();
    const every = Math.max(2, Math.floor(head / 3));
    const travel = new TimeTravel(store, model, MESSAGE_SOURCES, { prepareOnFirstLook: false, snapshotEvery: every });
    try {
      expect(await travel.snapshots()).toEqual([]);
      expect(await travel.keepUp()).toBe(true);
      const taken = await travel.snapshots();
      expect(taken.length).toBeGreaterThanOrEqual(2);
      expect(head - taken.at(-1)!.position).toBeLessThan(every);
      // Nothing new in the store: nothing to take, the same snapshots stay.
      expect(await travel.keepUp()).toBe(false);
      expect((await travel.snapshots()).map((s) => s.schema)).toEqual(taken.map((s) => s.schema));
    } finally {
      const admin = await model.openDataSource(model.schema);
      for (const s of await travel.snapshots()) await admin.query(`DROP SCHEMA "${s.schema}" CASCADE`);
      await admin.destroy();
      await travel.close();
    }
  });

  it('makes its spares in a quiet spell after the looks, and at once when a look waits for one', async () => {
    const { store, databaseUrl } = platform.adapters;
    const model = readModels(databaseUrl).find((m) => m.name === 'actions')!;
    const every = Math.max(2, Math.floor((await store.headPosition()) / 4));
    const admin = await model.openDataSource(model.schema);
    const lookSchemas = async (): Promise<number> =>
      (await admin.query(`SELECT count(*)::int AS n FROM pg_namespace WHERE starts_with(nspname, $1)`, [`${model.schema}__asof_`]))[0].n;
    const builds: { readyCopy: boolean }[] = [];
    const travel = (sparesAfterMs: number) =>
      new TimeTravel(store, model, MESSAGE_SOURCES, {
        prepareOnFirstLook: false,
        snapshotEvery: every,
        sparesAfterMs,
        onBuild: (build) => builds.push(build),
      });
    const quiet = travel(1500);
    const patient = travel(600_000);
    try {
      await quiet.prepare(); // the snapshots, and a spare holding the newest
      const [older, next] = await quiet.snapshots();
      expect(next).toBeDefined();
      const bound = Math.min(next.moment.getTime(), older.validUntil?.getTime() ?? Number.POSITIVE_INFINITY);
      // A look the older snapshot serves (it copies that snapshot), and a look back to that snapshot's moment.
      const [later, back] = [new Date(Math.floor((older.moment.getTime() + bound) / 2)), older.moment];

      const spares = await lookSchemas();
      await holdingLooks(async () => quiet.at(later, far)!);
      const looked = performance.now();
      // The look took the spare; the two spares it asks for (its snapshot's and the newest's) wait for a quiet spell.
      await new Promise((r) => setTimeout(r, 500));
      expect(await lookSchemas()).toBe(spares);
      while ((await lookSchemas()) < spares + 2 && performance.now() - looked < 20_000) await new Promise((r) => setTimeout(r, 50));
      expect(await lookSchemas()).toBe(spares + 2);
      expect(performance.now() - looked).toBeGreaterThanOrEqual(1400);

      // A look that waits for a spare does not wait for a quiet spell (here ten minutes): the spare is made at once.
      await patient.prepare();
      await holdingLooks(async () => patient.at(later, far)!);
      const started = performance.now();
      await holdingLooks(async () => patient.at(back, far)!);
      expect(performance.now() - started).toBeLessThan(60_000);
      expect(builds.at(-1)!.readyCopy).toBe(true); // it started from the spare holding its snapshot: no copy of its own
    } finally {
      const snapshots = await quiet.snapshots();
      await quiet.close();
      await patient.close();
      for (const s of snapshots) await admin.query(`DROP SCHEMA "${s.schema}" CASCADE`);
      await admin.destroy();
    }
  });

  it("drops the schemas a process that ended without closing left behind, and leaves a running process's", async () => {
    const { store, databaseUrl } = platform.adapters;
    const model = readModels(databaseUrl).find((m) => m.name === 'actions')!;
    const admin = await model.openDataSource(model.schema);
    const schemas = async () =>
      ((await admin.query(`SELECT nspname FROM pg_namespace WHERE starts_with(nspname, 'actions__')`)) as { nspname: string }[])
        .map((r) => r.nspname)
        .sort();
    const made = async (names: string[]) => {
      for (const schema of names) {
        await admin.query(`CREATE SCHEMA "${schema}"`);
        await admin.query(`CREATE TABLE "${schema}".action (code text)`);
      }
    };
    const moment = new Date((await store.readAll({ after: 0, limit: 1 }))[0].occurredAt.getTime() + 1);
    const own = new TimeTravel(store, model, MESSAGE_SOURCES, { prepareOnFirstLook: false });
    const next = new TimeTravel(store, model, MESSAGE_SOURCES, { prepareOnFirstLook: false });
    // Another process that runs: it holds its claim, as a process does from its first schema until it closes.
    const release = await claimInstance(databaseUrl, 'c0ffee');
    try {
      const schemaOf = (ds: DataSource) => (ds.options as { schema: string }).schema;
      const look = await holdingLooks(async () => {
        const ds = await own.at(moment, far)!;
        return { schema: schemaOf(ds), tables: await checksums(ds, schemaOf(ds)) };
      });
      const running = ['actions__asof_c0ffee1_3', 'actions__snapwork_c0ffee2'];
      // What a process killed in the middle of a look and of a snapshot leaves: schemas of an instance nobody holds.
      const left = ['actions__asof_0badc01_1', 'actions__snapwork_0badc02', 'actions__snaptmp_0badc02'];
      await made([...running, ...left]);

      await next.prepare();

      const after = await schemas();
      expect(after).toEqual(expect.arrayContaining([look.schema, ...running]));
      for (const schema of left) expect(after).not.toContain(schema);
      // This process's own look still answers as before.
      await holdingLooks(async () => {
        const ds = await own.at(moment, far)!;
        expect(await checksums(ds, schemaOf(ds))).toEqual(look.tables);
      });
      // Once the other process has ended, the next preparation drops its schemas too.
      await release();
      await next.prepare();
      const ended = await schemas();
      for (const schema of running) expect(ended).not.toContain(schema);
      expect(ended).toContain(look.schema);
    } finally {
      await release();
      for (const s of await next.snapshots()) await admin.query(`DROP SCHEMA "${s.schema}" CASCADE`);
      await next.close();
      await own.close();
      await admin.destroy();
    }
  });

  it('a read model of the running platform takes its missing snapshots by itself, on its schedule', async () => {
    const { store, databaseUrl, clock } = platform.adapters;
    const actions = readModels(databaseUrl).find((m) => m.name === 'actions')!;
    // A schema of its own, so it runs beside the platform's live actions read model.
    const definition = { ...actions, name: 'actions_keepup', schema: 'actions_keepup' };
    const every = Math.max(2, Math.floor((await store.headPosition()) / 3));
    const model = new ReadModel({
      definition,
      dataSource: await definition.openDataSource(definition.schema),
      store,
      clock,
      sources: MESSAGE_SOURCES,
      timeTravel: { snapshotEvery: every },
      keepUpTimeTravel: { firstAfterMs: 20, everyMs: 50 },
      queriesOn: () => ({}),
    });
    const travel = new TimeTravel(store, definition, MESSAGE_SOURCES, { prepareOnFirstLook: false, snapshotEvery: every });
    try {
      expect(await travel.snapshots()).toEqual([]);
      await model.onApplicationBootstrap();
      const deadline = Date.now() + 60_000;
      while ((await travel.snapshots()).length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      expect((await travel.snapshots()).length).toBeGreaterThanOrEqual(2);
    } finally {
      await model.onApplicationShutdown();
      const admin = await actions.openDataSource(actions.schema);
      for (const s of await travel.snapshots()) await admin.query(`DROP SCHEMA "${s.schema}" CASCADE`);
      await admin.query(`DROP SCHEMA IF EXISTS "actions_keepup" CASCADE`);
      await admin.destroy();
      await travel.close();
    }
  });
});
