import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { Commands, ReadModel } from '@regie/context';
import { type CommandContext, newIdFor, PersonalDataVault } from '@regie/es-core';
import { actiehouderOf, Allow, asOfParam, Created, Ctx, Operation, withRevision, zodParam } from '@regie/nest-kit';
import { Action } from '../actions.commands';
import type { ActionsQueries } from '../read-model/actions.queries';
import { actionCodeParam, text } from '../shared/schemas';
import { ActionDetail, ActionHolderAssigned, ActionSummary, Werkagenda } from './action.responses';

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
    private readonly commands: Commands,
    private readonly readModel: ReadModel<ActionsQueries>,
    private readonly vault: PersonalDataVault,
  ) {}

  @Get('werkagenda')
  @Operation({
    summary: 'Geeft de werkagenda: partijen, looptijd en actielijnen',
    answers: { type: Werkagenda },
    refusals: [400, 401, 404],
  })
  async werkagenda(@Query('asOf', asOfParam) asOf?: string) {
    const { queries } = await this.readModel.at(asOf);
    return queries.werkagenda();
  }

  @Get('actions')
  @Operation({
    summary: 'Somt de acties op met hun mijlpalen en open knelpunten',
    answers: { type: [ActionSummary] },
    refusals: [400, 401],
  })
  async list(@Query('asOf', asOfParam) asOf?: string) {
    const { queries, today } = await this.readModel.at(asOf);
    return queries.list(today);
  }

  @Get('actions/:code')
  @Operation({
    summary: 'Geeft één actie met mijlpalen, voortgangsrapportages en knelpunten',
    answers: { type: ActionDetail },
    refusals: [400, 401, 404],
  })
  async one(
    @Param('code', code) actionCode: string,
    @Query('asOf', asOfParam) asOf: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { queries, today } = await this.readModel.at(asOf);
    const action = await queries.one(actionCode, today);
    return withRevision(res, action.revision, action);
  }

  /** Who holds the action: parties (organisations), a description, and optionally the actiehouder by name (sealed). */
  @Allow('coordinator')
  @Put('actions/:code/action-holder')
  @Operation({
    summary: 'Wijst de actiehouder van een actie toe',
    answers: { type: ActionHolderAssigned },
    refusals: [400, 401, 403, 404, 409],
  })
  @HttpCode(200)
  async assignHolder(
    @Param('code', code) actionCode: string,
    @Body() body: AssignActionHolderBody,
    @Ctx() ctx: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    const person = body.person ? await this.vault.seal(body.person) : null;
    const actionHolder = { parties: body.parties, description: body.description, ...(person ? { person } : {}) };
    const result = await this.commands.run(
      new Action.Command(actionCode, { type: 'AssignActionHolder', data: { code: actionCode, actionHolder } }, ctx),
    );
    return withRevision(res, result.revision, { code: actionCode, revision: result.revision });
  }

  @Allow('coordinator', actiehouderOf('code'))
  @Post('actions/:code/progress-reports')
  @Operation({ summary: 'Meldt voortgang van een actie', status: 201, answers: { type: Created }, refusals: [400, 401, 403, 404, 409] })
  async report(
    @Param('code', code) actionCode: string,
    @Body() body: ReportProgressBody,
    @Ctx() ctx: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    const reportId = newIdFor(ctx, 'progress-report');
    const result = await this.commands.run(
      new Action.Command(
        actionCode,
        { type: 'ReportProgress', data: { code: actionCode, reportId, ...body, reportedAt: ctx.now.toISOString() } },
        ctx,
      ),
    );
    return withRevision(res, result.revision, { id: reportId });
  }
}
