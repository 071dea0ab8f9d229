import type { Clock } from './clock';
import { type JobHandler, JobScheduler, type ScheduledJob } from './job-scheduler';

/**
 * The embedded default: jobs live in memory and fire on the injected clock (REGIE_NOW shifts
 * it). Nothing survives a restart, by design: each service re-derives its jobs from its own
 * state at start (e.g. every open commitment's deadline), and jobs whose moment passed while
 * the process was down then run at once.
 */
export class InProcessScheduler extends JobScheduler {
  readonly kind = 'inprocess';
  private readonly handlers = new Map<string, JobHandler>();
  private readonly jobs = new Map<string, ScheduledJob>();
  /** Jobs under way, with their names. */
  private readonly running = new Map<Promise<void>, string>();
  private timer?: NodeJS.Timeout;
  private started = false;

  constructor(
    private readonly clock: Clock,
    private readonly tickMs = 1000,
    private readonly onError: (job: ScheduledJob, error: unknown) => void = () => undefined,
  ) {
    super();
  }

  register(name: string, handler: JobHandler): void {
    this.handlers.set(name, handler);
  }

  async schedule(job: ScheduledJob): Promise<void> {
    this.jobs.set(idOf(job.name, job.key), { ...job, runAt: new Date(job.runAt) });
    if (this.started) this.tick();
  }

  async cancel(name: string, key: string): Promise<void> {
    this.jobs.delete(idOf(name, key));
  }

  async list(): Promise<ScheduledJob[]> {
    return [...this.jobs.values()].sort((a, b) => a.runAt.getTime() - b.runAt.getTime());
  }

  /**
   * Runs every waiting job of a name now, and resolves when they ran, together with any of that
   * name a tick had already started (a job scheduled for a past moment starts at once): what the
   * caller then reads is what the jobs left.
   */
  async runNow(name: string): Promise<number> {
    const due = [...this.jobs.values()].filter((job) => job.name === name);
    const underWay = [...this.running].filter(([, running]) => running === name).map(([done]) => done);
    await Promise.all([...due.map((job) => this.run(job)), ...underWay]);
    return due.length;
  }

  async start(): Promise<void> {
    this.started = true;
    this.tick();
    // A timer per tick rather than per job: the clock may be shifted or jump (REGIE_NOW, tests).
    this.timer = setInterval(() => this.tick(), this.tickMs);
    this.timer.unref();
  }

  isRunning(): boolean {
    return this.started;
  }

  async stop(): Promise<void> {
    this.started = false;
    clearInterval(this.timer);
    await Promise.allSettled([...this.running.keys()]);
  }

  /** Runs what is due now; exposed for tests that move a manual clock. */
  tick(): void {
    const now = this.clock.now().getTime();
    for (const job of this.jobs.values()) if (job.runAt.getTime() <= now) void this.run(job);
  }

  private run(job: ScheduledJob): Promise<void> {
    const id = idOf(job.name, job.key);
    if (this.jobs.get(id) !== job) return Promise.resolve(); // rescheduled or already taken
    this.jobs.delete(id);
    const handler = this.handlers.get(job.name);
    const done = (handler ? handler(job) : Promise.reject(new Error(`no handler for job ${job.name}`)))
      .catch((error) => {
        this.onError(job, error);
        if (!this.jobs.has(id)) this.jobs.set(id, { ...job, runAt: new Date(this.clock.now().getTime() + 30_000) });
      })
      .finally(() => this.running.delete(done));
    this.running.set(done, job.name);
    return done;
  }
}

const idOf = (name: string, key: string) => `${name}\u0000${key}`;
