import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EventStore, handleCommand, type HandleResult, Upcasters } from '@regie/es-core';
import { type CommitmentEvent, commitmentStream } from '../commitment/commitment';
import { commitmentDecider } from '../commitment/commitment.decide';
import { COMMITMENT_UPCASTERS } from '../commitment/commitment.upcasters';
import { CommitmentJobs } from '../jobs/commitment-jobs';
import { CommitmentCommandMessage } from './commitment-command';

/** Commands the jobs send: even when they record nothing, the jobs are re-checked (a run before the moment reschedules). */
const FROM_JOBS = new Set(['MarkCommitmentOverdue', 'MarkCommitmentDueSoon']);
/** New events at their current schema versions, whichever store is underneath. */
const SCHEMA_VERSIONS = new Upcasters(COMMITMENT_UPCASTERS).currentVersions;

@CommandHandler(CommitmentCommandMessage)
export class CommitmentCommandHandler implements ICommandHandler<CommitmentCommandMessage> {
  constructor(
    private readonly store: EventStore,
    private readonly jobs: CommitmentJobs,
  ) {}

  async execute({ commitmentId, command, context, options }: CommitmentCommandMessage): Promise<HandleResult<CommitmentEvent>> {
    const result = await handleCommand(this.store, commitmentStream(commitmentId), commitmentDecider, command, context, SCHEMA_VERSIONS);
    if (options.syncJobs !== false && (result.events.length > 0 || FROM_JOBS.has(command.type))) {
      await this.jobs.syncStream(commitmentId);
    }
    return result;
  }
}
