import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { asOfParam, OneAtATimeUnless, Operation, withRevision, zodParam } from '@regie/nest-kit';
import { MeetingDetail, MeetingSeries, MeetingSummary } from './meeting.responses';
import { ReadModel } from '@regie/context';
import type { MeetingsQueries } from '../read-model/meetings.queries';
import { agendaDocument } from '../agenda/agenda-document';
import { meetingsFeed, portalPage } from '../calendar/meetings-feed';
import { isoDate, kindParam, uuidParam, werkagendaIdParam } from '../shared/schemas';

const werkagendaId = werkagendaIdParam.optional();
class ListMeetingsQuery extends createZodDto(
  z.object({ kind: kindParam.optional(), from: isoDate.optional(), to: isoDate.optional(), werkagendaId }),
) {}
class CalendarQuery extends createZodDto(z.object({ kind: kindParam.optional(), werkagendaId })) {}
class SeriesQuery extends createZodDto(z.object({ werkagendaId })) {}

const id = zodParam('id', uuidParam);

@ApiTags('overleggen')
@Controller('api/v1')
export class MeetingsReadController {
  constructor(private readonly readModel: ReadModel<MeetingsQueries>) {}

  @Get('meeting-series')
  @OneAtATimeUnless('werkagendaId')
  @Operation({
    summary: 'Somt de overlegvormen op met deelnemers, voorzitter en ritme',
    answers: { type: [MeetingSeries] },
    refusals: [400, 401],
  })
  async series(@Query() query: SeriesQuery, @Query('asOf', asOfParam) asOf?: string) {
    return (await this.readModel.at(asOf)).queries.series(query.werkagendaId);
  }

  @Get('meetings')
  @OneAtATimeUnless('werkagendaId')
  @Operation({
    summary: 'Somt de overleggen op, te filteren op overlegvorm en periode',
    answers: { type: [MeetingSummary] },
    refusals: [400, 401],
  })
  async list(@Query() query: ListMeetingsQuery, @Query('asOf', asOfParam) asOf?: string) {
    const { queries, now, remember } = await this.readModel.at(asOf);
    return remember(`meetings ${JSON.stringify(query)}`, () => queries.list(query, now));
  }

  /** Declared before meetings/:id so that "calendar.ics" is not taken for an id. */
  @Get('meetings/calendar.ics')
  @OneAtATimeUnless('werkagendaId')
  @Operation({ summary: 'Geeft de overleggen als iCalendar-feed', answers: { mediaType: 'text/calendar' }, refusals: [400, 401] })
  async calendar(
    @Query() query: CalendarQuery,
    @Query('asOf', asOfParam) asOf: string | undefined,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    res.type('text/calendar; charset=utf-8').set('Content-Disposition', 'inline; filename="overleggen.ics"');
    return meetingsFeed(await this.readModel.at(asOf), query, portalPage(req));
  }

  /** The agenda as a printable page (Dutch, A4); a draft is marked as concept. */
  @Get('meetings/:id/agenda.html')
  @Operation({
    summary: 'Geeft de agenda van een overleg als afdrukbare pagina',
    answers: { mediaType: 'text/html' },
    refusals: [400, 401, 404],
  })
  async agendaDocument(
    @Param('id', id) meetingId: string,
    @Query('asOf', asOfParam) asOf: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { queries, now } = await this.readModel.at(asOf);
    const page = agendaDocument(await queries.one(meetingId, now));
    res.type('text/html; charset=utf-8');
    return page;
  }

  @Get('meetings/:id')
  @Operation({
    summary: 'Geeft één overleg met agenda, besluiten en actiepunten',
    answers: { type: MeetingDetail },
    refusals: [400, 401, 404],
  })
  async one(
    @Param('id', id) meetingId: string,
    @Query('asOf', asOfParam) asOf: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { queries, now, remember } = await this.readModel.at(asOf);
    const meeting = await remember(`meeting ${meetingId}`, () => queries.one(meetingId, now));
    return withRevision(res, meeting.revision, meeting);
  }
}
