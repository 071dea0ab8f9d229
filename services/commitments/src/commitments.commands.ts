import { defineAggregate } from '@regie/context';
import { type CommitmentEvent, type CommitmentState, commitmentStream } from './commitment/commitment';
import { type CommitmentCommand, commitmentDecider } from './commitment/commitment.decide';
import { COMMITMENT_UPCASTERS } from './commitment/commitment.upcasters';

export interface CommitmentCommandOptions {
  /**
   * Bring the commitment's deadline jobs in line with its state after the command (default).
   * The seeder and the import turn it off while they replay a stream and sync once at the end,
   * so a past deadline cannot fire between two steps of the same history.
   */
  syncJobs?: boolean;
}

/** What keeps each commitment's deadline jobs (CommitmentJobs), by token: the jobs send commands themselves. */
export const DEADLINE_JOBS = Symbol('DEADLINE_JOBS');
export interface DeadlineJobs {
  syncStream(commitmentId: string): Promise<void>;
}

/** Commands the jobs send: even when they record nothing, the jobs are re-checked (a run before the moment reschedules). */
const FROM_JOBS = new Set(['MarkCommitmentOverdue', 'MarkCommitmentDueSoon']);

/** The commitments context's aggregate on the command bus: `new Commitment.Command(id, command, ctx, options)`. */
export const Commitment = defineAggregate<CommitmentCommand, CommitmentEvent, CommitmentState, CommitmentCommandOptions>({
  stream: commitmentStream,
  decider: commitmentDecider,
  upcasters: COMMITMENT_UPCASTERS,
  after: async (message, result, hook) => {
    if (message.options.syncJobs !== false && (result.events.length > 0 || FROM_JOBS.has(message.command.type))) {
      await hook.get<DeadlineJobs>(DEADLINE_JOBS).syncStream(message.id);
    }
  },
});

export const COMMITMENTS_AGGREGATES = [Commitment];

/** Every event the commitments context records. */
export type CommitmentsDomainEvent = CommitmentEvent;
