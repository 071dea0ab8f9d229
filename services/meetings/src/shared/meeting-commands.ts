import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandContext, HandleResult } from '@regie/es-core';
import type { MeetingCommand } from '../meeting/meeting.decide';
import { MeetingsReadModelSync } from '../read-model/read-model-sync';
import { MeetingCommandMessage } from './aggregate-command';

/** Sends a meeting command and waits until the read model includes it (read-your-writes). */
@Injectable()
export class MeetingCommands {
  constructor(
    private readonly commands: CommandBus,
    private readonly sync: MeetingsReadModelSync,
  ) {}

  async run(meetingId: string, command: MeetingCommand, ctx: CommandContext): Promise<HandleResult<never>> {
    const result: HandleResult<never> = await this.commands.execute(new MeetingCommandMessage(meetingId, command, ctx));
    await this.sync.caughtUpTo(result.position);
    return result;
  }
}
