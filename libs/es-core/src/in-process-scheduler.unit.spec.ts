import { ManualClock } from './clock';
import { InProcessScheduler } from './in-process-scheduler';

describe('in-process scheduler on the injected clock', () => {
  it('fires when the clock passes the moment, not before, and retries a failed job later', async () => {
    const clock = new ManualClock(new Date('2026-11-29T23:00:00Z'));
    const scheduler = new InProcessScheduler(clock, 60_000);
    let attempts = 0;
    scheduler.register('overdue', async () => {
      attempts++;
      if (attempts === 1) throw new Error('store unavailable');
    });
    await scheduler.schedule({ name: 'overdue', key: 'c1', runAt: new Date('2026-11-30T23:00:00Z'), payload: {} });
    await scheduler.start();
    scheduler.tick();
    expect(attempts).toBe(0);
    clock.set(new Date('2026-11-30T23:00:01Z'));
    scheduler.tick();
    await new Promise((r) => setImmediate(r));
    expect(attempts).toBe(1);
    expect((await scheduler.list()).map((j) => j.key)).toEqual(['c1']); // kept for a retry
    clock.advance(31_000);
    scheduler.tick();
    await scheduler.stop();
    expect(attempts).toBe(2);
    expect(await scheduler.list()).toEqual([]);
  });

  it('runNow resolves once a job of that name is done, also one a tick had already started', async () => {
    const clock = new ManualClock(new Date('2027-01-20T09:00:00Z'));
    const scheduler = new InProcessScheduler(clock, 60_000);
    const finished: string[] = [];
    scheduler.register('overdue', async (job) => {
      await new Promise((r) => setTimeout(r, 30)); // a command and a reschedule
      finished.push(job.key);
    });
    await scheduler.start();
    // a past moment: schedule() starts it at once, before runNow is asked
    await scheduler.schedule({ name: 'overdue', key: 'c1', runAt: new Date('2027-01-15T23:00:00Z'), payload: {} });
    await scheduler.runNow('overdue');
    expect(finished).toEqual(['c1']);
    await scheduler.stop();
  });
});
