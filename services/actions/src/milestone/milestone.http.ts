import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { Commands } from '@regie/context';
import { amsterdamDate, type CommandContext, newIdFor, NotFound } from '@regie/es-core';
import {
  actiehouderOf,
  Allow,
  Changed,
  Created,
  Ctx,
  IdempotentWrites,
  Operation,
  type Refusal,
  ScopedBy,
  withRevision,
  zodParam,
} from '@regie/nest-kit';
import { ActionsQueries } from '../read-model/actions.queries';
import { Milestone } from '../actions.commands';
import { actionCodeParam, isoDate, text, uuidParam } from '../shared/schemas';
import type { MilestoneCommand } from './milestone.decide';

class PlanMilestoneBody extends createZodDto(
  z.object({
    title: text(300),
    dueDate: isoDate,
    dueDateText: text(100).optional(),
    /** The region of the action this milestone belongs to (e.g. a pilot region). */
    regionSlug: z
      .string()
      .regex(/^[a-z0-9](?:[a-z0-9-]{0,58}[a-z0-9])?$/, 'kleine letters, cijfers en koppeltekens, zoals west-brabant')
      .optional(),
  }),
) {}
class StartMilestoneBody extends createZodDto(z.object({ startedOn: isoDate.optional() })) {}
class AchieveMilestoneBody extends createZodDto(z.object({ achievedOn: isoDate })) {}
class ReplanMilestoneBody extends createZodDto(z.object({ dueDate: isoDate, reason: text(1000) })) {}
class CancelMilestoneBody extends createZodDto(z.object({ reason: text(1000) })) {}

const refusals: Refusal[] = [400, 401, 403, 404, 409];

const code = zodParam('code', actionCodeParam);
const id = zodParam('id', uuidParam);

@ApiTags('mijlpalen')
@Allow('coordinator', actiehouderOf('code'))
@ScopedBy({ param: 'code', kind: 'action' })
@IdempotentWrites()
@Controller('api/v1/actions/:code/milestones')
export class MilestonesController {
  constructor(
    private readonly commands: Commands,
    private readonly queries: ActionsQueries,
  ) {}

  @Post()
  @Operation({ summary: 'Plant een mijlpaal voor een actie', status: 201, answers: { type: Created }, refusals })
  async plan(
    @Param('code', code) actionCode: string,
    @Body() body: PlanMilestoneBody,
    @Ctx() ctx: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    const milestoneId = newIdFor(ctx, 'milestone');
    const result = await this.run(milestoneId, { type: 'PlanMilestone', data: { milestoneId, actionCode, ...body } }, ctx);
    return withRevision(res, result.revision, { id: milestoneId });
  }

  @Post(':id/start')
  @Operation({ summary: 'Start een mijlpaal', answers: { type: Changed }, refusals })
  @HttpCode(200)
  async start(
    @Param('code', code) actionCode: string,
    @Param('id', id) milestoneId: string,
    @Body() body: StartMilestoneBody,
    @Ctx() ctx: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    await this.belongs(actionCode, milestoneId);
    const startedOn = body.startedOn ?? dateOf(ctx);
    return this.respond(res, await this.run(milestoneId, { type: 'StartMilestone', data: { milestoneId, startedOn } }, ctx), milestoneId);
  }

  @Post(':id/achieve')
  @Operation({ summary: 'Meldt een mijlpaal als behaald', answers: { type: Changed }, refusals })
  @HttpCode(200)
  async achieve(
    @Param('code', code) actionCode: string,
    @Param('id', id) milestoneId: string,
    @Body() body: AchieveMilestoneBody,
    @Ctx() ctx: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    await this.belongs(actionCode, milestoneId);
    const command: MilestoneCommand = { type: 'AchieveMilestone', data: { milestoneId, achievedOn: body.achievedOn, today: dateOf(ctx) } };
    return this.respond(res, await this.run(milestoneId, command, ctx), milestoneId);
  }

  @Post(':id/replan')
  @Operation({ summary: 'Plant een mijlpaal opnieuw, met nieuwe streefdatum en reden', answers: { type: Changed }, refusals })
  @HttpCode(200)
  async replan(
    @Param('code', code) actionCode: string,
    @Param('id', id) milestoneId: string,
    @Body() body: ReplanMilestoneBody,
    @Ctx() ctx: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    await this.belongs(actionCode, milestoneId);
    return this.respond(res, await this.run(milestoneId, { type: 'ReplanMilestone', data: { milestoneId, ...body } }, ctx), milestoneId);
  }

  @Post(':id/cancel')
  @Operation({ summary: 'Vervalt een mijlpaal, met reden', answers: { type: Changed }, refusals })
  @HttpCode(200)
  async cancel(
    @Param('code', code) actionCode: string,
    @Param('id', id) milestoneId: string,
    @Body() body: CancelMilestoneBody,
    @Ctx() ctx: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    await this.belongs(actionCode, milestoneId);
    return this.respond(res, await this.run(milestoneId, { type: 'CancelMilestone', data: { milestoneId, ...body } }, ctx), milestoneId);
  }

  private run(milestoneId: string, command: MilestoneCommand, ctx: CommandContext) {
    return this.commands.run(new Milestone.Command(milestoneId, command, ctx));
  }

  private respond(res: Response, result: { revision: number }, milestoneId: string) {
    return withRevision(res, result.revision, { id: milestoneId, revision: result.revision });
  }

  private async belongs(actionCode: string, milestoneId: string): Promise<void> {
    if (!(await this.queries.milestoneOf(actionCode, milestoneId))) {
      throw new NotFound(`mijlpaal ${milestoneId} hoort niet bij actie ${actionCode} of bestaat niet`);
    }
  }
}

/** The date of "now" in the werkagenda's time zone, for commands that default to today. */
const dateOf = (ctx: CommandContext): string => amsterdamDate(ctx.now);
