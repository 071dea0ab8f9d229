import { Body, Controller, ForbiddenException, Get, NotFoundException, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { addDays } from '@regie/calendar';
import { Public } from '@regie/nest-kit';
import { ApiError } from '../api/regie-api';
import type { Person } from '../api/regie-api.models';
import { mayRead } from '../session/rights';
import { Portal, PortalPages } from '../session/session.guard';
import { chooseWerkagenda, type PortalContext, safeReturnPath } from '../session/session';
import { amsterdamLocal } from '../views/format';
import type { FormErrors } from '../views/form-state';
import { ActionPage } from '../views/pages/action.page';
import { HomePage } from '../views/pages/home.page';
import { WerkagendaChoicePage } from '../views/pages/werkagenda-choice.page';
import { WerkagendaPage } from '../views/pages/werkagenda.page';
import { field, optional, submit } from './forms';
import { redirect, sendPage } from './page';
import { PortalExceptionFilter } from './portal-exception.filter';

type Body = Record<string, unknown>;

/** Overzicht, werkagenda and the action page with its forms (voortgang, knelpunten, mijlpalen). */
@ApiExcludeController()
@Public() // the portal checks its own session; the API it calls checks the user's token
@PortalPages()
@UseFilters(PortalExceptionFilter)
@Controller()
export class WerkagendaController {
  @Get()
  async home(@Portal() p: PortalContext, @Res() res: Response) {
    const today = amsterdamLocal(p.now).date;
    const [actions, overdue, meetings] = await Promise.all([
      p.api.actions(),
      p.api.commitments('overdue'),
      // From a quarter back: a meeting that was never recorded ("niet gehouden") is still the coordinator's task.
      p.api.meetings({ from: addDays(today, -RECORD_WINDOW_DAYS) }),
    ]);
    const upcoming = meetings.filter((m) => m.status !== 'cancelled' && new Date(m.endsAt) > p.now).slice(0, 5);
    const unrecorded = meetings.filter((m) => m.notHeld);
    // A director's decisions waiting: the open knelpunten escalated to the regiegroep (only the actions that have open ones are read).
    const escalated = p.rights.publishProjection
      ? (
          await Promise.all(
            actions
              .filter((a) => a.openKnelpunten > 0)
              .map(async (a) => ({
                key: a.key,
                code: a.code,
                count: (await p.api.action(a.key)).knelpunten.filter((k) => k.status === 'open' && k.escalatedTo === 'regiegroep').length,
              })),
          )
        ).filter((e) => e.count > 0)
      : [];
    sendPage(res, HomePage({ p, data: { actions, overdue, upcoming, unrecorded, escalated } }));
  }

  @Get('werkagenda')
  async werkagenda(@Portal() p: PortalContext, @Res() res: Response) {
    const [werkagenda, actions, people] = await Promise.all([
      p.api.werkagenda(p.asOf?.instant),
      p.api.actions(p.asOf?.instant),
      peopleOf(p),
    ]);
    sendPage(res, WerkagendaPage({ p, werkagenda, actions, people }));
  }

  /** Choosing among more werkagenda's than the header lists: a search by name, and the ones that match. */
  @Get('werkagenda-kiezen')
  chooser(@Portal() p: PortalContext, @Query('zoek') zoek: unknown, @Query('terug') terug: unknown, @Res() res: Response) {
    if (!p.werkagendas) throw new NotFoundException('U heeft geen werkagenda om uit te kiezen.');
    const search = typeof zoek === 'string' && zoek.trim() ? zoek.trim().slice(0, 200) : undefined;
    sendPage(res, WerkagendaChoicePage({ p, search, returnTo: safeReturnPath(terug) }));
  }

  /** The header's switcher: remembers the chosen werkagenda (one the user holds a grant in) and returns to the same section. */
  @Post('werkagenda-kiezen')
  choose(@Portal() p: PortalContext, @Body() body: Body, @Req() req: Request, @Res() res: Response) {
    const chosen = field(body, 'werkagendaId');
    if (!chosen || !p.werkagendas?.choices.some((w) => w.id === chosen))
      throw new ForbiddenException('U heeft geen rechten in deze werkagenda. Kies een werkagenda uit de lijst.');
    chooseWerkagenda(req, res, chosen);
    redirect(res, safeReturnPath(field(body, 'terug')));
  }

  @Get('acties/:code')
  async action(@Portal() p: PortalContext, @Param('code') code: string, @Res() res: Response) {
    sendPage(res, await this.actionPage(p, code));
  }

  @Post('acties/:code/voortgang')
  report(@Portal() p: PortalContext, @Param('code') code: string, @Body() body: Body, @Req() req: Request, @Res() res: Response) {
    return this.write(
      req,
      res,
      p,
      code,
      body,
      'voortgang-form',
      `/actions/${enc(code)}/progress-reports`,
      { rag: field(body, 'rag'), summary: field(body, 'summary') },
      'Uw voortgangsrapportage is opgeslagen.',
    );
  }

  @Post('acties/:code/knelpunten')
  raise(@Portal() p: PortalContext, @Param('code') code: string, @Body() body: Body, @Req() req: Request, @Res() res: Response) {
    const data = { description: field(body, 'description'), escalateTo: optional(body, 'escalateTo') };
    return this.write(req, res, p, code, body, 'knelpunt-melden', `/actions/${enc(code)}/knelpunten`, data, 'Het knelpunt is gemeld.');
  }

  @Post('acties/:code/knelpunten/:id/escaleren')
  escalate(
    @Portal() p: PortalContext,
    @Param('code') code: string,
    @Param('id') id: string,
    @Body() body: Body,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    return this.write(
      req,
      res,
      p,
      code,
      body,
      `knelpunt-${id}-escaleren`,
      `/actions/${enc(code)}/knelpunten/${enc(id)}/escalate`,
      { to: field(body, 'to') },
      'Het knelpunt is geëscaleerd.',
    );
  }

  @Post('acties/:code/knelpunten/:id/oplossen')
  resolve(
    @Portal() p: PortalContext,
    @Param('code') code: string,
    @Param('id') id: string,
    @Body() body: Body,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    const data = { resolution: field(body, 'resolution') };
    return this.write(
      req,
      res,
      p,
      code,
      body,
      `knelpunt-${id}-oplossen`,
      `/actions/${enc(code)}/knelpunten/${enc(id)}/resolve`,
      data,
      'Het knelpunt is opgelost.',
    );
  }

  @Post('acties/:code/mijlpalen')
  plan(@Portal() p: PortalContext, @Param('code') code: string, @Body() body: Body, @Req() req: Request, @Res() res: Response) {
    const data = { title: field(body, 'title'), dueDate: field(body, 'dueDate') };
    return this.write(req, res, p, code, body, 'mijlpaal-plannen', `/actions/${enc(code)}/milestones`, data, 'De mijlpaal is gepland.');
  }

  @Post('acties/:code/mijlpalen/:id/:step')
  milestone(
    @Portal() p: PortalContext,
    @Param('code') code: string,
    @Param('id') id: string,
    @Param('step') step: string,
    @Body() body: Body,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    const steps: Record<string, [string, object, string]> = {
      starten: ['start', {}, 'De mijlpaal is gestart.'],
      behalen: ['achieve', { achievedOn: field(body, 'achievedOn') }, 'De mijlpaal is behaald.'],
      herplannen: ['replan', { dueDate: field(body, 'dueDate'), reason: field(body, 'reason') }, 'De mijlpaal is herpland.'],
      'laten-vervallen': ['cancel', { reason: field(body, 'reason') }, 'De mijlpaal is vervallen.'],
    };
    const chosen = steps[step];
    if (!chosen) throw new NotFoundException();
    const [apiStep, data, message] = chosen;
    const form = `mijlpaal-${id}-${step === 'laten-vervallen' ? 'vervallen' : step}`;
    return this.write(req, res, p, code, body, form, `/actions/${enc(code)}/milestones/${enc(id)}/${apiStep}`, data, message);
  }

  private write(
    req: Request,
    res: Response,
    p: PortalContext,
    code: string,
    body: Body,
    form: string,
    path: string,
    data: object,
    message: string,
  ) {
    return submit(req, res, {
      form,
      body,
      call: (options) => p.api.post(path, data, options),
      // Back to the confirmation banner (#bevestiging), so it is in view after the page loads, not far above it.
      success: { to: `/acties/${enc(code)}#bevestiging`, message },
      rerender: (errors) => this.actionPage(p, code, errors),
    });
  }

  /** An action by its key, of whichever werkagenda the user may read (another's is not found, as the user sees it). */
  private async actionPage(p: PortalContext, key: string, errors?: FormErrors) {
    const [action, people] = await Promise.all([p.api.action(key, p.asOf?.instant), peopleOf(p)]);
    if (!mayRead(p.me, action.werkagendaId))
      throw new NotFoundException('Deze actie bestaat niet of hoort bij een werkagenda waarin u geen rechten heeft.');
    const [werkagenda, actors] = await Promise.all([
      p.api.inWerkagenda(action.werkagendaId).werkagenda(p.asOf?.instant),
      p.api.actorNames(action.progressReports.map((r) => r.reportedBy)),
    ]);
    return ActionPage({ p, action, werkagenda, errors, actors, people });
  }
}

const enc = encodeURIComponent;

/** The people directory, to name actiehouders; a page still shows without it (then without their names). */
export const peopleOf = (p: PortalContext): Promise<Person[]> =>
  p.api.people().catch((error: unknown) => {
    if (error instanceof ApiError && error.status < 500) return [];
    throw error;
  });
/** How far back the start page looks for meetings never recorded as held. */
const RECORD_WINDOW_DAYS = 92;
