import { Injectable, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ReadModel } from '@regie/context';
import {
  Clock,
  type CommandContext,
  DomainError,
  EventStore,
  IllegalTransition,
  InvalidInput,
  newId,
  PersonalDataVault,
  stateOf,
} from '@regie/es-core';
import { type CommitmentState, commitmentStream, isClosed } from '../commitment/commitment';
import { type CommitmentCommand, commitmentDecider } from '../commitment/commitment.decide';
import { sealMadeBy } from '../commitment/made-by';
import { CommitmentJobs } from '../jobs/commitment-jobs';
import { Commitment } from '../commitments.commands';
import { type FieldError, planRecord, type TkPlan } from './tk-record';

export interface ImportSummary {
  /** Records that registered a commitment. */
  imported: number;
  /** Records that changed a known commitment (text, due date, fulfilled, withdrawn). */
  updated: number;
  /** Records that asked nothing new: the same or an older version, or a deleted unknown record. */
  unchanged: number;
  /** Malformed or impossible records, by their position in `value`; the others were imported. */
  rejected: { index: number; id: string | null; errors: FieldError[] }[];
}

/**
 * Imports Tweede Kamer Toezegging records (OData JSON) through ordinary commands. Idempotent by
 * the record's Id (one stream per Id) and by content: importing the same file again records
 * nothing. The mapping is documented in tk-record.ts and the README.
 */
@Injectable()
export class TweedeKamerImporter {
  private readonly logger = new Logger('tk-import');

  constructor(
    private readonly commands: CommandBus,
    private readonly store: EventStore,
    private readonly clock: Clock,
    private readonly readModel: ReadModel<unknown>,
    private readonly jobs: CommitmentJobs,
    private readonly vault: PersonalDataVault,
  ) {}

  /** `odata` is the parsed JSON body `{"value": [Toezegging, …]}`. Answers once the read model has it. */
  async import(odata: unknown, context?: CommandContext): Promise<ImportSummary> {
    const records = (odata as { value?: unknown } | null)?.value;
    if (!Array.isArray(records)) throw new InvalidInput('value', 'verwacht OData JSON: {"value": [Toezegging, …]}');
    const ctx = context ?? {
      actor: { userId: 'tk-import', role: 'system' },
      correlationId: newId(),
      causationId: newId(),
      now: this.clock.now(),
    };
    const summary: ImportSummary = { imported: 0, updated: 0, unchanged: 0, rejected: [] };
    let position = 0;
    for (const [index, raw] of records.entries()) {
      const planned = planRecord(raw, this.clock.today());
      if (!planned.ok) {
        summary.rejected.push({ index, id: planned.id, errors: planned.errors });
        continue;
      }
      let touched = false;
      const recorded = (at: number) => {
        position = Math.max(position, at);
        touched ||= at > 0;
      };
      try {
        const outcome = await this.apply(planned.plan, { ...ctx, expectedRevision: undefined }, recorded);
        summary[outcome]++;
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        const field = error instanceof InvalidInput ? error.field : error instanceof IllegalTransition ? 'Status' : '(record)';
        summary.rejected.push({ index, id: (raw as { Id: string }).Id, errors: [{ field, message: error.message }] });
      } finally {
        // Once per record, after all its commands: a past deadline must not fire between them.
        if (touched) await this.jobs.syncStream(planned.plan.commitmentId);
      }
    }
    await this.readModel.caughtUpTo(position, 30_000);
    this.logger.log(
      `Tweede Kamer import: ${summary.imported} nieuw, ${summary.updated} gewijzigd, ${summary.unchanged} ongewijzigd, ${summary.rejected.length} afgewezen`,
    );
    return summary;
  }

  private async apply(
    plan: TkPlan,
    ctx: CommandContext,
    advanced: (position: number) => void,
  ): Promise<'imported' | 'updated' | 'unchanged'> {
    const { commitmentId } = plan;
    const state = stateOf(commitmentDecider, await this.store.readStream(commitmentStream(commitmentId)));
    let recorded = 0;
    const run = async (command: CommitmentCommand) => {
      const result = await this.commands.execute(new Commitment.Command(commitmentId, command, ctx, { syncJobs: false }));
      recorded += result.events.length;
      advanced(result.position);
    };
    if (!state.exists) {
      if (!plan.registration) return 'unchanged'; // deleted before we ever saw it: nothing to withdraw
      await run({
        type: 'RegisterCommitment',
        data: { ...plan.registration, madeBy: await sealMadeBy(this.vault, plan.registration.madeBy) },
      });
      await this.close(plan, state, run);
      return 'imported';
    }
    if (!newer(plan.changedAt, state.externalRef?.changedAt ?? null)) return 'unchanged';
    if (plan.registration) {
      const { text, due } = plan.registration;
      await run({ type: 'UpdateCommitmentFromSource', data: { commitmentId, text, due, sourceChangedAt: plan.changedAt } });
    }
    await this.close(plan, state, run);
    return recorded > 0 ? 'updated' : 'unchanged';
  }

  /** Fulfils or withdraws as the record's status asks; `state` is from before this record. */
  private async close(plan: TkPlan, state: CommitmentState, run: (command: CommitmentCommand) => Promise<void>): Promise<void> {
    const { commitmentId } = plan;
    const closed = state.exists && isClosed(state.status);
    if (plan.target === 'open' && closed) {
      throw new IllegalTransition(
        `de Tweede Kamer meldt de toezegging weer als open, maar die is al ${state.status === 'fulfilled' ? 'nagekomen' : 'ingetrokken'}; heropenen kan niet`,
      );
    }
    if (plan.target === 'fulfilled' && plan.fulfilment && state.status !== 'fulfilled') {
      await run({ type: 'FulfilCommitment', data: { commitmentId, document: plan.fulfilment, today: this.clock.today() } });
    }
    if (plan.target === 'withdrawn' && plan.withdrawalReason && !closed) {
      await run({ type: 'WithdrawCommitment', data: { commitmentId, reason: plan.withdrawalReason, source: 'Tweede Kamer open data' } });
    }
  }
}

const newer = (changedAt: string, known: string | null): boolean => known === null || Date.parse(changedAt) > Date.parse(known);
