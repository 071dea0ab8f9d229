import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { Commands } from '@regie/context';
import { type CommandContext, newIdFor, NotFound } from '@regie/es-core';
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
import { Knelpunt } from '../actions.commands';
import { actionCodeParam, text, uuidParam } from '../shared/schemas';
import type { KnelpuntCommand } from './knelpunt.decide';

const level = z.enum(['kerngroep', 'regiegroep'], { error: 'kies kerngroep of regiegroep' });
class RaiseKnelpuntBody extends createZodDto(z.object({ description: text(4000), escalateTo: level.optional() })) {}
class EscalateKnelpuntBody extends createZodDto(z.object({ to: level })) {}
class ResolveKnelpuntBody extends createZodDto(z.object({ resolution: text(4000) })) {}

const refusals: Refusal[] = [400, 401, 403, 404, 409];

const code = zodParam('code', actionCodeParam);
const id = zodParam('id', uuidParam);

@ApiTags('knelpunten')
@Allow('coordinator', actiehouderOf('code'))
@ScopedBy({ param: 'code', kind: 'action' })
@IdempotentWrites()
@Controller('api/v1/actions/:code/knelpunten')
export class KnelpuntenController {
  constructor(
    private readonly commands: Commands,
    private readonly queries: ActionsQueries,
  ) {}

  @Post()
  @Operation({
    summary: 'Meldt een knelpunt bij een actie, eventueel meteen geëscaleerd',
    status: 201,
    answers: { type: Created },
    refusals,
  })
  async raise(
    @Param('code', code) actionCode: string,
    @Body() body: RaiseKnelpuntBody,
    @Ctx() ctx: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    const knelpuntId = newIdFor(ctx, 'knelpunt');
    const command: KnelpuntCommand = { type: 'RaiseKnelpunt', data: { knelpuntId, actionCode, ...body, raisedAt: ctx.now.toISOString() } };
    const result = await this.run(knelpuntId, command, ctx);
    return withRevision(res, result.revision, { id: knelpuntId });
  }

  @Post(':id/escalate')
  @Operation({ summary: 'Escaleert een knelpunt naar kerngroep of regiegroep', answers: { type: Changed }, refusals })
  @HttpCode(200)
  async escalate(
    @Param('code', code) actionCode: string,
    @Param('id', id) knelpuntId: string,
    @Body() body: EscalateKnelpuntBody,
    @Ctx() ctx: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    await this.belongs(actionCode, knelpuntId);
    const result = await this.run(knelpuntId, { type: 'EscalateKnelpunt', data: { knelpuntId, to: body.to } }, ctx);
    return withRevision(res, result.revision, { id: knelpuntId, revision: result.revision });
  }

  @Post(':id/resolve')
  @Operation({ summary: 'Lost een knelpunt op, met de oplossing', answers: { type: Changed }, refusals })
  @HttpCode(200)
  async resolve(
    @Param('code', code) actionCode: string,
    @Param('id', id) knelpuntId: string,
    @Body() body: ResolveKnelpuntBody,
    @Ctx() ctx: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    await this.belongs(actionCode, knelpuntId);
    const command: KnelpuntCommand = {
      type: 'ResolveKnelpunt',
      data: { knelpuntId, resolution: body.resolution, resolvedAt: ctx.now.toISOString() },
    };
    const result = await this.run(knelpuntId, command, ctx);
    return withRevision(res, result.revision, { id: knelpuntId, revision: result.revision });
  }

  private run(knelpuntId: string, command: KnelpuntCommand, ctx: CommandContext) {
    return this.commands.run(new Knelpunt.Command(knelpuntId, command, ctx));
  }

  private async belongs(actionCode: string, knelpuntId: string): Promise<void> {
    if (!(await this.queries.knelpuntOf(actionCode, knelpuntId))) {
      throw new NotFound(`knelpunt ${knelpuntId} hoort niet bij actie ${actionCode} of bestaat niet`);
    }
  }
}
