import { Body, Controller, ForbiddenException, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { Commands, ReadModel } from '@regie/context';
import { actionKey, type CommandContext } from '@regie/es-core';
import {
  Allow,
  asOfParam,
  Caller,
  Created,
  Ctx,
  IdempotentWrites,
  Operation,
  permits,
  type Principal,
  ScopedBy,
  Unscoped,
  withRevision,
  zodParam,
} from '@regie/nest-kit';
import { Action, Werkagenda } from '../actions.commands';
import { ActionKeyCreated, WerkagendaChangedAnswer, WerkagendaEntry } from '../action/action.responses';
import type { ActionsQueries } from '../read-model/actions.queries';
import { actionCode, isoDate, text, werkagendaIdParam } from '../shared/schemas';
import type { Party } from './werkagenda';
import type { WerkagendaCommand } from './werkagenda.decide';

const period = z
  .object({ from: isoDate, to: isoDate })
  .refine((p) => p.from <= p.to, { message: 'het einde van de periode ligt vóór het begin', path: ['to'] });
const partyCode = z
  .string({ error: 'verplicht: een partijcode' })
  .regex(/^[A-Z][A-Z0-9]{1,11}$/, 'een partijcode in hoofdletters, zoals VWS of ZN');
const party = z.object({
  code: partyCode,
  name: text(200),
  role: z.enum(['penvoerder', 'partner', 'deelnemer'], { error: 'kies penvoerder, partner of deelnemer' }),
  memberFrom: isoDate.nullish(),
  memberTo: isoDate.nullish(),
  bestuurlijkeAfspraken: z
    .object({
      participates: z.boolean({ error: 'ja of nee: neemt de partij deel aan de bestuurlijke afspraken' }),
      since: isoDate.nullish(),
      sinceText: text(100).nullish(),
      note: text(1000).nullish(),
    })
    .nullish(),
});
const actionLine = z.object({ number: z.number({ error: 'een nummer' }).int('een heel getal').min(0).max(99), title: text(300) });

class EstablishWerkagendaBody extends createZodDto(
  z.object({
    id: werkagendaIdParam,
    title: text(300),
    period,
    parties: z.array(party).max(40),
    actionLines: z.array(actionLine).max(20),
  }),
) {}
class ChangeWerkagendaBody extends createZodDto(
  z.object({
    title: text(300).optional(),
    period: period.optional(),
    parties: z.array(party).max(40).optional(),
    actionLines: z.array(actionLine).max(20).optional(),
    reason: text(1000).optional(),
  }),
) {}
class ArchiveWerkagendaBody extends createZodDto(z.object({ reason: text(1000) })) {}
class DefineActionBody extends createZodDto(
  z.object({
    code: actionCode,
    title: text(300),
    actionLine: z.number({ error: 'het nummer van een actielijn' }).int('een heel getal').min(0).max(99),
    leadParties: z.array(partyCode).max(20).default([]),
    actiehouderPersonIds: z.array(z.uuid('verwacht een id (uuid) uit het personenregister')).max(20).default([]),
    startActivities: z.array(text(4000)).max(30).default([]),
  }),
) {}

const id = zodParam('id', werkagendaIdParam);

const toParty = (p: z.infer<typeof party>): Party => ({
  code: p.code,
  name: p.name,
  role: p.role,
  memberFrom: p.memberFrom ?? null,
  memberTo: p.memberTo ?? null,
  bestuurlijkeAfspraken: p.bestuurlijkeAfspraken
    ? {
        participates: p.bestuurlijkeAfspraken.participates,
        since: p.bestuurlijkeAfspraken.since ?? null,
        sinceText: p.bestuurlijkeAfspraken.sinceText ?? null,
        note: p.bestuurlijkeAfspraken.note ?? null,
      }
    : null,
});

/**
 * Werkagenda's as tenants: a beheerder establishes, changes and archives them; a coordinator of a
 * werkagenda may add and rename its action lines and define its actions (docs/administration.md).
 */
@ApiTags('werkagendas')
@IdempotentWrites()
@Controller('api/v1/werkagendas')
export class WerkagendasController {
  constructor(
    private readonly commands: Commands,
    private readonly readModel: ReadModel<ActionsQueries>,
  ) {}

  @Get()
  @Operation({
    summary: "Somt alle werkagenda's op, ook gearchiveerde (met asOf: zoals ze op dat moment waren)",
    answers: { type: [WerkagendaEntry] },
    refusals: [400, 401],
  })
  async list(@Query('asOf', asOfParam) asOf?: string) {
    const { queries, remember } = await this.readModel.at(asOf);
    return remember('werkagendas', () => queries.werkagendas());
  }

  @Get(':id')
  @Operation({
    summary: 'Geeft één werkagenda: partijen, looptijd en actielijnen',
    answers: { type: WerkagendaEntry },
    refusals: [400, 401, 404],
  })
  async one(@Param('id', id) werkagendaId: string, @Query('asOf', asOfParam) asOf?: string) {
    const { queries, remember } = await this.readModel.at(asOf);
    return remember(`werkagenda ${werkagendaId}`, () => queries.werkagendaById(werkagendaId));
  }

  @Post()
  @Allow('beheerder')
  @Unscoped()
  @Operation({ summary: 'Legt een nieuwe werkagenda vast', status: 201, answers: { type: Created }, refusals: [400, 401, 403, 409] })
  async establish(@Body() body: EstablishWerkagendaBody, @Ctx() ctx: CommandContext, @Res({ passthrough: true }) res: Response) {
    const data = {
      werkagendaId: body.id,
      title: body.title,
      period: body.period,
      parties: body.parties.map(toParty),
      actionLines: body.actionLines,
    };
    const result = await this.commands.run(new Werkagenda.Command(body.id, { type: 'EstablishWerkagenda', data }, ctx));
    return withRevision(res, result.revision, { id: body.id });
  }

  @Patch(':id')
  @Allow('beheerder', 'coordinator')
  @ScopedBy({ param: 'id', kind: 'werkagenda' })
  @Operation({
    summary: 'Wijzigt titel, looptijd, partijen (beheerder) of actielijnen (ook coördinator), met reden',
    answers: { type: WerkagendaChangedAnswer },
    refusals: [400, 401, 403, 404, 409],
  })
  @HttpCode(200)
  async change(
    @Param('id', id) werkagendaId: string,
    @Body() body: ChangeWerkagendaBody,
    @Caller() caller: Principal,
    @Ctx() ctx: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    const managed = body.title !== undefined || body.period !== undefined || body.parties !== undefined;
    if (managed && !permits(caller, ['beheerder'], {}, werkagendaId))
      throw new ForbiddenException('Alleen een beheerder wijzigt titel, looptijd en partijen; een coördinator wijzigt alleen actielijnen.');
    const command: WerkagendaCommand = {
      type: 'ReviseWerkagenda',
      data: {
        werkagendaId,
        ...(body.title !== undefined ? { title: body.title } : {}),
        ...(body.period ? { period: body.period } : {}),
        ...(body.parties ? { parties: body.parties.map(toParty) } : {}),
        ...(body.actionLines ? { actionLines: body.actionLines } : {}),
        ...(body.reason ? { reason: body.reason } : {}),
      },
    };
    const result = await this.commands.run(new Werkagenda.Command(werkagendaId, command, ctx));
    return withRevision(res, result.revision, { id: werkagendaId, revision: result.revision });
  }

  @Post(':id/archive')
  @Allow('beheerder')
  @ScopedBy({ param: 'id', kind: 'werkagenda' })
  @Operation({
    summary: 'Archiveert een werkagenda: er komen geen acties meer bij',
    answers: { type: WerkagendaChangedAnswer },
    refusals: [400, 401, 403, 404],
  })
  @HttpCode(200)
  async archive(
    @Param('id', id) werkagendaId: string,
    @Body() body: ArchiveWerkagendaBody,
    @Ctx() ctx: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    const result = await this.commands.run(
      new Werkagenda.Command(werkagendaId, { type: 'ArchiveWerkagenda', data: { werkagendaId, reason: body.reason } }, ctx),
    );
    return withRevision(res, result.revision, { id: werkagendaId, revision: result.revision });
  }

  @Post(':id/actions')
  @Allow('beheerder', 'coordinator')
  @ScopedBy({ param: 'id', kind: 'werkagenda' })
  @Operation({
    summary: 'Legt een actie vast in een werkagenda; antwoordt met de sleutel van de actie',
    status: 201,
    answers: { type: ActionKeyCreated },
    refusals: [400, 401, 403, 404, 409],
  })
  async defineAction(
    @Param('id', id) werkagendaId: string,
    @Body() body: DefineActionBody,
    @Ctx() ctx: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    const key = actionKey(werkagendaId, body.code);
    const result = await this.commands.run(
      new Action.Command(
        key,
        {
          type: 'DefineAction',
          data: {
            werkagendaId,
            code: key,
            actionLine: body.actionLine,
            title: body.title,
            actionHolder: { parties: body.leadParties, description: '' },
            startActivities: body.startActivities,
            actiehouderPersonIds: body.actiehouderPersonIds,
          },
        },
        ctx,
      ),
    );
    return withRevision(res, result.revision, { key, code: body.code, werkagendaId });
  }
}
