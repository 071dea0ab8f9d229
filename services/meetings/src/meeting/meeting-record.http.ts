import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { amsterdamDate, type CommandContext, InvalidInput, newIdFor, PersonalDataVault } from '@regie/es-core';
import {
  Allow,
  Caller,
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
import { RecordedOnMeeting } from './meeting.responses';
import { MeetingsQueries } from '../read-model/meetings.queries';
import { Commands } from '@regie/context';
import { Meeting } from '../meetings.commands';
import { isoDate, text, uuidParam } from '../shared/schemas';

class DecisionBody extends createZodDto(
  z.object({
    text: text(4000),
    kind: z.enum(['operationeel', 'strategisch'], { error: 'kies operationeel of strategisch' }),
    itemId: uuidParam.optional().describe('Het agendapunt waar het besluit uit voortkwam'),
  }),
) {}
/** `owner` may name a person: personal data, stored sealed and shown as "[verwijderd]" once forgotten. */
class ActionPointBody extends createZodDto(
  z.object({
    text: text(2000),
    owner: text(200),
    dueDate: isoDate,
    itemId: uuidParam.optional().describe('Het agendapunt waar het uit voortkwam'),
  }),
) {}
class CompleteBody extends createZodDto(z.object({ completedOn: isoDate.optional() })) {}

const refusals: Refusal[] = [400, 401, 403, 404, 409];

const id = zodParam('id', uuidParam);

/** The record of a held meeting: besluiten and actiepunten. */
@ApiTags('overleggen')
@IdempotentWrites()
@Controller('api/v1')
export class MeetingRecordController {
  constructor(
    private readonly commands: Commands,
    private readonly queries: MeetingsQueries,
    private readonly vault: PersonalDataVault,
  ) {}

  @Allow('coordinator', 'director')
  @ScopedBy({ param: 'id', kind: 'meeting' })
  @Post('meetings/:id/decisions')
  @Operation({ summary: 'Legt een besluit van een overleg vast', status: 201, answers: { type: RecordedOnMeeting }, refusals })
  async decide(
    @Param('id', id) meetingId: string,
    @Body() body: DecisionBody,
    @Ctx() ctx: CommandContext,
    @Caller() caller: Principal,
    @Res({ passthrough: true }) res: Response,
  ) {
    if (body.kind === 'strategisch') requireRole(caller, 'director', 'Alleen een directeur legt een strategisch besluit vast.');
    const decisionId = newIdFor(ctx, 'decision');
    const result = await this.commands.run(
      new Meeting.Command(
        meetingId,
        {
          type: 'RecordDecision',
          data: {
            meetingId,
            decisionId,
            text: body.text,
            decisionKind: body.kind,
            itemId: await this.onAgenda(meetingId, body.itemId, ctx),
          },
        },
        ctx,
      ),
    );
    return withRevision(res, result.revision, { id: decisionId, meetingId, revision: result.revision });
  }

  @Allow('coordinator')
  @ScopedBy({ param: 'id', kind: 'meeting' })
  @Post('meetings/:id/action-points')
  @Operation({ summary: 'Legt een actiepunt van een overleg vast', status: 201, answers: { type: RecordedOnMeeting }, refusals })
  async assign(
    @Param('id', id) meetingId: string,
    @Body() body: ActionPointBody,
    @Ctx() ctx: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    const actionPointId = newIdFor(ctx, 'action-point');
    const result = await this.commands.run(
      new Meeting.Command(
        meetingId,
        {
          type: 'AssignActionPoint',
          data: {
            meetingId,
            actionPointId,
            ...body,
            owner: await this.vault.seal(body.owner),
            itemId: await this.onAgenda(meetingId, body.itemId, ctx),
          },
        },
        ctx,
      ),
    );
    return withRevision(res, result.revision, { id: actionPointId, meetingId, revision: result.revision });
  }

  @Allow('coordinator')
  @ScopedBy({ param: 'id', kind: 'action-point' })
  @Post('action-points/:id/complete')
  @Operation({ summary: 'Meldt een actiepunt als afgerond', answers: { type: RecordedOnMeeting }, refusals })
  @HttpCode(200)
  async complete(
    @Param('id', id) actionPointId: string,
    @Body() body: CompleteBody,
    @Ctx() ctx: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    const meetingId = await this.queries.meetingOfActionPoint(actionPointId);
    const completedOn = body.completedOn ?? amsterdamDate(ctx.now);
    const result = await this.commands.run(
      new Meeting.Command(meetingId, { type: 'CompleteActionPoint', data: { meetingId, actionPointId, completedOn } }, ctx),
    );
    return withRevision(res, result.revision, { id: actionPointId, meetingId, revision: result.revision });
  }

  /** The agenda item a decision or action point came from must be on the meeting's agenda. */
  private async onAgenda(meetingId: string, itemId: string | undefined, ctx: CommandContext): Promise<string | undefined> {
    if (!itemId) return undefined;
    const agenda = await this.queries.agendaOf(await this.queries.meeting(meetingId), ctx.now);
    if (!agenda.some((i) => i.id === itemId)) throw new InvalidInput('itemId', 'dit agendapunt staat niet op de agenda van dit overleg');
    return itemId;
  }
}
