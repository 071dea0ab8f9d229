/**
 * A job to run at a moment: keyed, so scheduling the same (name, key) again replaces the
 * earlier one instead of adding a second. Handlers must be idempotent (a job may run twice:
 * a scheduler can fire again after a crash) and must re-check the state they act on.
 */
export interface ScheduledJob<Payload = unknown> {
  name: string;
  key: string;
  runAt: Date;
  payload: Payload;
}

export type JobHandler = (job: ScheduledJob) => Promise<void>;

/** Port. Adapters: in-process timers (embedded default) and BullMQ on Redis (distributed). */
export abstract class JobScheduler {
  abstract readonly kind: 'inprocess' | 'bullmq';
  /** Declares what runs jobs of a name; call before start(). */
  abstract register(name: string, handler: JobHandler): void;
  /** Schedules or reschedules (name, key). A moment in the past runs as soon as possible. */
  abstract schedule(job: ScheduledJob): Promise<void>;
  abstract cancel(name: string, key: string): Promise<void>;
  /** Jobs waiting to run, soonest first. */
  abstract list(): Promise<ScheduledJob[]>;
  /** Runs every waiting job of a name now, whatever its moment; resolves when they ran. */
  abstract runNow(name: string): Promise<number>;
  abstract start(): Promise<void>;
  /** Between start() and stop(): due jobs are being run (readiness). */
  abstract isRunning(): boolean;
  abstract stop(): Promise<void>;
}
