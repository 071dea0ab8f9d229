import { Body, Controller, Delete, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { type CommandContext, InvalidInput, newIdFor, NotFound } from '@regie/es-core';
import { Allow, Changed, Ctx, IdempotentWrites, Operation, type Refusal, ScopedBy, withRevision, zodParam } from '@regie/nest-kit';
import { AgendaPublished, RecordedOnMeeting } from '../meeting/meeting.responses';
import { MeetingsQueries } from '../read-model/meetings.queries';
import { Commands } from '@regie/context';
import { Meeting } from '../meetings.commands';
import { text, uuidParam } from '../shared/schemas';

class AddItemBody extends createZodDto(z.object({ title: text(500) })) {}
class ReorderBody extends createZodDto(z.object({ itemIds: z.array(uuidParam).min(1, 'noem minstens één agendapunt') })) {}

const id = zodParam('id', uuidParam);
const itemIdParam = zodParam('itemId', uuidParam);
const refusals: Refusal[] = [400, 401, 403, 404, 409];

const respond = (res: Response, result: { revision: number }, body: object) =>
  withRevision(res, result.revision, { ...body, revision: result.revision });

/**
 * The coordinator's hand in the self-composing draft: add, withdraw, reorder, publish. Publishing
 * freezes the agenda as composed at that moment, in the event itself.
 */
@ApiTags('agenda')
@Allow('coordinator')
@ScopedBy({ param: 'id', kind: 'meeting' })
@IdempotentWrites()
@Controller('api/v1/meetings/:id')
export class AgendaController {
  constructor(
    private readonly commands: Commands,
    private readonly queries: MeetingsQueries,
  ) {}

  @Post('agenda-items')
  @Operation({ summary: 'Voegt een agendapunt toe aan een overleg', status: 201, answers: { type: RecordedOnMeeting }, refusals })
  async add(
    @Param('id', id) meetingId: string,
    @Body() body: AddItemBody,
    @Ctx() ctx: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    const itemId = newIdFor(ctx, 'agenda-item');
    const result = await this.commands.run(
      new Meeting.Command(meetingId, { type: 'AddAgendaItem', data: { meetingId, itemId, title: body.title } }, ctx),
    );
    return respond(res, result, { id: itemId, meetingId });
  }

  @Delete('agenda-items/:itemId')
  @Operation({ summary: 'Trekt een agendapunt in', answers: { type: RecordedOnMeeting }, refusals })
  @HttpCode(200)
  async withdraw(
    @Param('id', id) meetingId: string,
    @Param('itemId', itemIdParam) itemId: string,
    @Ctx() ctx: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    const meeting = await this.queries.meeting(meetingId);
    let title = '';
    if (!meeting.publishedAgenda) {
      const item = (await this.queries.agendaOf(meeting, ctx.now)).find((i) => i.id === itemId);
      if (!item) throw new NotFound(`agendapunt ${itemId} staat niet op de concept-agenda van dit overleg`);
      title = item.title;
    } // a published agenda: the decider refuses with 409
    const result = await this.commands.run(
      new Meeting.Command(meetingId, { type: 'WithdrawAgendaItem', data: { meetingId, itemId, title } }, ctx),
    );
    return respond(res, result, { id: itemId, meetingId });
  }

  @Post('agenda/reorder')
  @Operation({ summary: 'Zet de agendapunten in een nieuwe volgorde', answers: { type: Changed }, refusals })
  @HttpCode(200)
  async reorder(
    @Param('id', id) meetingId: string,
    @Body() body: ReorderBody,
    @Ctx() ctx: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    const meeting = await this.queries.meeting(meetingId);
    if (!meeting.publishedAgenda) {
      const onDraft = new Set((await this.queries.agendaOf(meeting, ctx.now)).map((i) => i.id));
      const unknown = body.itemIds.filter((i) => !onDraft.has(i));
      if (unknown.length > 0) throw new InvalidInput('itemIds', `niet op de concept-agenda: ${unknown.join(', ')}`);
    }
    const result = await this.commands.run(
      new Meeting.Command(meetingId, { type: 'ReorderAgenda', data: { meetingId, itemIds: body.itemIds } }, ctx),
    );
    return respond(res, result, { id: meetingId });
  }

  @Post('agenda/publish')
  @Operation({ summary: 'Publiceert de agenda zoals die nu is samengesteld', answers: { type: AgendaPublished }, refusals })
  @HttpCode(200)
  async publish(@Param('id', id) meetingId: string, @Ctx() ctx: CommandContext, @Res({ passthrough: true }) res: Response) {
    const meeting = await this.queries.meeting(meetingId);
    const items = meeting.publishedAgenda ?? (await this.queries.agendaOf(meeting, ctx.now));
    const result = await this.commands.run(new Meeting.Command(meetingId, { type: 'PublishAgenda', data: { meetingId, items } }, ctx));
    return respond(res, result, { id: meetingId, agenda: items });
  }
}
