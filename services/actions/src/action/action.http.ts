import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { Commands, ReadModel } from '@regie/context';
import { amsterdamDate, type CommandContext, InvalidInput, newIdFor, PersonalDataVault, unsealDeep } from '@regie/es-core';
import {
  actiehouderOf,
  Allow,
  asOfParam,
  Created,
  Ctx,
  IdempotentWrites,
  jsonArrayAnswer,
  Operation,
  ScopedBy,
  withRevision,
  zodParam,
} from '@regie/nest-kit';
import { Action } from '../actions.commands';
import type { ActionsQueries } from '../read-model/actions.queries';
import { actionCode, actionCodeParam, isoDate, text, werkagendaIdParam } from '../shared/schemas';
import { REGION_STATUSES } from './action';
import { ActionChangedAnswer, ActionDetail, ActionHolderAssigned, ActionSummary, Werkagenda } from './action.responses';

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

const partyCode = z.string().regex(/^[A-Z][A-Z0-9]{1,11}$/, 'een partijcode in hoofdletters, zoals VWS of ZN');
class ChangeActionBody extends createZodDto(
  z.object({
    title: text(300).optional(),
    leadParties: z.array(partyCode).max(20).optional(),
    actiehouderPersonIds: z.array(z.uuid('verwacht een id (uuid) uit het personenregister')).max(20).optional(),
    startActivities: z.array(text(4000)).max(30).optional(),
    reason: text(1000).optional(),
  }),
) {}
const regionStatus = z.enum(REGION_STATUSES, { error: 'kies aangemeld, gestart, plan_van_aanpak_gereed of afgerond' });
const slug = z
  .string({ error: 'verplicht: een korte naam' })
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,58}[a-z0-9])?$/, 'kleine letters, cijfers en koppeltekens, zoals west-brabant');
class AddRegionBody extends createZodDto(
  z.object({
    slug,
    name: text(200),
    period: z
      .object({ from: isoDate, to: isoDate })
      .refine((p) => p.from <= p.to, { message: 'het einde van de periode ligt vóór het begin', path: ['to'] })
      .nullish(),
    status: regionStatus.default('aangemeld'),
  }),
) {}
class ChangeRegionStatusBody extends createZodDto(
  z.object({ status: regionStatus, on: isoDate.optional(), note: text(1000).optional() }),
) {}

const code = zodParam('code', actionCodeParam);
const regionSlug = zodParam('slug', slug);
const werkagendaQuery = zodParam('werkagendaId', werkagendaIdParam.optional());

@ApiTags('acties')
@IdempotentWrites()
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
    const { queries, remember } = await this.readModel.at(asOf);
    return remember('werkagenda', () => queries.werkagenda());
  }

  @Get('actions')
  @Operation({
    summary: 'Somt de acties op met hun mijlpalen en open knelpunten',
    answers: { type: [ActionSummary] },
    refusals: [400, 401],
  })
  async list(@Query('asOf', asOfParam) asOf?: string, @Query('werkagendaId', werkagendaQuery) werkagendaId?: string) {
    const { queries, today, remember } = await this.readModel.at(asOf);
    if (werkagendaId !== undefined) return remember(`actions ${werkagendaId}`, () => queries.list(today, werkagendaId));
    // Every werkagenda's: written one werkagenda at a time, names opened per part.
    return jsonArrayAnswer(queries.listAll(today), (part) => unsealDeep(part, this.vault));
  }

  @Get('actions/:code')
  @Operation({
    summary: 'Geeft één actie met mijlpalen, voortgangsrapportages, knelpunten en regio’s (op sleutel, of op code met ?werkagendaId=)',
    answers: { type: ActionDetail },
    refusals: [400, 401, 404],
  })
  async one(
    @Param('code', code) keyOrCode: string,
    @Query('asOf', asOfParam) asOf: string | undefined,
    @Query('werkagendaId', werkagendaQuery) werkagendaId: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { queries, today, remember } = await this.readModel.at(asOf);
    if (werkagendaId !== undefined && !actionCode.safeParse(keyOrCode).success)
      throw new InvalidInput('code', 'met ?werkagendaId= een code binnen de werkagenda, zoals 1.1');
    const key =
      werkagendaId === undefined
        ? keyOrCode
        : await remember(`action-key ${werkagendaId} ${keyOrCode}`, () => queries.keyOf(werkagendaId, keyOrCode));
    const action = await remember(`action ${key}`, () => queries.one(key, today));
    return withRevision(res, action.revision, action);
  }

  /** Who holds the action: parties (organisations), a description, and optionally the actiehouder by name (sealed). */
  @Allow('coordinator')
  @ScopedBy({ param: 'code', kind: 'action' })
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
  @ScopedBy({ param: 'code', kind: 'action' })
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

  /** Title, lead parties, actiehouders (people directory ids) and start activities, with a reason when something set before changes. */
  @Allow('coordinator', 'beheerder')
  @ScopedBy({ param: 'code', kind: 'action' })
  @Patch('actions/:code')
  @Operation({ summary: 'Wijzigt een actie, met reden', answers: { type: ActionChangedAnswer }, refusals: [400, 401, 403, 404, 409] })
  @HttpCode(200)
  async change(
    @Param('code', code) key: string,
    @Body() body: ChangeActionBody,
    @Ctx() ctx: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    const result = await this.commands.run(new Action.Command(key, { type: 'ChangeAction', data: { code: key, ...body } }, ctx));
    return withRevision(res, result.revision, { key, revision: result.revision });
  }

  @Allow('coordinator', 'beheerder')
  @ScopedBy({ param: 'code', kind: 'action' })
  @Post('actions/:code/regions')
  @Operation({
    summary: 'Voegt een regio toe aan een actie (zoals een pilotregio)',
    status: 201,
    answers: { type: Created },
    refusals: [400, 401, 403, 404, 409],
  })
  async addRegion(
    @Param('code', code) key: string,
    @Body() body: AddRegionBody,
    @Ctx() ctx: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    const region = { slug: body.slug, name: body.name, period: body.period ?? null, status: body.status };
    const result = await this.commands.run(new Action.Command(key, { type: 'AddRegion', data: { code: key, region } }, ctx));
    return withRevision(res, result.revision, { id: body.slug });
  }

  @Allow('coordinator', actiehouderOf('code'))
  @ScopedBy({ param: 'code', kind: 'action' })
  @Post('actions/:code/regions/:slug/status')
  @Operation({
    summary: 'Legt de stand van een regio in een actie vast',
    answers: { type: ActionChangedAnswer },
    refusals: [400, 401, 403, 404, 409],
  })
  @HttpCode(200)
  async regionStatus(
    @Param('code', code) key: string,
    @Param('slug', regionSlug) slug: string,
    @Body() body: ChangeRegionStatusBody,
    @Ctx() ctx: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    const data = { code: key, slug, status: body.status, on: body.on ?? amsterdamDate(ctx.now), note: body.note ?? null };
    const result = await this.commands.run(new Action.Command(key, { type: 'ChangeRegionStatus', data }, ctx));
    return withRevision(res, result.revision, { key, revision: result.revision });
  }
}
