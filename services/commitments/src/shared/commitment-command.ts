import type { CommandContext } from '@regie/es-core';
import type { CommitmentCommand } from '../commitment/commitment.decide';

export interface CommitmentCommandOptions {
  /**
   * Bring the commitment's deadline jobs in line with its state after the command (default).
   * The seeder turns it off while it replays a stream and syncs once at the end, so a past
   * deadline cannot fire between two seeded steps of the same history.
   */
  syncJobs?: boolean;
}

/** The bus command of the Commitment aggregate: the decider's command and the request context. */
export class CommitmentCommandMessage {
  constructor(
    readonly commitmentId: string,
    readonly command: CommitmentCommand,
    readonly context: CommandContext,
    readonly options: CommitmentCommandOptions = {},
  ) {}
}
