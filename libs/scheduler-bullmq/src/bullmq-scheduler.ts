import { type Job, Queue, QueueEvents, Worker } from 'bullmq';
import { backoffDelay, type Clock, type JobHandler, JobScheduler, type ScheduledJob } from '@regie/es-core';

export interface BullMqSchedulerOptions {
  redisUrl: string;
  /** Queue name; one queue per service, e.g. 'regie-commitments'. */
  queue: string;
  clock: Clock;
  concurrency?: number;
  onError?: (job: ScheduledJob, error: unknown) => void;
}

/** 20 tries, pauses doubling from 5 s to at most 6 h: a failing job is retried for about two days. */
const JOB_ATTEMPTS = 20;
const JOB_BACKOFF = { baseMs: 5000, maxMs: 6 * 3_600_000 };
/** The BullMQ backoff type whose delays the worker's strategy computes with JOB_BACKOFF. */
const BACKOFF_TYPE = 'regie';

interface StoredJob {
  name: string;
  key: string;
  runAt: string;
  payload: unknown;
}

/**
 * JobScheduler on BullMQ (Redis): delayed jobs keyed by (name, key), so scheduling again
 * replaces the waiting one, and several instances share one queue, each job taken by one
 * worker. Failed jobs are retried with backoff. Moments are measured on the injected clock,
 * so a shifted clock (REGIE_NOW) schedules the same delays as in-process.
 */
export class BullMqScheduler extends JobScheduler {
  readonly kind = 'bullmq';
  private readonly handlers = new Map<string, JobHandler>();
  private readonly connection: { url: string; maxRetriesPerRequest: null };
  private readonly queue: Queue<StoredJob>;
  private worker?: Worker<StoredJob>;
  private events?: QueueEvents;

  constructor(private readonly options: BullMqSchedulerOptions) {
    super();
    this.connection = { url: options.redisUrl, maxRetriesPerRequest: null };
    this.queue = new Queue<StoredJob>(options.queue, { connection: this.connection });
  }

  register(name: string, handler: JobHandler): void {
    this.handlers.set(name, handler);
  }

  async schedule(job: ScheduledJob): Promise<void> {
    // The moment is part of the BullMQ id: a job may reschedule its own key while it runs
    // (BullMQ would ignore an add under the id of an active job), and scheduling the same
    // moment twice stays one job.
    let jobId = jobIdOf(job.name, job.key, job.runAt);
    await this.removeWaiting(job.name, job.key, jobId);
    // The same moment while that very job runs (a job rescheduling itself, `jobs run`): BullMQ
    // would ignore an add under the active id and then delete it on completion; use a new id.
    if (await (await this.queue.getJob(jobId))?.isActive()) jobId = `${jobId}-${this.options.clock.now().getTime()}`;
    await this.queue.add(
      job.name,
      { name: job.name, key: job.key, runAt: job.runAt.toISOString(), payload: job.payload },
      {
        jobId,
        delay: Math.max(0, job.runAt.getTime() - this.options.clock.now().getTime()),
        attempts: JOB_ATTEMPTS,
        backoff: { type: BACKOFF_TYPE },
        removeOnComplete: true,
        removeOnFail: true, // a job that finally failed must not block scheduling its id again
      },
    );
  }

  async cancel(name: string, key: string): Promise<void> {
    await this.removeWaiting(name, key);
  }

  async list(): Promise<ScheduledJob[]> {
    const jobs = await this.queue.getJobs(['delayed', 'waiting', 'prioritized']);
    return jobs
      .filter(Boolean)
      .map(toScheduled)
      .sort((a, b) => a.runAt.getTime() - b.runAt.getTime());
  }

  async runNow(name: string): Promise<number> {
    const jobs = (await this.queue.getJobs(['delayed', 'waiting'])).filter((j) => j?.name === name);
    const events = await this.queueEvents();
    await Promise.all(
      jobs.map(async (job) => {
        if (await job.isDelayed()) await job.promote();
        await job.waitUntilFinished(events, 30_000);
      }),
    );
    return jobs.length;
  }

  async start(): Promise<void> {
    this.worker = new Worker<StoredJob>(
      this.options.queue,
      async (job: Job<StoredJob>) => {
        const handler = this.handlers.get(job.data.name);
        if (!handler) throw new Error(`no handler for job ${job.data.name}`);
        await handler(toScheduled(job));
      },
      {
        connection: this.connection,
        concurrency: this.options.concurrency ?? 4,
        settings: { backoffStrategy: (attemptsMade) => backoffDelay(attemptsMade, JOB_BACKOFF) },
      },
    );
    this.worker.on('failed', (job, error) => job && this.options.onError?.(toScheduled(job), error));
    await this.worker.waitUntilReady();
  }

  isRunning(): boolean {
    return this.worker?.isRunning() ?? false;
  }

  async stop(): Promise<void> {
    await this.worker?.close();
    await this.events?.close();
    await this.queue.close();
  }

  /** Removes the waiting jobs of (name, key), except one with the id `keep`. */
  private async removeWaiting(name: string, key: string, keep?: string): Promise<void> {
    const waiting = await this.queue.getJobs(['delayed', 'waiting', 'prioritized']);
    await Promise.all(waiting.filter((j) => j && j.data.name === name && j.data.key === key && j.id !== keep).map((j) => j.remove()));
  }

  private async queueEvents(): Promise<QueueEvents> {
    if (!this.events) {
      this.events = new QueueEvents(this.options.queue, { connection: this.connection });
      await this.events.waitUntilReady();
    }
    return this.events;
  }
}

const jobIdOf = (name: string, key: string, runAt: Date) => `${name}|${key}|${runAt.getTime()}`.replace(/:/g, '_');

const toScheduled = (job: Job<StoredJob>): ScheduledJob => ({
  name: job.data.name,
  key: job.data.key,
  runAt: new Date(job.data.runAt),
  payload: job.data.payload,
});
