import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { type CommandContext, EventStore, handleCommand, NotFound } from '@regie/es-core';
import { actionDecider, actionStream, type ActionCommand } from '../action/action';
import { knelpuntDecider, knelpuntStream, type KnelpuntCommand } from '../knelpunt/knelpunt';
import { milestoneDecider, milestoneStream, type MilestoneCommand } from '../milestone/milestone';
import { werkagendaDecider, werkagendaStream, type WerkagendaCommand } from '../werkagenda/werkagenda';

/** One bus command per aggregate: it carries the decider's command and the request context. */
export class WerkagendaCommandMessage {
  constructor(
    readonly werkagendaId: string,
    readonly command: WerkagendaCommand,
    readonly context: CommandContext,
  ) {}
}
export class ActionCommandMessage {
  constructor(
    readonly code: string,
    readonly command: ActionCommand,
    readonly context: CommandContext,
  ) {}
}
export class MilestoneCommandMessage {
  constructor(
    readonly milestoneId: string,
    readonly command: MilestoneCommand,
    readonly context: CommandContext,
  ) {}
}
export class KnelpuntCommandMessage {
  constructor(
    readonly knelpuntId: string,
    readonly command: KnelpuntCommand,
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(WerkagendaCommandMessage)
export class WerkagendaCommandHandler implements ICommandHandler<WerkagendaCommandMessage> {
  constructor(private readonly store: EventStore) {}
  execute({ werkagendaId, command, context }: WerkagendaCommandMessage) {
    return handleCommand(this.store, werkagendaStream(werkagendaId), werkagendaDecider, command, context);
  }
}

@CommandHandler(ActionCommandMessage)
export class ActionCommandHandler implements ICommandHandler<ActionCommandMessage> {
  constructor(private readonly store: EventStore) {}
  execute({ code, command, context }: ActionCommandMessage) {
    return handleCommand(this.store, actionStream(code), actionDecider, command, context);
  }
}

@CommandHandler(MilestoneCommandMessage)
export class MilestoneCommandHandler implements ICommandHandler<MilestoneCommandMessage> {
  constructor(private readonly store: EventStore) {}
  async execute({ milestoneId, command, context }: MilestoneCommandMessage) {
    if (command.type === 'PlanMilestone') await assertActionExists(this.store, command.data.actionCode);
    return handleCommand(this.store, milestoneStream(milestoneId), milestoneDecider, command, context);
  }
}

@CommandHandler(KnelpuntCommandMessage)
export class KnelpuntCommandHandler implements ICommandHandler<KnelpuntCommandMessage> {
  constructor(private readonly store: EventStore) {}
  async execute({ knelpuntId, command, context }: KnelpuntCommandMessage) {
    if (command.type === 'RaiseKnelpunt') await assertActionExists(this.store, command.data.actionCode);
    return handleCommand(this.store, knelpuntStream(knelpuntId), knelpuntDecider, command, context);
  }
}

async function assertActionExists(store: EventStore, code: string): Promise<void> {
  const [first] = await store.readStream(actionStream(code), { maxCount: 1 });
  if (!first) throw new NotFound(`actie ${code} bestaat niet`);
}

export const AGGREGATE_COMMAND_HANDLERS = [WerkagendaCommandHandler, ActionCommandHandler, MilestoneCommandHandler, KnelpuntCommandHandler];
