import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import type { CommandContext } from '@regie/es-core';
import {
  Allow,
  Caller,
  Changed,
  Ctx,
  IdempotentWrites,
  Operation,
  type Principal,
  type Refusal,
  requireRole,
  ScopedBy,
  withRevision,
  zodParam,
} from '@regie/nest-kit';
import { Commands } from '@regie/context';
import { MeetingsQueries } from '../read-model/meetings.queries';
import { Meeting } from '../meetings.commands';
import { instant, text, uuidParam } from '../shared/schemas';

class RescheduleBody extends createZodDto(
  z.object({
    startsAt: instant,
    reason: text(1000),
    confirmHoliday: z.boolean({ error: 'verwacht true of false' }).optional().describe('Bevestigt een nieuwe datum op een feestdag'),
  }),
) {}
class CancelBody extends createZodDto(z.object({ reason: text(1000) })) {}
/** A function or party ("VWS", "DG Curatieve Zorg"), not a person's name. */
class ChairBody extends createZodDto(z.object({ chair: text(200) })) {}

const id = zodParam('id', uuidParam);
const refusals: Refusal[] = [400, 401, 403, 404, 409];

const respond = (res: Response, meetingId: string, result: { revision: number }) =>
  withRevision(res, result.revision, { id: meetingId, revision: result.revision });

/** One occurrence at a time: moving or cancelling it leaves the rest of the series as it is. */
@ApiTags('overleggen')
@Allow('coordinator')
@ScopedBy({ param: 'id', kind: 'meeting' })
@IdempotentWrites()
@Controller('api/v1/meetings/:id')
export class MeetingScheduleController {
  constructor(
    private readonly commands: Commands,
    private readonly queries: MeetingsQueries,
  ) {}

  @Post('reschedule')
  @Operation({
    summary: 'Verplaatst een overleg, met reden; naar een feestdag alleen met confirmHoliday: true',
    answers: { type: Changed },
    refusals,
  })
  @HttpCode(200)
  async reschedule(
    @Param('id', id) meetingId: string,
    @Body() body: RescheduleBody,
    @Ctx() ctx: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    const command = {
      type: 'RescheduleMeeting' as const,
      data: { meetingId, startsAt: body.startsAt, reason: body.reason, now: ctx.now.toISOString(), confirmHoliday: body.confirmHoliday },
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

  /**
   * Holding freezes the agenda: a draft never published is published as it stands, in the same
   * append (AgendaPublished with frozenBy "held"). A meeting past its end may still be recorded
   * as held; the moment of recording is kept beside it. The coordinator records any meeting; the
   * chair of the regiegroep, a director, records the regiegroep.
   */
  @Post('held')
  @Allow('coordinator', 'director')
  @Operation({
    summary: 'Meldt een overleg als gehouden; een nog niet gepubliceerde agenda wordt daarmee vastgelegd zoals zij staat',
    answers: { type: Changed },
    refusals,
  })
  @HttpCode(200)
  async held(
    @Param('id', id) meetingId: string,
    @Ctx() ctx: CommandContext,
    @Caller() caller: Principal,
    @Res({ passthrough: true }) res: Response,
  ) {
    const meeting = await this.queries.meeting(meetingId);
    if (meeting.kind !== 'regiegroep')
      requireRole(
        caller,
        'coordinator',
        'Alleen de coördinator legt vast dat dit overleg gehouden is; bij de regiegroep ook een directeur.',
      );
    const draft = meeting.publishedAgenda ? [] : await this.queries.agendaOf(meeting, ctx.now);
    return respond(
      res,
      meetingId,
      await this.commands.run(
        new Meeting.Command(meetingId, { type: 'MarkMeetingHeld', data: { meetingId, now: ctx.now.toISOString(), draft } }, ctx),
      ),
    );
  }

  @Post('chair')
  @Operation({ summary: 'Wijzigt de voorzitter van één overleg (standaard die van de overlegvorm)', answers: { type: Changed }, refusals })
  @HttpCode(200)
  async chair(
    @Param('id', id) meetingId: string,
    @Body() body: ChairBody,
    @Ctx() ctx: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    const previousChair = await this.queries.chairOf(await this.queries.meeting(meetingId));
    return respond(
      res,
      meetingId,
      await this.commands.run(
        new Meeting.Command(meetingId, { type: 'ChangeMeetingChair', data: { meetingId, chair: body.chair, previousChair } }, ctx),
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
