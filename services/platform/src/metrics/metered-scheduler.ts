import type { JobHandler, JobScheduler } from '@regie/es-core';
import type { PlatformMetrics } from './platform-metrics';

/**
 * The same scheduler with every job it runs counted: each handler registered through it is wrapped,
 * so whichever adapter runs the job (in-process timers or a BullMQ worker), the running gauge and the
 * outcome counter see it. A Proxy, like the metered store, so the adapter stays itself otherwise.
 */
export function meteredScheduler<S extends JobScheduler>(scheduler: S, metrics: PlatformMetrics): S {
  const register: JobScheduler['register'] = (name: string, handler: JobHandler) =>
    scheduler.register(name, (job) => metrics.timeJob(job.name, () => handler(job)));
  return new Proxy(scheduler, {
    get(target, property) {
      if (property === 'register') return register;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
