import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { Commands, ReadModel } from '@regie/context';
import { amsterdamDate, type CommandContext, FIRST_WERKAGENDA_ID, newIdFor, PersonalDataVault, stableId } from '@regie/es-core';
import {
  Allow,
  asOfParam,
  Changed,
  Ctx,
  IdempotentWrites,
  OneAtATimeUnless,
  Operation,
  type Refusal,
  ScopedBy,
  withRevision,
  zodParam,
} from '@regie/nest-kit';
import { resolveDue } from '../due/resolve-due';
import { Commitment } from '../commitments.commands';
import type { CommitmentsQueries } from '../read-model/commitments.queries';
import { actionCode, dueText, isoDate, text, uuidParam } from '../shared/schemas';
import { COMMITMENT_STATUSES } from './commitment';
import { parseMadeBy, sealMadeBy } from './made-by';
import type { CommitmentCommand } from './commitment.decide';
import { CommitmentDetail, CommitmentPostponed, CommitmentRegistered, CommitmentSummary } from './commitment.responses';

class RegisterCommitmentBody extends createZodDto(
  z.object({
    text: text(4000),
    /** "Minister voor Langdurige Zorg en Sport (C. Helder)": a name in brackets is recognised as a person. */
    madeBy: text(300),
    /** The persons among madeBy, when the text alone does not make them clear: personal data, stored sealed. */
    madeByPersons: z.array(text(200)).max(10, 'maximaal 10 personen').optional(),
    madeAt: z.object({ date: isoDate, source: text(300) }, { error: 'verwacht {date, source}' }),
    due: dueText,
    actionCodes: z.array(actionCode).max(20, 'maximaal 20 acties').default([]),
    externalRef: z.object({ system: z.literal('tweede-kamer'), id: text(100), nummer: text(50).optional() }).optional(),
    /** The werkagenda it belongs to; the first one when left out. */
    werkagendaId: text(100).optional(),
  }),
) {}
class PostponeCommitmentBody extends createZodDto(z.object({ due: dueText, reason: text(2000), source: text(300).optional() })) {}
class FulfilCommitmentBody extends createZodDto(
  z.object({ document: z.object({ kenmerk: text(100), title: text(500), date: isoDate }, { error: 'verwacht {kenmerk, title, date}' }) }),
) {}
class WithdrawCommitmentBody extends createZodDto(z.object({ reason: text(2000), source: text(300).optional() })) {}

const refusals: Refusal[] = [400, 401, 403, 404, 409];

const id = zodParam('id', uuidParam);
const werkagendaId = zodParam('werkagendaId', text(100).optional());
const status = zodParam('status', z.enum(COMMITMENT_STATUSES, { error: `kies ${COMMITMENT_STATUSES.join(', ')}` }).optional());

/** Commitments (toezeggingen aan de Kamer) over HTTP: see API.md, section Commitments. */
@ApiTags('toezeggingen')
@IdempotentWrites()
@Controller('api/v1/commitments')
export class CommitmentsController {
  constructor(
    private readonly commands: Commands,
    private readonly readModel: ReadModel<CommitmentsQueries>,
    private readonly vault: PersonalDataVault,
  ) {}

  @Get()
  @OneAtATimeUnless('werkagendaId')
  @Operation({
    summary: 'Somt de toezeggingen op, eerst de vroegst verlopende',
    answers: { type: [CommitmentSummary] },
    refusals: [400, 401],
  })
  async list(
    @Query('status', status) filter?: (typeof COMMITMENT_STATUSES)[number],
    @Query('asOf', asOfParam) asOf?: string,
    @Query('werkagendaId', werkagendaId) inWerkagenda?: string,
  ) {
    const { queries, remember } = await this.readModel.at(asOf);
    return remember(`commitments ${filter} ${inWerkagenda}`, () => queries.list(filter, inWerkagenda));
  }

  @Get(':id')
  @Operation({
    summary: 'Geeft één toezegging met haar volledige geschiedenis',
    answers: { type: CommitmentDetail },
    refusals: [400, 401, 404],
  })
  async one(
    @Param('id', id) commitmentId: string,
    @Query('asOf', asOfParam) asOf: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { queries, remember } = await this.readModel.at(asOf);
    const commitment = await remember(`commitment ${commitmentId}`, () => queries.one(commitmentId));
    return withRevision(res, commitment.revision, commitment);
  }

  @Allow('coordinator')
  @ScopedBy({ body: 'werkagendaId', fallback: FIRST_WERKAGENDA_ID })
  @Post()
  @Operation({ summary: 'Registreert een toezegging aan de Kamer', status: 201, answers: { type: CommitmentRegistered }, refusals })
  async register(@Body() body: RegisterCommitmentBody, @Ctx() ctx: CommandContext, @Res({ passthrough: true }) res: Response) {
    const due = resolveDue(body.due, body.madeAt.date);
    const ref = body.externalRef;
    // A Tweede Kamer toezegging has one stream, whether it arrives here or through the import.
    const commitmentId = ref ? stableId(`tk:${ref.id}`) : newIdFor(ctx, 'commitment');
    const externalRef = ref ? { system: ref.system, id: ref.id, nummer: ref.nummer ?? null, changedAt: null } : null;
    const command: CommitmentCommand = {
      type: 'RegisterCommitment',
      data: {
        commitmentId,
        text: body.text,
        madeBy: await sealMadeBy(this.vault, parseMadeBy(body.madeBy, body.madeByPersons)),
        madeAt: body.madeAt,
        due,
        actionCodes: body.actionCodes,
        externalRef,
        werkagendaId: body.werkagendaId ?? FIRST_WERKAGENDA_ID,
      },
    };
    const result = await this.run(commitmentId, command, ctx);
    return withRevision(res, result.revision, { id: commitmentId, dueDate: due.date });
  }

  @Allow('coordinator')
  @ScopedBy({ param: 'id', kind: 'commitment' })
  @Post(':id/postpone')
  @Operation({ summary: 'Stelt een toezegging uit naar een nieuwe termijn, met reden', answers: { type: CommitmentPostponed }, refusals })
  @HttpCode(200)
  async postpone(
    @Param('id', id) commitmentId: string,
    @Body() body: PostponeCommitmentBody,
    @Ctx() ctx: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    // A period without a year ("voor de zomer") is read from the day of the postponement.
    const due = resolveDue(body.due, amsterdamDate(ctx.now));
    const command: CommitmentCommand = {
      type: 'PostponeCommitment',
      data: { commitmentId, due, reason: body.reason, source: body.source ?? null },
    };
    const result = await this.run(commitmentId, command, ctx);
    return withRevision(res, result.revision, { id: commitmentId, dueDate: due.date, revision: result.revision });
  }

  @Allow('coordinator')
  @ScopedBy({ param: 'id', kind: 'commitment' })
  @Post(':id/fulfil')
  @Operation({ summary: 'Meldt een toezegging als nagekomen met het document dat haar nakomt', answers: { type: Changed }, refusals })
  @HttpCode(200)
  async fulfil(
    @Param('id', id) commitmentId: string,
    @Body() body: FulfilCommitmentBody,
    @Ctx() ctx: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    const command: CommitmentCommand = {
      type: 'FulfilCommitment',
      data: { commitmentId, document: body.document, today: amsterdamDate(ctx.now) },
    };
    const result = await this.run(commitmentId, command, ctx);
    return withRevision(res, result.revision, { id: commitmentId, revision: result.revision });
  }

  @Allow('coordinator')
  @ScopedBy({ param: 'id', kind: 'commitment' })
  @Post(':id/withdraw')
  @Operation({ summary: 'Trekt een toezegging in, met reden', answers: { type: Changed }, refusals })
  @HttpCode(200)
  async withdraw(
    @Param('id', id) commitmentId: string,
    @Body() body: WithdrawCommitmentBody,
    @Ctx() ctx: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    const command: CommitmentCommand = {
      type: 'WithdrawCommitment',
      data: { commitmentId, reason: body.reason, source: body.source ?? null },
    };
    const result = await this.run(commitmentId, command, ctx);
    return withRevision(res, result.revision, { id: commitmentId, revision: result.revision });
  }

  private run(commitmentId: string, command: CommitmentCommand, ctx: CommandContext) {
    return this.commands.run(new Commitment.Command(commitmentId, command, ctx));
  }
}
