import { SystemClock } from './clock';
import { InProcessScheduler } from './in-process-scheduler';
import { jobSchedulerContract } from './testing/job-scheduler.contract';

// Real time, so it lives in the integration tier although it needs no server.
jobSchedulerContract('in-process', async () => {
  const scheduler = new InProcessScheduler(new SystemClock(), 20);
  return { scheduler, close: () => scheduler.stop() };
});
