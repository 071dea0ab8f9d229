import { Injectable, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  Clock,
  type CommandContext,
  DomainError,
  EventStore,
  newId,
  PersonalDataVault,
  type RecordedEvent,
  stableId,
} from '@regie/es-core';
import { commitmentStream } from '../commitment/commitment';
import { parseMadeBy, sealMadeBy } from '../commitment/made-by';
import type { CommitmentCommand } from '../commitment/commitment.decide';
import { resolveDue } from '../due/resolve-due';
import { CommitmentJobs } from '../jobs/commitment-jobs';
import { Commitment } from '../commitments.commands';
import { type SeedCommitment, TOEZEGGINGEN_SEED } from './toezeggingen.seed-data';

export interface CommitmentsSeedOutcome {
  commands: number;
  streams: number;
}

/** One step of a seeded history: applies from `on`, and knows from the stream whether it happened. */
interface SeedStep {
  on: string;
  done: (history: RecordedEvent[]) => boolean;
  /** Made only when the step runs: sealing a name makes its key, and a step already done must not. */
  command: (vault: PersonalDataVault) => Promise<CommitmentCommand>;
}

/** The stream id of a seeded commitment, stable across runs. */
export const seedCommitmentId = (key: string): string => stableId(`commitment:${key}`);

/**
 * Seeds the toezeggingen of the source documents through the command bus, so their history
 * (made, postponed, fulfilled) is ordinary history and replays. Idempotent per step, judged by
 * the stream's content rather than its revision (the jobs may have added overdue or due-soon
 * events in between): a second run adds nothing, an interrupted run completes, and a step dated
 * after "now" waits for a later start. Deadline jobs are brought in line once per stream, after
 * its steps, so a past deadline cannot fire between two seeded steps.
 */
@Injectable()
export class CommitmentsSeeder {
  private readonly logger = new Logger('seed');

  constructor(
    private readonly commands: CommandBus,
    private readonly store: EventStore,
    private readonly clock: Clock,
    private readonly jobs: CommitmentJobs,
    private readonly vault: PersonalDataVault,
  ) {}

  async seed(): Promise<CommitmentsSeedOutcome> {
    const today = this.clock.today();
    let commands = 0;
    for (const seed of TOEZEGGINGEN_SEED) {
      const commitmentId = seedCommitmentId(seed.key);
      const history = await this.store.readStream(commitmentStream(commitmentId));
      let applied = 0;
      try {
        for (const step of steps(seed, commitmentId, today)) {
          if (step.on > today) break;
          if (step.done(history)) continue;
          await this.commands.execute(
            new Commitment.Command(commitmentId, await step.command(this.vault), this.context(), { syncJobs: false }),
          );
          applied++;
        }
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        // Someone changed this commitment by hand in a way its documented history cannot follow.
        this.logger.warn(`toezegging ${seed.key}: seedstap overgeslagen: ${error.message}`);
      }
      if (applied > 0) await this.jobs.syncStream(commitmentId);
      commands += applied;
    }
    if (commands > 0) this.logger.log(`toezeggingen seeded: ${commands} commands`);
    return { commands, streams: TOEZEGGINGEN_SEED.length };
  }

  private context(): CommandContext {
    return {
      actor: { userId: 'seed', role: 'system' },
      correlationId: stableId('seed:commitments'),
      causationId: newId(),
      now: this.clock.now(),
    };
  }
}

function steps(seed: SeedCommitment, commitmentId: string, today: string): SeedStep[] {
  const has =
    (type: string, match: (data: Record<string, unknown>) => boolean = () => true) =>
    (history: RecordedEvent[]) =>
      history.some((e) => e.type === type && match(e.data as Record<string, unknown>));
  const register: SeedStep = {
    on: seed.madeAt.date,
    done: (history) => history.length > 0,
    command: async (vault) => ({
      type: 'RegisterCommitment',
      data: {
        commitmentId,
        text: seed.text,
        madeBy: await sealMadeBy(vault, parseMadeBy(seed.madeBy)),
        madeAt: seed.madeAt,
        due: resolveDue(seed.due, seed.madeAt.date),
        actionCodes: seed.actionCodes,
        externalRef: null,
      },
    }),
  };
  const postponements = seed.postponements.map((p): SeedStep => {
    const due = resolveDue(p.due, p.knownOn);
    return {
      on: p.knownOn,
      done: has('CommitmentPostponed', (d) => (d.due as { date: string | null }).date === due.date),
      command: async () => ({ type: 'PostponeCommitment', data: { commitmentId, due, reason: p.reason, source: p.announcedIn } }),
    };
  });
  const fulfilled = seed.fulfilment;
  const fulfilment: SeedStep[] = fulfilled
    ? [
        {
          on: fulfilled.knownOn,
          done: has('CommitmentFulfilled'),
          command: async () => ({ type: 'FulfilCommitment', data: { commitmentId, document: fulfilled.document, today } }),
        },
      ]
    : [];
  return [register, ...postponements, ...fulfilment];
}
