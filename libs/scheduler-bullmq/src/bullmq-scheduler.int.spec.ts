import { newId, SystemClock } from '@regie/es-core';
import { jobSchedulerContract } from '@regie/es-core/testing';
import { redisUrlForTests } from '@regie/test-kit';
import { BullMqScheduler } from './bullmq-scheduler';

jobSchedulerContract('bullmq', async () => {
  const scheduler = new BullMqScheduler({ redisUrl: await redisUrlForTests(), queue: `regie-test-${newId()}`, clock: new SystemClock() });
  return { scheduler, close: () => scheduler.stop() };
});

/** Several platform instances share one queue in Redis: each job is taken by one worker, and jobs outlive the process. */
describe('BullMQ scheduler: several instances, restarts', () => {
  const open: BullMqScheduler[] = [];
  const instance = async (queue: string) => {
    const scheduler = new BullMqScheduler({ redisUrl: await redisUrlForTests(), queue, clock: new SystemClock() });
    open.push(scheduler);
    return scheduler;
  };
  afterAll(async () => Promise.all(open.map((s) => s.stop())));
  const inMs = (ms: number) => new Date(Date.now() + ms);
  const until = async (check: () => boolean | Promise<boolean>, ms = 10_000) => {
    for (const end = Date.now() + ms; !(await check()); await new Promise((r) => setTimeout(r, 20))) {
      if (Date.now() > end) throw new Error('condition not met in time');
    }
  };

  it('runs each of 40 jobs exactly once when two instances work the same queue', async () => {
    const queue = `regie-test-${newId()}`;
    const runs: { key: string; by: string }[] = [];
    const [a, b] = await Promise.all([instance(queue), instance(queue)]);
    for (const [scheduler, by] of [
      [a, 'a'],
      [b, 'b'],
    ] as const) {
      scheduler.register('deadline', async (job) => {
        runs.push({ key: job.key, by });
        await new Promise((r) => setTimeout(r, 10)); // a handler takes time, so both workers take jobs
      });
    }
    await Promise.all([a.start(), b.start()]);
    const keys = Array.from({ length: 40 }, (_, i) => `commitment-${i}`);
    // Half the jobs scheduled through each instance, some due at once, some a moment from now.
    await Promise.all(keys.map((key, i) => (i % 2 ? a : b).schedule({ name: 'deadline', key, runAt: inMs(i % 4 ? 200 : 0), payload: {} })));
    await until(() => new Set(runs.map((r) => r.key)).size === keys.length);
    // Nothing left waiting, so no run can follow: each key ran once, on one of the two.
    await until(async () => (await a.list()).length === 0);
    expect(runs.map((r) => r.key).sort()).toEqual([...keys].sort());
  });

  it('keeps a scheduled job through a restart: the next instance runs it at its moment', async () => {
    const queue = `regie-test-${newId()}`;
    const before = await instance(queue);
    before.register('deadline', async () => {
      throw new Error('the stopped instance must not run it');
    });
    await before.start();
    const runAt = inMs(600);
    await before.schedule({ name: 'deadline', key: 'commitment-1', runAt, payload: { dueDate: '2026-11-30' } });
    await before.stop();

    const after = await instance(queue);
    expect(await after.list()).toEqual([{ name: 'deadline', key: 'commitment-1', runAt, payload: { dueDate: '2026-11-30' } }]);
    const ran: { at: number; payload: unknown }[] = [];
    after.register('deadline', async (job) => void ran.push({ at: Date.now(), payload: job.payload }));
    await after.start();
    await until(() => ran.length === 1);
    expect(ran[0].payload).toEqual({ dueDate: '2026-11-30' });
    expect(ran[0].at).toBeGreaterThanOrEqual(runAt.getTime());
  });
});
