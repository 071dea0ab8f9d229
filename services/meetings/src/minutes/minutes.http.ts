import { Body, Controller, Get, Header, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { type CommandContext, InvalidInput, newIdFor, NotFound, PersonalDataVault, unsealDeep } from '@regie/es-core';
import {
  Allow,
  asOfParam,
  Caller,
  Ctx,
  IdempotentWrites,
  OneAtATimeUnless,
  Operation,
  type Principal,
  type Refusal,
  requireRole,
  ScopedBy,
  withRevision,
  zodParam,
} from '@regie/nest-kit';
import { Commands, ReadModel } from '@regie/context';
import { Meeting } from '../meetings.commands';
import type { MeetingsQueries } from '../read-model/meetings.queries';
import { SERIES_WERKAGENDA_ID } from '../seed/series.seed-data';
import { isoDate, kindParam, text, uuidParam, werkagendaIdParam } from '../shared/schemas';
import { toCsv } from './csv';
import { minutesDocument } from './minutes-document';
import { actionPointList, decisionList, decisionOf, minutesOf } from './minutes.queries';
import { ActionPointEntry, DecisionEntry, MeetingMinutes, MinutesChanged } from './minutes.responses';

const name = text(200);
class AttendanceBody extends createZodDto(
  z.object({
    present: z.array(name, { error: 'verwacht een lijst namen of partijen' }).min(1, 'noem ten minste één aanwezige').max(100),
    absent: z.array(name, { error: 'verwacht een lijst namen of partijen' }).max(100).default([]),
  }),
) {}
class NotesBody extends createZodDto(
  z.object({ notes: z.string({ error: 'verplicht tekstveld (leeg wist de aantekeningen)' }).trim().max(20000, 'maximaal 20000 tekens') }),
) {}
class CorrectBody extends createZodDto(z.object({ text: text(4000), reason: text(1000) })) {}
class WithdrawBody extends createZodDto(z.object({ reason: text(1000) })) {}
/** `owner` may name a person: personal data, stored sealed. */
class ReassignBody extends createZodDto(z.object({ owner: text(200), reason: text(1000) })) {}

const werkagendaId = werkagendaIdParam.optional();
class DecisionQuery extends createZodDto(
  z
    .object({
      werkagendaId,
      kind: z.enum(['operationeel', 'strategisch'], { error: 'kies operationeel of strategisch' }).optional(),
      meetingKind: kindParam.optional(),
      from: isoDate.optional(),
      to: isoDate.optional(),
      q: z.string().trim().max(200, 'maximaal 200 tekens').optional(),
    })
    .refine((f) => !f.from || !f.to || f.from <= f.to, { path: ['to'], message: 'de einddatum ligt vóór de begindatum' }),
) {}
class ActionPointQuery extends createZodDto(
  z.object({
    werkagendaId,
    status: z.enum(['open', 'overdue', 'done'], { error: 'kies open, overdue of done' }).optional(),
    owner: z.string().trim().max(200, 'maximaal 200 tekens').optional(),
  }),
) {}

const refusals: Refusal[] = [400, 401, 403, 404, 409];
const id = zodParam('id', uuidParam);
const itemIdParam = zodParam('itemId', uuidParam);

const KIND_LABEL: Record<string, string> = {
  kerngroep: 'Kerngroep',
  evaluatie: 'Evaluatie',
  jaaroverleg: 'Jaaroverleg',
  regiegroep: 'Regiegroep',
};
const STATUS_LABEL: Record<string, string> = { open: 'open', overdue: 'te laat', done: 'afgerond' };
const WERKAGENDA_TITLES: Record<string, string> = {
  [SERIES_WERKAGENDA_ID]: '"Een betekenisvol leven met een langdurige psychische aandoening" 2025–2028',
};

/**
 * The verslag (attendance, notes per agenda item, the printable minutes.html), the besluitenlijst
 * and the actielijst across meetings, and the later events on a decision or action point.
 */
@ApiTags('verslag')
@IdempotentWrites()
@Controller('api/v1')
export class MinutesController {
  constructor(
    private readonly commands: Commands,
    private readonly readModel: ReadModel<MeetingsQueries>,
    private readonly vault: PersonalDataVault,
  ) {}

  @Allow('coordinator')
  @ScopedBy({ param: 'id', kind: 'meeting' })
  @Post('meetings/:id/attendance')
  @Operation({ summary: 'Legt vast wie aanwezig was en wie zich afmeldde', answers: { type: MinutesChanged }, refusals })
  @HttpCode(200)
  async attendance(
    @Param('id', id) meetingId: string,
    @Body() body: AttendanceBody,
    @Ctx() ctx: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    const key = (n: string) => n.toLocaleLowerCase('nl');
    const all = [...body.present, ...body.absent].map(key);
    const twice = all.find((n, i) => all.indexOf(n) !== i);
    if (twice !== undefined) {
      const inBoth = body.present.some((p) => key(p) === twice) && body.absent.some((a) => key(a) === twice);
      throw new InvalidInput(
        inBoth ? 'absent' : 'present',
        inBoth ? `${twice} staat zowel bij aanwezig als bij afgemeld` : `${twice} staat er twee keer in`,
      );
    }
    const [present, absent] = await Promise.all([
      Promise.all(body.present.map((n) => this.vault.seal(n))),
      Promise.all(body.absent.map((n) => this.vault.seal(n))),
    ]);
    const result = await this.commands.run(
      new Meeting.Command(meetingId, { type: 'RecordAttendance', data: { meetingId, present, absent } }, ctx),
    );
    return withRevision(res, result.revision, { id: meetingId, meetingId, revision: result.revision });
  }

  @Allow('coordinator')
  @ScopedBy({ param: 'id', kind: 'meeting' })
  @Post('meetings/:id/minutes/items/:itemId')
  @Operation({ summary: 'Legt de aantekeningen bij een agendapunt vast', answers: { type: MinutesChanged }, refusals })
  @HttpCode(200)
  async notes(
    @Param('id', id) meetingId: string,
    @Param('itemId', itemIdParam) itemId: string,
    @Body() body: NotesBody,
    @Ctx() ctx: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { queries } = await this.readModel.at();
    const item = (await queries.agendaOf(await queries.meeting(meetingId), ctx.now)).find((i) => i.id === itemId);
    if (!item) throw new NotFound(`agendapunt ${itemId} staat niet op de agenda van dit overleg`);
    const result = await this.commands.run(
      new Meeting.Command(
        meetingId,
        { type: 'RecordItemNotes', data: { meetingId, itemId, itemTitle: item.title, notes: body.notes } },
        ctx,
      ),
    );
    return withRevision(res, result.revision, { id: itemId, meetingId, revision: result.revision });
  }

  @Get('meetings/:id/minutes')
  @Operation({
    summary: 'Geeft de aanwezigheid en de aantekeningen per agendapunt van een overleg',
    answers: { type: MeetingMinutes },
    refusals: [400, 401, 404],
  })
  async minutes(@Param('id', id) meetingId: string, @Query('asOf', asOfParam) asOf?: string) {
    return minutesOf((await this.readModel.at(asOf)).dataSource, meetingId);
  }

  /** The verslag as a printable page (Dutch, A4, page numbers); a verslag not yet approved is marked as concept. */
  @Get('meetings/:id/minutes.html')
  @Operation({
    summary: 'Geeft het verslag van een overleg als afdrukbare pagina',
    answers: { mediaType: 'text/html' },
    refusals: [400, 401, 404],
  })
  async minutesDocument(
    @Param('id', id) meetingId: string,
    @Query('asOf', asOfParam) asOf: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { queries, dataSource, now, today } = await this.readModel.at(asOf);
    const meeting = await queries.one(meetingId, now);
    const [series, minutes, decisions, actionPoints] = await Promise.all([
      queries.series(),
      minutesOf(dataSource, meetingId),
      decisionList(dataSource, {}).then((all) => all.filter((d) => d.meetingId === meetingId).reverse()),
      actionPointList(dataSource, { meetingId }, today),
    ]);
    const own = series.find((s) => s.id === meeting.seriesId);
    const opened = await unsealDeep({ minutes, actionPoints }, this.vault);
    const page = minutesDocument({
      werkagenda: own ? (WERKAGENDA_TITLES[own.werkagendaId] ?? own.werkagendaId) : '',
      seriesTitle: own?.title ?? KIND_LABEL[meeting.kind],
      local: meeting.local,
      status: meeting.status,
      minutesApprovedAt: meeting.minutesApprovedAt,
      printedOn: today,
      attendance: opened.minutes.attendance as { present: string[]; absent: string[] },
      agenda: meeting.agenda,
      notes: opened.minutes.notes,
      decisions,
      actionPoints: opened.actionPoints as { text: string; owner: string; dueDate: string; status: string; itemId: string | null }[],
    });
    res.type('text/html; charset=utf-8');
    return page;
  }

  @Get('decisions')
  @OneAtATimeUnless('werkagendaId')
  @Operation({
    summary: 'Somt de besluiten van alle overleggen op, nieuwste eerst',
    answers: { type: [DecisionEntry] },
    refusals: [400, 401],
  })
  async decisions(@Query() query: DecisionQuery, @Query('asOf', asOfParam) asOf?: string) {
    return decisionList((await this.readModel.at(asOf)).dataSource, query);
  }

  @Get('decisions.csv')
  @OneAtATimeUnless('werkagendaId')
  @Operation({ summary: 'Geeft de besluitenlijst als CSV', answers: { mediaType: 'text/csv' }, refusals: [400, 401] })
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="besluitenlijst.csv"')
  async decisionsCsv(@Query() query: DecisionQuery, @Query('asOf', asOfParam) asOf?: string) {
    const rows = await decisionList((await this.readModel.at(asOf)).dataSource, query);
    return toCsv(
      ['Datum overleg', 'Overleg', 'Soort besluit', 'Besluit', 'Status', 'Agendapunt', 'Reden wijziging'],
      rows.map((d) => [d.meetingDate, KIND_LABEL[d.meetingKind] ?? d.meetingKind, d.kind, d.text, d.status, d.itemTitle, d.reason]),
    );
  }

  @Allow('coordinator', 'director')
  @ScopedBy({ param: 'id', kind: 'decision' })
  @Post('decisions/:id/correct')
  @Operation({
    summary: 'Corrigeert een besluit met een reden; de oude versie blijft zichtbaar',
    status: 201,
    answers: { type: MinutesChanged },
    refusals,
  })
  async correct(
    @Param('id', id) decisionId: string,
    @Body() body: CorrectBody,
    @Ctx() ctx: CommandContext,
    @Caller() caller: Principal,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { meetingId } = await this.changeable(decisionId, caller);
    const correctionId = newIdFor(ctx, 'decision');
    const result = await this.commands.run(
      new Meeting.Command(
        meetingId,
        { type: 'CorrectDecision', data: { meetingId, decisionId, correctionId, text: body.text, reason: body.reason } },
        ctx,
      ),
    );
    return withRevision(res, result.revision, { id: correctionId, meetingId, revision: result.revision });
  }

  @Allow('coordinator', 'director')
  @ScopedBy({ param: 'id', kind: 'decision' })
  @Post('decisions/:id/withdraw')
  @Operation({
    summary: 'Trekt een besluit in met een reden; het blijft zichtbaar als ingetrokken',
    answers: { type: MinutesChanged },
    refusals,
  })
  @HttpCode(200)
  async withdraw(
    @Param('id', id) decisionId: string,
    @Body() body: WithdrawBody,
    @Ctx() ctx: CommandContext,
    @Caller() caller: Principal,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { meetingId } = await this.changeable(decisionId, caller);
    const result = await this.commands.run(
      new Meeting.Command(meetingId, { type: 'WithdrawDecision', data: { meetingId, decisionId, reason: body.reason } }, ctx),
    );
    return withRevision(res, result.revision, { id: decisionId, meetingId, revision: result.revision });
  }

  @Get('action-points')
  @OneAtATimeUnless('werkagendaId')
  @Operation({
    summary: 'Somt de actiepunten van alle overleggen op, vroegste datum eerst',
    answers: { type: [ActionPointEntry] },
    refusals: [400, 401],
  })
  async actionPoints(@Query() query: ActionPointQuery, @Query('asOf', asOfParam) asOf?: string) {
    return this.openedActionPoints(query, asOf);
  }

  @Get('action-points.csv')
  @OneAtATimeUnless('werkagendaId')
  @Operation({ summary: 'Geeft de actielijst als CSV', answers: { mediaType: 'text/csv' }, refusals: [400, 401] })
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="actielijst.csv"')
  async actionPointsCsv(@Query() query: ActionPointQuery, @Query('asOf', asOfParam) asOf?: string) {
    const rows = await this.openedActionPoints(query, asOf);
    return toCsv(
      ['Actiepunt', 'Wie', 'Uiterlijk', 'Stand', 'Afgerond op', 'Datum overleg', 'Overleg', 'Agendapunt'],
      rows.map((a) => [
        a.text,
        a.owner as string,
        a.dueDate,
        STATUS_LABEL[a.status],
        a.completedOn,
        a.meetingDate,
        KIND_LABEL[a.meetingKind] ?? a.meetingKind,
        a.itemTitle,
      ]),
    );
  }

  @Allow('coordinator')
  @ScopedBy({ param: 'id', kind: 'action-point' })
  @Post('action-points/:id/reassign')
  @Operation({ summary: 'Draagt een actiepunt over aan een andere eigenaar, met een reden', answers: { type: MinutesChanged }, refusals })
  @HttpCode(200)
  async reassign(
    @Param('id', id) actionPointId: string,
    @Body() body: ReassignBody,
    @Ctx() ctx: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { queries } = await this.readModel.at();
    const meetingId = await queries.meetingOfActionPoint(actionPointId);
    const owner = await this.vault.seal(body.owner);
    const result = await this.commands.run(
      new Meeting.Command(meetingId, { type: 'ReassignActionPoint', data: { meetingId, actionPointId, owner, reason: body.reason } }, ctx),
    );
    return withRevision(res, result.revision, { id: actionPointId, meetingId, revision: result.revision });
  }

  /** The decision's meeting; a strategic decision is changed only by a director, as it was recorded. */
  private async changeable(decisionId: string, caller: Principal) {
    const decision = await decisionOf((await this.readModel.at()).dataSource, decisionId);
    if (decision.kind === 'strategisch') requireRole(caller, 'director', 'Alleen een directeur wijzigt een strategisch besluit.');
    return decision;
  }

  /** Owners opened (the owner filter compares names, which are stored sealed). */
  private async openedActionPoints(query: ActionPointQuery, asOf?: string) {
    const { dataSource, today } = await this.readModel.at(asOf);
    const rows = await unsealDeep(await actionPointList(dataSource, query, today), this.vault);
    const owner = query.owner?.toLocaleLowerCase('nl');
    return owner ? rows.filter((a) => String(a.owner).toLocaleLowerCase('nl').includes(owner)) : rows;
  }
}
