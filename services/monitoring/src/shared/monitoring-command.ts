import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { type CommandContext, EventStore, handleCommand } from '@regie/es-core';
import { indicatorStream } from '../indicator/indicator';
import { type IndicatorCommand, indicatorDecider } from '../indicator/indicator.decide';
import { type PublicationCommand, projectionStream, publicationDecider } from '../projection/publication';

/** The bus commands of monitoring's aggregates: the decider's command and the request context. */
export class IndicatorCommandMessage {
  constructor(
    readonly indicatorId: string,
    readonly command: IndicatorCommand,
    readonly context: CommandContext,
  ) {}
}
export class PublicationCommandMessage {
  constructor(
    readonly quarter: string,
    readonly command: PublicationCommand,
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(IndicatorCommandMessage)
export class IndicatorCommandHandler implements ICommandHandler<IndicatorCommandMessage> {
  constructor(private readonly store: EventStore) {}
  execute({ indicatorId, command, context }: IndicatorCommandMessage) {
    return handleCommand(this.store, indicatorStream(indicatorId), indicatorDecider, command, context);
  }
}

@CommandHandler(PublicationCommandMessage)
export class PublicationCommandHandler implements ICommandHandler<PublicationCommandMessage> {
  constructor(private readonly store: EventStore) {}
  execute({ quarter, command, context }: PublicationCommandMessage) {
    return handleCommand(this.store, projectionStream(quarter), publicationDecider, command, context);
  }
}

export const MONITORING_COMMAND_HANDLERS = [IndicatorCommandHandler, PublicationCommandHandler];
