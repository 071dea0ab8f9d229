import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { type CommandContext, type HandleResult, newIdFor, PersonalDataVault } from '@regie/es-core';
import { actiehouderOf, Allow, asOfParam, Ctx, withRevision, zodParam } from '@regie/nest-kit';
import { ActionsReadAt } from '../read-model/actions-time-travel';
import { ActionsQueries } from '../read-model/actions.queries';
import { ActionsReadModelSync } from '../read-model/read-model-sync';
import { ActionCommandMessage } from '../shared/aggregate-command';
import { actionCodeParam, text } from '../shared/schemas';

class ReportProgressBody extends createZodDto(
  z.object({
    rag: z.enum(['groen', 'oranje', 'rood'], { error: 'kies groen, oranje of rood' }),
    summary: text(4000),
  }),
) {}

class AssignActionHolderBody extends createZodDto(
  z.object({
    parties: z
      .array(z.enum(['VWS', 'ZN', 'VNG', 'GGZNL', 'VALENTE', 'MIND'], { error: 'een partij: VWS, ZN, VNG, GGZNL, VALENTE of MIND' }))
      .max(6),
    description: text(2000),
    /** The actiehouder by name, if a person is named: personal data, stored sealed. */
    person: text(200).optional(),
  }),
) {}

const code = zodParam('code', actionCodeParam);

@ApiTags('acties')
@Controller('api/v1')
export class ActionsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: ActionsQueries,
    private readonly sync: ActionsReadModelSync,
    private readonly readAt: ActionsReadAt,
    private readonly vault: PersonalDataVault,
  ) {}

  @Get('werkagenda')
  async werkagenda(@Query('asOf', asOfParam) asOf?: string) {
    const { queries } = await this.readAt.at(asOf);
    return queries.werkagenda();
  }

  @Get('actions')
  async list(@Query('asOf', asOfParam) asOf?: string) {
    const { queries, today } = await this.readAt.at(asOf);
    return queries.list(today);
  }

  @Get('actions/:code')
  async one(
    @Param('code', code) actionCode: string,
    @Query('asOf', asOfParam) asOf: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { queries, today } = await this.readAt.at(asOf);
    const action = await queries.one(actionCode, today);
    return withRevision(res, action.revision, action);
  }

  /** Who holds the action: parties (organisations), a description, and optionally the actiehouder by name (sealed). */
  @Allow('coordinator')
  @Put('actions/:code/action-holder')
  @HttpCode(200)
  async assignHolder(
    @Param('code', code) actionCode: string,
    @Body() body: AssignActionHolderBody,
    @Ctx() ctx: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    const person = body.person ? await this.vault.seal(body.person) : null;
    const actionHolder = { parties: body.parties, description: body.description, ...(person ? { person } : {}) };
    const result: HandleResult<never> = await this.commands.execute(
      new ActionCommandMessage(actionCode, { type: 'AssignActionHolder', data: { code: actionCode, actionHolder } }, ctx),
    );
    await this.sync.caughtUpTo(result.position);
    return withRevision(res, result.revision, { code: actionCode, revision: result.revision });
  }

  @Allow('coordinator', actiehouderOf('code'))
  @Post('actions/:code/progress-reports')
  async report(
    @Param('code', code) actionCode: string,
    @Body() body: ReportProgressBody,
    @Ctx() ctx: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    const reportId = newIdFor(ctx, 'progress-report');
    const result: HandleResult<never> = await this.commands.execute(
      new ActionCommandMessage(
        actionCode,
        { type: 'ReportProgress', data: { code: actionCode, reportId, ...body, reportedAt: ctx.now.toISOString() } },
        ctx,
      ),
    );
    await this.sync.caughtUpTo(result.position);
    return withRevision(res, result.revision, { id: reportId });
  }
}
