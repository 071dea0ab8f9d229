import { Body, Controller, Get, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '@regie/nest-kit';
import type { ApiAnswer } from '../api/api-transport';
import type { ActionPointQuery, DecisionQuery } from '../api/regie-api';
import { Portal, PortalPages } from '../session/session.guard';
import type { PortalContext } from '../session/session';
import type { FormErrors } from '../views/form-state';
import { isKind } from '../views/meetings';
import { type ActionPointFilters, ActionPointsPage, ACTION_POINT_STATUS_LABEL } from '../views/pages/action-points.page';
import { type DecisionFilters, DecisionsPage } from '../views/pages/decisions.page';
import { namesOf } from '../views/pages/meeting-minutes';
import { field, submit } from './forms';
import { meetingPage } from './meeting-page';
import { sendPage } from './page';
import { PortalExceptionFilter } from './portal-exception.filter';

type Body = Record<string, unknown>;
type Filters = Record<string, string | undefined>;

const enc = encodeURIComponent;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim().slice(0, 200) : undefined);

/** The besluitenlijst's filters as typed in the page's query (unknown values are left out). */
function decisionFilters(query: Filters): DecisionFilters {
  const van = ISO_DATE.test(query.van ?? '') ? query.van : undefined;
  const tot = ISO_DATE.test(query.tot ?? '') ? query.tot : undefined;
  const [from, to] = van && tot && van > tot ? [tot, van] : [van, tot];
  return {
    soort: query.soort === 'operationeel' || query.soort === 'strategisch' ? query.soort : undefined,
    overleg: isKind(query.overleg) ? query.overleg : undefined,
    van: from,
    tot: to,
    zoek: text(query.zoek),
  };
}
const decisionQuery = (f: DecisionFilters, p: PortalContext): DecisionQuery => ({
  kind: f.soort,
  meetingKind: f.overleg,
  from: f.van,
  to: f.tot,
  q: f.zoek,
  asOf: p.asOf?.instant,
});

function actionPointFilters(query: Filters): ActionPointFilters {
  return { status: query.status && query.status in ACTION_POINT_STATUS_LABEL ? query.status : undefined, eigenaar: text(query.eigenaar) };
}
const actionPointQuery = (f: ActionPointFilters, p: PortalContext): ActionPointQuery => ({
  status: f.status,
  owner: f.eigenaar,
  asOf: p.asOf?.instant,
});

/** The filters a form was posted from, to return to the same list. */
const searchOf = (req: Request) => (req.originalUrl.includes('?') ? req.originalUrl.slice(req.originalUrl.indexOf('?')) : '');

async function sendCsv(res: Response, file: string, answer: ApiAnswer) {
  res
    .set({ 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${file}"` })
    .send(Buffer.from(await answer.arrayBuffer()));
}

/** The verslag on the meeting page: attendance, notes per agenda item, and the printable verslag. */
@ApiExcludeController()
@Public() // the portal checks its own session; the API it calls checks the user's token
@PortalPages()
@UseFilters(PortalExceptionFilter)
@Controller('overleggen')
export class MeetingMinutesController {
  @Get(':id/verslag')
  async document(@Portal() p: PortalContext, @Param('id') id: string, @Res() res: Response) {
    const page = await p.api.minutesDocument(id, p.asOf?.instant);
    // The service's printable page has its own inline stylesheet (print styles, page numbers) and nothing else.
    res
      .set({
        'Content-Type': 'text/html; charset=utf-8',
        'Cache-Control': 'no-store',
        'Content-Security-Policy':
          "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
      })
      .send(await page.text());
  }

  @Post(':id/aanwezigheid')
  attendance(@Portal() p: PortalContext, @Param('id') id: string, @Body() body: Body, @Req() req: Request, @Res() res: Response) {
    const data = { present: namesOf(field(body, 'present')), absent: namesOf(field(body, 'absent')) };
    return submit(req, res, {
      form: 'aanwezigheid',
      body,
      call: (o) => p.api.post(`/meetings/${enc(id)}/attendance`, data, o),
      success: { to: `/overleggen/${enc(id)}#verslag-inhoud`, message: 'De aanwezigheid is vastgelegd.' },
      rerender: (errors) => meetingPage(p, id, errors),
    });
  }

  @Post(':id/verslag/punten/:item')
  notes(
    @Portal() p: PortalContext,
    @Param('id') id: string,
    @Param('item') item: string,
    @Body() body: Body,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    return submit(req, res, {
      form: `aantekeningen-${item}`,
      body,
      call: (o) => p.api.post(`/meetings/${enc(id)}/minutes/items/${enc(item)}`, { notes: field(body, 'notes') ?? '' }, o),
      success: { to: `/overleggen/${enc(id)}#verslag-inhoud`, message: 'De aantekeningen zijn opgeslagen.' },
      rerender: (errors) => meetingPage(p, id, errors),
    });
  }
}

/** The besluitenlijst across meetings: filters, CSV, and correcting or withdrawing a decision with a reason. */
@ApiExcludeController()
@Public()
@PortalPages()
@UseFilters(PortalExceptionFilter)
@Controller('besluitenlijst')
export class DecisionsController {
  @Get()
  async list(@Portal() p: PortalContext, @Query() query: Filters, @Res() res: Response) {
    sendPage(res, await this.page(p, decisionFilters(query)));
  }

  @Get('besluitenlijst.csv')
  async csv(@Portal() p: PortalContext, @Query() query: Filters, @Res() res: Response) {
    await sendCsv(res, 'besluitenlijst.csv', await p.api.decisionsCsv(decisionQuery(decisionFilters(query), p)));
  }

  @Post(':id/corrigeren')
  correct(
    @Portal() p: PortalContext,
    @Param('id') id: string,
    @Query() query: Filters,
    @Body() body: Body,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    const data = { text: field(body, 'text'), reason: field(body, 'reason') };
    return submit(req, res, {
      form: `corrigeren-${id}`,
      body,
      call: (o) => p.api.post(`/decisions/${enc(id)}/correct`, data, o),
      success: { to: `/besluitenlijst${searchOf(req)}`, message: 'De correctie is vastgelegd; de eerdere versie blijft zichtbaar.' },
      rerender: (errors) => this.page(p, decisionFilters(query), errors),
    });
  }

  @Post(':id/intrekken')
  withdraw(
    @Portal() p: PortalContext,
    @Param('id') id: string,
    @Query() query: Filters,
    @Body() body: Body,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    return submit(req, res, {
      form: `intrekken-${id}`,
      body,
      call: (o) => p.api.post(`/decisions/${enc(id)}/withdraw`, { reason: field(body, 'reason') }, o),
      success: { to: `/besluitenlijst${searchOf(req)}`, message: 'Het besluit is ingetrokken.' },
      rerender: (errors) => this.page(p, decisionFilters(query), errors),
    });
  }

  private async page(p: PortalContext, filters: DecisionFilters, errors?: FormErrors) {
    return DecisionsPage({ p, decisions: await p.api.decisions(decisionQuery(filters, p)), filters, errors });
  }
}

/** The actielijst across meetings: filters, CSV, and reassigning an action point with a reason. */
@ApiExcludeController()
@Public()
@PortalPages()
@UseFilters(PortalExceptionFilter)
@Controller('actielijst')
export class ActionPointsController {
  @Get()
  async list(@Portal() p: PortalContext, @Query() query: Filters, @Res() res: Response) {
    sendPage(res, await this.page(p, actionPointFilters(query)));
  }

  @Get('actielijst.csv')
  async csv(@Portal() p: PortalContext, @Query() query: Filters, @Res() res: Response) {
    await sendCsv(res, 'actielijst.csv', await p.api.actionPointsCsv(actionPointQuery(actionPointFilters(query), p)));
  }

  @Post(':id/overdragen')
  reassign(
    @Portal() p: PortalContext,
    @Param('id') id: string,
    @Query() query: Filters,
    @Body() body: Body,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    const data = { owner: field(body, 'owner'), reason: field(body, 'reason') };
    return submit(req, res, {
      form: `overdragen-${id}`,
      body,
      call: (o) => p.api.post(`/action-points/${enc(id)}/reassign`, data, o),
      success: { to: `/actielijst${searchOf(req)}`, message: 'Het actiepunt is overgedragen.' },
      rerender: (errors) => this.page(p, actionPointFilters(query), errors),
    });
  }

  private async page(p: PortalContext, filters: ActionPointFilters, errors?: FormErrors) {
    return ActionPointsPage({ p, actionPoints: await p.api.actionPointList(actionPointQuery(filters, p)), filters, errors });
  }
}
