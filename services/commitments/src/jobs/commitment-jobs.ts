import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { Commands, ReadModel } from '@regie/context';
import { Clock, type CommandContext, EventStore, JobScheduler, newId, type ScheduledJob, stableId, stateOf } from '@regie/es-core';
import { type CommitmentStatus, commitmentStream, isPending } from '../commitment/commitment';
import { addDays, startOfAmsterdamDay } from '@regie/calendar';
import { type CommitmentCommand, commitmentDecider } from '../commitment/commitment.decide';
import { CommitmentsQueries, type PendingCommitment } from '../read-model/commitments.queries';
import { Commitment } from '../commitments.commands';
import { COMMITMENTS_CONFIG, type CommitmentsConfig } from '../shared/config';

/** Job names; the key of every job is the commitment id, so rescheduling replaces. */
export const COMMITMENT_JOBS = { overdue: 'commitment-overdue', dueSoon: 'commitment-due-soon' } as const;

/** The payload of both jobs: the deadline they were scheduled for. */
export interface DeadlinePayload {
  commitmentId: string;
  dueDate: string;
}

/** The deadline job runs when the due date has passed: at the start of the next day in Amsterdam. */
export const overdueMoment = (dueDate: string): Date => startOfAmsterdamDay(addDays(dueDate, 1));
/** The look-ahead job runs at the start of the day `lookaheadDays` before the due date. */
export const dueSoonMoment = (dueDate: string, lookaheadDays: number): Date => startOfAmsterdamDay(addDays(dueDate, -lookaheadDays));

type Jobbed = Pick<PendingCommitment, 'id' | 'dueDate' | 'dueSoonFor'> & { status: CommitmentStatus };

/**
 * Overdue detection and look-ahead notifications as scheduled jobs. The jobs follow each
 * commitment's state: (re)scheduled under the commitment's id whenever it is registered,
 * postponed or updated, cancelled when it is closed; at start every open or postponed
 * commitment gets its jobs again (a moment already past runs at once: catch-up after downtime).
 * A job only sends a command; the decider decides, so a job that runs twice, late, or for a
 * deadline that was postponed in the meantime records nothing extra.
 */
@Injectable()
export class CommitmentJobs implements OnModuleInit {
  private readonly logger = new Logger('commitment-jobs');

  constructor(
    private readonly scheduler: JobScheduler,
    private readonly commands: Commands,
    private readonly store: EventStore,
    private readonly clock: Clock,
    private readonly readModel: ReadModel<CommitmentsQueries>,
    @Inject(COMMITMENTS_CONFIG) private readonly config: CommitmentsConfig,
  ) {}

  onModuleInit(): void {
    this.scheduler.register(COMMITMENT_JOBS.overdue, (job) => this.run(job));
    this.scheduler.register(COMMITMENT_JOBS.dueSoon, (job) => this.run(job));
  }

  /** Re-derives the jobs of every open or postponed commitment from the read model. */
  async rederive(): Promise<number> {
    if (!(await this.readModel.caughtUpTo(await this.store.headPosition(), 60_000))) {
      this.logger.warn('read model not caught up: jobs of the newest commitments follow with their next change');
    }
    const pending = await this.readModel.queries.pending();
    for (const commitment of pending) await this.sync(commitment);
    if (pending.length > 0) this.logger.log(`deadline jobs for ${pending.length} open commitments`);
    return pending.length;
  }

  /** Brings one commitment's jobs in line with its state in the store. */
  async syncStream(commitmentId: string): Promise<void> {
    const state = stateOf(commitmentDecider, await this.store.readStream(commitmentStream(commitmentId)));
    if (!state.exists) return;
    await this.sync({ id: commitmentId, status: state.status, dueDate: state.due?.date ?? null, dueSoonFor: state.dueSoonFor });
  }

  async sync({ id, status, dueDate, dueSoonFor }: Jobbed): Promise<void> {
    const pending = isPending(status) && dueDate !== null;
    if (pending) {
      await this.scheduler.schedule({
        name: COMMITMENT_JOBS.overdue,
        key: id,
        runAt: overdueMoment(dueDate),
        payload: { commitmentId: id, dueDate },
      });
    } else {
      await this.scheduler.cancel(COMMITMENT_JOBS.overdue, id);
    }
    if (pending && dueSoonFor !== dueDate && this.clock.today() <= dueDate) {
      const runAt = dueSoonMoment(dueDate, this.config.lookaheadDays);
      await this.scheduler.schedule({ name: COMMITMENT_JOBS.dueSoon, key: id, runAt, payload: { commitmentId: id, dueDate } });
    } else {
      await this.scheduler.cancel(COMMITMENT_JOBS.dueSoon, id);
    }
  }

  private async run(job: ScheduledJob): Promise<void> {
    const { commitmentId, dueDate } = job.payload as DeadlinePayload;
    const today = this.clock.today();
    const command: CommitmentCommand =
      job.name === COMMITMENT_JOBS.overdue
        ? { type: 'MarkCommitmentOverdue', data: { commitmentId, dueDate, today } }
        : { type: 'MarkCommitmentDueSoon', data: { commitmentId, dueDate, today, lookaheadDays: this.config.lookaheadDays } };
    const context: CommandContext = {
      actor: { userId: 'scheduler', role: 'system' },
      correlationId: stableId(`job:${job.name}:${commitmentId}:${dueDate}`),
      causationId: newId(),
      now: this.clock.now(),
    };
    const result = await this.commands.run(new Commitment.Command(commitmentId, command, context));
    for (const event of result.events) this.logger.log(`${event.type} ${commitmentId} (${dueDate})`);
  }
}
