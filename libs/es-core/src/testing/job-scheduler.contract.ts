import type { ScheduledJob } from '../job-scheduler';
import { JobScheduler } from '../job-scheduler';
import { newId } from '../ids';

/**
 * The behaviour every JobScheduler adapter must show, on real time (moments a few hundred
 * milliseconds ahead). `open` gets a unique job name prefix per test.
 */
export function jobSchedulerContract(adapter: string, open: () => Promise<{ scheduler: JobScheduler; close: () => Promise<void> }>): void {
  describe(`JobScheduler contract: ${adapter}`, () => {
    let scheduler: JobScheduler;
    let close: () => Promise<void>;
    const ran: ScheduledJob[] = [];
    const names = { overdue: `overdue-${newId().slice(-8)}`, other: `other-${newId().slice(-8)}` };

    beforeAll(async () => {
      ({ scheduler, close } = await open());
      scheduler.register(names.overdue, async (job) => void ran.push(job));
      scheduler.register(names.other, async (job) => void ran.push(job));
      await scheduler.start();
    });
    afterAll(async () => close?.());
    beforeEach(() => (ran.length = 0));

    const inMs = (ms: number) => new Date(Date.now() + ms);
    const until = async (check: () => boolean, ms = 5000) => {
      for (const end = Date.now() + ms; !check() && Date.now() < end;) await new Promise((r) => setTimeout(r, 20));
    };

    it('runs a job whose moment already passed (catching up after downtime)', async () => {
      await scheduler.schedule({ name: names.overdue, key: 'c-past', runAt: inMs(-60_000), payload: { dueDate: '2025-12-31' } });
      await until(() => ran.length > 0);
      expect(ran.map((j) => [j.key, j.payload])).toEqual([['c-past', { dueDate: '2025-12-31' }]]);
    });

    it('replaces a job scheduled again under the same key, so the old moment never fires', async () => {
      await scheduler.schedule({ name: names.overdue, key: 'c-moved', runAt: inMs(300), payload: { dueDate: 'old' } });
      await scheduler.schedule({ name: names.overdue, key: 'c-moved', runAt: inMs(600), payload: { dueDate: 'new' } });
      await until(() => ran.length > 0);
      await new Promise((r) => setTimeout(r, 800));
      expect(ran.map((j) => j.payload)).toEqual([{ dueDate: 'new' }]);
    });

    it('lets a running job schedule its own key again (e.g. a check that must run later)', async () => {
      let runs = 0;
      const name = `self-${newId().slice(-8)}`;
      scheduler.register(name, async (job) => {
        runs++;
        if (runs === 1) await scheduler.schedule({ ...job, runAt: inMs(200) });
      });
      await scheduler.schedule({ name, key: 'c-self', runAt: inMs(50), payload: {} });
      await until(() => runs === 2);
      expect(runs).toBe(2);
    });

    it('does not run a cancelled job', async () => {
      await scheduler.schedule({ name: names.overdue, key: 'c-cancel', runAt: inMs(300), payload: {} });
      await scheduler.cancel(names.overdue, 'c-cancel');
      await new Promise((r) => setTimeout(r, 900));
      expect(ran).toEqual([]);
    });

    it('lists waiting jobs soonest first, and runs all of one name on demand', async () => {
      await scheduler.schedule({ name: names.other, key: 'late', runAt: inMs(3_600_000), payload: 2 });
      await scheduler.schedule({ name: names.other, key: 'soon', runAt: inMs(1_800_000), payload: 1 });
      const listed = (await scheduler.list()).filter((j) => j.name === names.other);
      expect(listed.map((j) => j.key)).toEqual(['soon', 'late']);
      expect(listed[0].runAt.getTime()).toBeGreaterThan(Date.now() + 1_700_000);
      expect(await scheduler.runNow(names.other)).toBe(2);
      await until(() => ran.length === 2);
      expect(ran.map((j) => j.key).sort()).toEqual(['late', 'soon']);
      expect((await scheduler.list()).filter((j) => j.name === names.other)).toEqual([]);
    });
  });
}
