import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { type CommandContext, EventStore, handleCommand, Upcasters } from '@regie/es-core';
import { meetingStream } from '../meeting/meeting';
import { type MeetingCommand, meetingDecider } from '../meeting/meeting.decide';
import { MEETING_UPCASTERS } from '../meeting/meeting.upcasters';
import { type MeetingSeriesCommand, meetingSeriesDecider, meetingSeriesStream } from '../series/meeting-series';

/** New events at their current schema versions, whichever store is underneath. */
const SCHEMA_VERSIONS = new Upcasters(MEETING_UPCASTERS).currentVersions;

/** One bus command per aggregate: it carries the decider's command and the request context. */
export class MeetingSeriesCommandMessage {
  constructor(
    readonly seriesId: string,
    readonly command: MeetingSeriesCommand,
    readonly context: CommandContext,
  ) {}
}
export class MeetingCommandMessage {
  constructor(
    readonly meetingId: string,
    readonly command: MeetingCommand,
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(MeetingSeriesCommandMessage)
export class MeetingSeriesCommandHandler implements ICommandHandler<MeetingSeriesCommandMessage> {
  constructor(private readonly store: EventStore) {}
  execute({ seriesId, command, context }: MeetingSeriesCommandMessage) {
    return handleCommand(this.store, meetingSeriesStream(seriesId), meetingSeriesDecider, command, context);
  }
}

@CommandHandler(MeetingCommandMessage)
export class MeetingCommandHandler implements ICommandHandler<MeetingCommandMessage> {
  constructor(private readonly store: EventStore) {}
  execute({ meetingId, command, context }: MeetingCommandMessage) {
    return handleCommand(this.store, meetingStream(meetingId), meetingDecider, command, context, SCHEMA_VERSIONS);
  }
}

export const AGGREGATE_COMMAND_HANDLERS = [MeetingSeriesCommandHandler, MeetingCommandHandler];
