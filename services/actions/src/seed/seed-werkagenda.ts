import { Injectable, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { actionKey, Clock, type CommandContext, EventStore, newId, stableId } from '@regie/es-core';
import { actionStream } from '../action/action';
import { type ActionCommand } from '../action/action.decide';
import { milestoneStream } from '../milestone/milestone';
import { type MilestoneCommand } from '../milestone/milestone.decide';
import { Action, Milestone, Werkagenda } from '../actions.commands';
import { type Party, werkagendaStream } from '../werkagenda/werkagenda';
import { ACTIEPLAN_SEED } from './actieplan.seed-data';
import { type SeedMilestone, WERKAGENDA_SEED } from './werkagenda.seed-data';

/** A stream's seed history: step i produces the event with revision i. */
interface SeedStream {
  streamId: string;
  steps: (() => object)[];
}

export interface SeedOutcome {
  commands: number;
  streams: number;
}

/**
 * Seeds the werkagenda's (the first one and the actieplan dakloosheid) through the command bus, so the seed is ordinary history.
 * Idempotent per step: a stream at revision r gets only steps r+1…, so a second run adds
 * nothing and an interrupted run completes. Steps dated after "now" (e.g. a milestone
 * achieved later than REGIE_NOW) wait for a later start.
 */
@Injectable()
export class WerkagendaSeeder {
  private readonly logger = new Logger('seed');

  constructor(
    private readonly commands: CommandBus,
    private readonly store: EventStore,
    private readonly clock: Clock,
  ) {}

  async seed(): Promise<SeedOutcome> {
    let commands = 0;
    const streams = this.plan();
    for (const stream of streams) {
      const [last] = (await this.store.readStream(stream.streamId)).slice(-1);
      for (const step of stream.steps.slice((last?.revision ?? -1) + 1)) {
        const message = step();
        if (!message) break;
        await this.commands.execute(message);
        commands++;
      }
    }
    if (commands > 0) this.logger.log(`werkagenda seeded: ${commands} commands`);
    return { commands, streams: streams.length };
  }

  private plan(): SeedStream[] {
    return [...this.firstWerkagenda(), ...this.actieplan()];
  }

  private context(werkagendaId: string): () => CommandContext {
    return () => ({
      actor: { userId: 'seed', role: 'system' },
      correlationId: stableId(`seed:${werkagendaId}`),
      causationId: newId(),
      now: this.clock.now(),
    });
  }

  /** "Een betekenisvol leven …": established, then VNG's withdrawal from the bestuurlijke afspraken. */
  private firstWerkagenda(): SeedStream[] {
    const seed = WERKAGENDA_SEED;
    const ctx = this.context(seed.id);
    const parties = partiesFrom(seed);
    const werkagenda: SeedStream = {
      streamId: werkagendaStream(seed.id),
      steps: [
        () =>
          new Werkagenda.Command(
            seed.id,
            {
              type: 'EstablishWerkagenda',
              data: { werkagendaId: seed.id, title: seed.title, period: seed.period, parties, actionLines: seed.actionLines },
            },
            ctx(),
          ),
        ...seed.partyChanges.map((change) => () => {
          const before = parties.find((p) => p.code === change.code) as Party;
          const party: Party = { ...before, bestuurlijkeAfspraken: change.bestuurlijkeAfspraken };
          return new Werkagenda.Command(
            seed.id,
            { type: 'ChangeParty', data: { werkagendaId: seed.id, party, reason: change.reason } },
            ctx(),
          );
        }),
      ],
    };
    const actions: SeedStream[] = seed.actions.map((action) => {
      const define: ActionCommand = {
        type: 'DefineAction',
        data: {
          werkagendaId: seed.id,
          code: action.code,
          actionLine: action.actionLine,
          title: action.title,
          actionHolder: action.actionHolder,
          startActivities: action.startActivities,
        },
      };
      return { streamId: actionStream(action.code), steps: [() => new Action.Command(action.code, define, ctx())] };
    });
    const milestones = seed.actions.flatMap((action) =>
      action.milestones.map((milestone) => this.milestoneStream(action.code, milestone, ctx)),
    );
    return [werkagenda, ...actions, ...milestones];
  }

  /** The actieplan dakloosheid: its first action with the nine pilot regions and their plans van aanpak. */
  private actieplan(): SeedStream[] {
    const seed = ACTIEPLAN_SEED;
    const ctx = this.context(seed.id);
    const parties = partiesFrom(seed);
    const actionLines = seed.actionLines.map((l) => ({ number: l.number, title: l.title }));
    const werkagenda: SeedStream = {
      streamId: werkagendaStream(seed.id),
      steps: [
        () =>
          new Werkagenda.Command(
            seed.id,
            { type: 'EstablishWerkagenda', data: { werkagendaId: seed.id, title: seed.title, period: seed.period, parties, actionLines } },
            ctx(),
          ),
      ],
    };
    const actions: SeedStream[] = seed.actions.map((action) => {
      const key = actionKey(seed.id, action.code);
      const steps: ActionCommand[] = [
        {
          type: 'DefineAction',
          data: {
            werkagendaId: seed.id,
            code: key,
            actionLine: action.actionLine,
            title: action.title,
            actionHolder: action.actionHolder,
            startActivities: action.startActivities,
            actiehouderPersonIds: [],
          },
        },
        ...action.regions.map((r): ActionCommand => ({
          type: 'AddRegion',
          data: { code: key, region: { slug: r.slug, name: r.name, period: r.period, status: r.status } },
        })),
      ];
      return { streamId: actionStream(key), steps: steps.map((command) => () => new Action.Command(key, command, ctx())) };
    });
    const milestones = seed.actions.flatMap((action) =>
      action.milestones.map((m) => this.milestoneStream(actionKey(seed.id, action.code), { ...m, replans: [] }, ctx, m.regionSlug)),
    );
    return [werkagenda, ...actions, ...milestones];
  }

  private milestoneStream(actionCode: string, milestone: SeedMilestone, ctx: () => CommandContext, regionSlug?: string): SeedStream {
    const milestoneId = stableId(`milestone:${milestone.key}`);
    const today = this.clock.today();
    const commands: MilestoneCommand[] = [
      {
        type: 'PlanMilestone',
        data: {
          milestoneId,
          actionCode,
          title: milestone.title,
          dueDate: milestone.dueDate,
          dueDateText: milestone.dueDateText,
          ...(regionSlug ? { regionSlug } : {}),
        },
      },
      ...milestone.replans.map((r): MilestoneCommand => ({
        type: 'ReplanMilestone',
        data: { milestoneId, dueDate: r.dueDate, reason: r.reason },
      })),
      ...(milestone.achievedOn && milestone.achievedOn <= today
        ? [{ type: 'AchieveMilestone', data: { milestoneId, achievedOn: milestone.achievedOn, today } } as MilestoneCommand]
        : []),
    ];
    return {
      streamId: milestoneStream(milestoneId),
      steps: commands.map((command) => () => new Milestone.Command(milestoneId, command, ctx())),
    };
  }
}

/** A seeded werkagenda's parties, members from the start of its period, participation in the afspraken not (yet) recorded. */
export function partiesFrom(seed: {
  period: { from: string };
  parties: readonly { code: string; name: string; role: Party['role'] }[];
}): Party[] {
  return seed.parties.map((p) => ({
    code: p.code,
    name: p.name,
    role: p.role,
    memberFrom: seed.period.from,
    memberTo: null,
    bestuurlijkeAfspraken: null,
  }));
}
