import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import type { CommandContext } from '@regie/es-core';
import { Allow, Changed, Ctx, Operation, type Refusal, withRevision, zodParam } from '@regie/nest-kit';
import { Commands } from '@regie/context';
import { Meeting } from '../meetings.commands';
import { instant, text, uuidParam } from '../shared/schemas';

class RescheduleBody extends createZodDto(z.object({ startsAt: instant, reason: text(1000) })) {}
class CancelBody extends createZodDto(z.object({ reason: text(1000) })) {}

const id = zodParam('id', uuidParam);
const refusals: Refusal[] = [400, 401, 403, 404, 409];

const respond = (res: Response, meetingId: string, result: { revision: number }) =>
  withRevision(res, result.revision, { id: meetingId, revision: result.revision });

/** One occurrence at a time: moving or cancelling it leaves the rest of the series as it is. */
@ApiTags('overleggen')
@Allow('coordinator')
@Controller('api/v1/meetings/:id')
export class MeetingScheduleController {
  constructor(private readonly commands: Commands) {}

  @Post('reschedule')
  @Operation({ summary: 'Verplaatst een overleg, met reden', answers: { type: Changed }, refusals })
  @HttpCode(200)
  async reschedule(
    @Param('id', id) meetingId: string,
    @Body() body: RescheduleBody,
    @Ctx() ctx: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    const command = {
      type: 'RescheduleMeeting' as const,
      data: { meetingId, startsAt: body.startsAt, reason: body.reason, now: ctx.now.toISOString() },
    };
    return respond(res, meetingId, await this.commands.run(new Meeting.Command(meetingId, command, ctx)));
  }

  @Post('cancel')
  @Operation({ summary: 'Zegt een overleg af, met reden', answers: { type: Changed }, refusals })
  @HttpCode(200)
  async cancel(
    @Param('id', id) meetingId: string,
    @Body() body: CancelBody,
    @Ctx() ctx: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    return respond(
      res,
      meetingId,
      await this.commands.run(new Meeting.Command(meetingId, { type: 'CancelMeeting', data: { meetingId, reason: body.reason } }, ctx)),
    );
  }

  @Post('held')
  @Operation({ summary: 'Meldt een overleg als gehouden', answers: { type: Changed }, refusals })
  @HttpCode(200)
  async held(@Param('id', id) meetingId: string, @Ctx() ctx: CommandContext, @Res({ passthrough: true }) res: Response) {
    return respond(
      res,
      meetingId,
      await this.commands.run(
        new Meeting.Command(meetingId, { type: 'MarkMeetingHeld', data: { meetingId, now: ctx.now.toISOString() } }, ctx),
      ),
    );
  }

  @Post('minutes/approve')
  @Operation({ summary: 'Stelt het verslag van een overleg vast', answers: { type: Changed }, refusals })
  @HttpCode(200)
  async approve(@Param('id', id) meetingId: string, @Ctx() ctx: CommandContext, @Res({ passthrough: true }) res: Response) {
    return respond(
      res,
      meetingId,
      await this.commands.run(
        new Meeting.Command(meetingId, { type: 'ApproveMinutes', data: { meetingId, now: ctx.now.toISOString() } }, ctx),
      ),
    );
  }
}
