import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EventStore, handleCommand, type HandleResult } from '@regie/es-core';
import { type CommitmentEvent, commitmentStream } from '../commitment/commitment';
import { commitmentDecider } from '../commitment/commitment.decide';
import { CommitmentJobs } from '../jobs/commitment-jobs';
import { CommitmentCommandMessage } from './commitment-command';

/** Commands the jobs send: even when they record nothing, the jobs are re-checked (a run before the moment reschedules). */
const FROM_JOBS = new Set(['MarkCommitmentOverdue', 'MarkCommitmentDueSoon']);

@CommandHandler(CommitmentCommandMessage)
export class CommitmentCommandHandler implements ICommandHandler<CommitmentCommandMessage> {
  constructor(
    private readonly store: EventStore,
    private readonly jobs: CommitmentJobs,
  ) {}

  async execute({ commitmentId, command, context, options }: CommitmentCommandMessage): Promise<HandleResult<CommitmentEvent>> {
    const result = await handleCommand(this.store, commitmentStream(commitmentId), commitmentDecider, command, context);
    if (options.syncJobs !== false && (result.events.length > 0 || FROM_JOBS.has(command.type))) {
      await this.jobs.syncStream(commitmentId);
    }
    return result;
  }
}
