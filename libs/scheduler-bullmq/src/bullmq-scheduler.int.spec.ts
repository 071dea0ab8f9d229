import { newId, SystemClock } from '@regie/es-core';
import { jobSchedulerContract } from '@regie/es-core/testing';
import { redisUrlForTests } from '@regie/test-kit';
import { BullMqScheduler } from './bullmq-scheduler';

jobSchedulerContract('bullmq', async () => {
  const scheduler = new BullMqScheduler({ redisUrl: await redisUrlForTests(), queue: `regie-test-${newId()}`, clock: new SystemClock() });
  return { scheduler, close: () => scheduler.stop() };
});
