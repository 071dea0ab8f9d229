import { InProcessScheduler, ManualClock } from '@regie/es-core';
import { meteredScheduler } from './metered-scheduler';
import { PlatformMetrics } from './platform-metrics';

describe('a metered scheduler', () => {
  const clock = new ManualClock(new Date('2026-12-01T09:00:00Z'));

  it('counts each run of a job by its outcome, and shows none running once they are done', async () => {
    const metrics = new PlatformMetrics();
    const scheduler = meteredScheduler(new InProcessScheduler(clock, 60_000), metrics);
    let attempts = 0;
    scheduler.register('herinnering', async () => {
      attempts += 1;
      if (attempts === 1) throw new Error('database even weg');
    });
    await scheduler.schedule({ name: 'herinnering', key: 'k1', runAt: clock.now(), payload: {} });

    await scheduler.runNow('herinnering'); // fails; the in-process adapter reschedules it
    await scheduler.runNow('herinnering'); // passes

    const text = await metrics.registry.metrics();
    expect(text).toMatch(/^regie_scheduled_job_runs_total\{job="herinnering",outcome="failed"\} 1$/m);
    expect(text).toMatch(/^regie_scheduled_job_runs_total\{job="herinnering",outcome="ok"\} 1$/m);
    expect(text).toMatch(/^regie_scheduled_jobs_running\{job="herinnering"\} 0$/m);
    expect(attempts).toBe(2);
  });

  it('shows a job as running while its handler has not finished', async () => {
    const metrics = new PlatformMetrics();
    const scheduler = meteredScheduler(new InProcessScheduler(clock, 60_000), metrics);
    let finish = () => undefined as void;
    scheduler.register('lang', () => new Promise<void>((resolve) => (finish = resolve)));
    await scheduler.schedule({ name: 'lang', key: 'k', runAt: clock.now(), payload: {} });

    const running = scheduler.runNow('lang');
    await new Promise((resolve) => setImmediate(resolve));
    expect(await metrics.registry.metrics()).toMatch(/^regie_scheduled_jobs_running\{job="lang"\} 1$/m);
    finish();
    await running;
    expect(await metrics.registry.metrics()).toMatch(/^regie_scheduled_jobs_running\{job="lang"\} 0$/m);
  });
});
