import { Body, Controller, Get, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '@regie/nest-kit';
import type { WriteOptions } from '../api/regie-api';
import type { CalendarTokenMade } from '../api/regie-api.models';
import { Portal, PortalPages } from '../session/session.guard';
import type { PortalContext } from '../session/session';
import { amsterdamInstant } from '../views/format';
import type { FormErrors } from '../views/form-state';
import { isKind } from '../views/meetings';
import { MeetingPrintPage } from '../views/pages/meeting-print.page';
import { MeetingsPage } from '../views/pages/meetings.page';
import { field, submit } from './forms';
import { meetingPage, seriesOfMeeting } from './meeting-page';
import { sendPage } from './page';
import { PortalExceptionFilter } from './portal-exception.filter';

type Body = Record<string, unknown>;

/** The overleg calendar, a meeting (agenda, holding, record), its print view and the iCalendar feed. */
@ApiExcludeController()
@Public() // the portal checks its own session; the API it calls checks the user's token
@PortalPages()
@UseFilters(PortalExceptionFilter)
@Controller('overleggen')
export class MeetingsController {
  @Get()
  async calendar(@Portal() p: PortalContext, @Query('soort') soort: string | undefined, @Res() res: Response) {
    sendPage(res, await this.calendarPage(p, soort));
  }

  /** A personal address for Outlook and the like: shown once, in the message after it is made. */
  @Post('agenda-abonnement')
  subscribe(@Portal() p: PortalContext, @Body() body: Body, @Req() req: Request, @Res() res: Response) {
    const success = { to: '/overleggen#bevestiging', message: '' };
    return submit(req, res, {
      form: 'agenda-abonnement',
      body,
      call: async (o) => {
        const made = await p.api.post<CalendarTokenMade>('/calendar-tokens', {}, o);
        // The address on the portal's own origin, as the user reaches it (the API answers on the same origin).
        const address = `${req.protocol}://${req.get('host')}${new URL(made.url).pathname}`;
        success.message =
          `Uw persoonlijke agenda-adres: ${address} — kopieer het nu en voeg het in uw agenda toe als abonnement ` +
          '(in Outlook: Agenda toevoegen, Abonneren via internet). Het wordt niet opnieuw getoond; wie het adres heeft, ziet de overleggen.';
      },
      success,
      rerender: (errors) => this.calendarPage(p, undefined, errors),
    });
  }

  @Post('agenda-abonnement/:token/intrekken')
  unsubscribe(@Portal() p: PortalContext, @Param('token') token: string, @Body() body: Body, @Req() req: Request, @Res() res: Response) {
    return submit(req, res, {
      form: `abonnement-intrekken-${token}`,
      body,
      call: (o) => p.api.delete(`/calendar-tokens/${enc(token)}`, o),
      success: { to: '/overleggen#bevestiging', message: 'Het agenda-adres is ingetrokken: het werkt niet meer.' },
      rerender: (errors) => this.calendarPage(p, undefined, errors),
    });
  }

  private async calendarPage(p: PortalContext, soort: string | undefined, errors?: FormErrors) {
    const kind = isKind(soort) ? soort : undefined;
    const [meetings, series, tokens] = await Promise.all([
      p.api.meetings({ kind, asOf: p.asOf?.instant }),
      p.api.meetingSeries(),
      p.asOf ? Promise.resolve([]) : p.api.calendarTokens(),
    ]);
    return MeetingsPage({ p, meetings, series, kind, tokens, errors });
  }

  /** Declared before :id. The feed needs the user's token, so it comes through the portal. */
  @Get('agenda.ics')
  async ics(@Portal() p: PortalContext, @Query('soort') soort: string | undefined, @Res() res: Response) {
    const feed = await p.api.calendar(isKind(soort) ? soort : undefined);
    res
      .set({ 'Content-Type': 'text/calendar; charset=utf-8', 'Content-Disposition': 'attachment; filename="overleggen.ics"' })
      .send(await feed.text());
  }

  @Get(':id')
  async meeting(@Portal() p: PortalContext, @Param('id') id: string, @Res() res: Response) {
    sendPage(res, await this.page(p, id));
  }

  @Get(':id/afdrukken')
  async print(@Portal() p: PortalContext, @Param('id') id: string, @Res() res: Response) {
    const meeting = await p.api.meeting(id, p.asOf?.instant);
    const ofSeries = await seriesOfMeeting(p, meeting);
    // The header names the meeting's werkagenda; without it, "Werkagenda" alone.
    const werkagenda = ofSeries
      ? await p.api
          .inWerkagenda(ofSeries.werkagendaId)
          .werkagenda()
          .catch(() => undefined)
      : undefined;
    sendPage(res, MeetingPrintPage({ meeting, series: ofSeries, werkagenda: werkagenda?.title, now: p.now }));
  }

  @Post(':id/agendapunten')
  addItem(@Portal() p: PortalContext, @Param('id') id: string, @Body() body: Body, @Req() req: Request, @Res() res: Response) {
    return this.write(
      req,
      res,
      p,
      id,
      body,
      'agendapunt-toevoegen',
      (o) => p.api.post(`/meetings/${enc(id)}/agenda-items`, { title: field(body, 'title') }, o),
      'Het agendapunt is toegevoegd.',
      '#agenda',
    );
  }

  @Post(':id/agendapunten/:item/intrekken')
  withdraw(
    @Portal() p: PortalContext,
    @Param('id') id: string,
    @Param('item') item: string,
    @Body() body: Body,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    return this.write(
      req,
      res,
      p,
      id,
      body,
      `intrekken-${item}`,
      (o) => p.api.delete(`/meetings/${enc(id)}/agenda-items/${enc(item)}`, o),
      'Het agendapunt is ingetrokken.',
      '#agenda',
    );
  }

  @Post(':id/agenda/publiceren')
  publish(@Portal() p: PortalContext, @Param('id') id: string, @Body() body: Body, @Req() req: Request, @Res() res: Response) {
    return this.write(
      req,
      res,
      p,
      id,
      body,
      'agenda-publiceren',
      (o) => p.api.post(`/meetings/${enc(id)}/agenda/publish`, {}, o),
      'De agenda is gepubliceerd.',
      '#agenda',
    );
  }

  @Post(':id/gehouden')
  held(@Portal() p: PortalContext, @Param('id') id: string, @Body() body: Body, @Req() req: Request, @Res() res: Response) {
    return this.write(
      req,
      res,
      p,
      id,
      body,
      'gehouden',
      (o) => p.api.post(`/meetings/${enc(id)}/held`, {}, o),
      'Vastgelegd: het overleg is gehouden.',
      '#besluiten',
    );
  }

  @Post(':id/voorzitter')
  chair(@Portal() p: PortalContext, @Param('id') id: string, @Body() body: Body, @Req() req: Request, @Res() res: Response) {
    return this.write(
      req,
      res,
      p,
      id,
      body,
      'voorzitter',
      (o) => p.api.post(`/meetings/${enc(id)}/chair`, { chair: field(body, 'chair') }, o),
      'De voorzitter van dit overleg is vastgelegd.',
      '',
    );
  }

  @Post(':id/verplaatsen')
  reschedule(@Portal() p: PortalContext, @Param('id') id: string, @Body() body: Body, @Req() req: Request, @Res() res: Response) {
    const local = field(body, 'startsAt') ?? '';
    const data = { startsAt: amsterdamInstant(local) ?? local, reason: field(body, 'reason') };
    return this.write(
      req,
      res,
      p,
      id,
      body,
      'verplaatsen',
      (o) => p.api.post(`/meetings/${enc(id)}/reschedule`, data, o),
      'Het overleg is verplaatst.',
      '',
    );
  }

  @Post(':id/annuleren')
  cancel(@Portal() p: PortalContext, @Param('id') id: string, @Body() body: Body, @Req() req: Request, @Res() res: Response) {
    return this.write(
      req,
      res,
      p,
      id,
      body,
      'annuleren',
      (o) => p.api.post(`/meetings/${enc(id)}/cancel`, { reason: field(body, 'reason') }, o),
      'Het overleg is geannuleerd.',
      '',
    );
  }

  @Post(':id/besluiten')
  decide(@Portal() p: PortalContext, @Param('id') id: string, @Body() body: Body, @Req() req: Request, @Res() res: Response) {
    const data = { text: field(body, 'text'), kind: field(body, 'kind') };
    return this.write(
      req,
      res,
      p,
      id,
      body,
      'besluit',
      (o) => p.api.post(`/meetings/${enc(id)}/decisions`, data, o),
      'Het besluit is vastgelegd.',
      '#besluiten',
    );
  }

  @Post(':id/actiepunten')
  assign(@Portal() p: PortalContext, @Param('id') id: string, @Body() body: Body, @Req() req: Request, @Res() res: Response) {
    const data = { text: field(body, 'text'), owner: field(body, 'owner'), dueDate: field(body, 'dueDate') };
    return this.write(
      req,
      res,
      p,
      id,
      body,
      'actiepunt',
      (o) => p.api.post(`/meetings/${enc(id)}/action-points`, data, o),
      'Het actiepunt is uitgezet.',
      '#actiepunten',
    );
  }

  @Post(':id/actiepunten/:point/afronden')
  complete(
    @Portal() p: PortalContext,
    @Param('id') id: string,
    @Param('point') point: string,
    @Body() body: Body,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    return this.write(
      req,
      res,
      p,
      id,
      body,
      `afronden-${point}`,
      (o) => p.api.post(`/action-points/${enc(point)}/complete`, {}, o),
      'Het actiepunt is afgerond.',
      '#actiepunten',
    );
  }

  @Post(':id/verslag/vaststellen')
  approve(@Portal() p: PortalContext, @Param('id') id: string, @Body() body: Body, @Req() req: Request, @Res() res: Response) {
    return this.write(
      req,
      res,
      p,
      id,
      body,
      'verslag',
      (o) => p.api.post(`/meetings/${enc(id)}/minutes/approve`, {}, o),
      'Het verslag is vastgesteld.',
      '',
    );
  }

  private write(
    req: Request,
    res: Response,
    p: PortalContext,
    id: string,
    body: Body,
    form: string,
    call: (o: WriteOptions) => Promise<unknown>,
    message: string,
    anchor: string,
  ) {
    return submit(req, res, {
      form,
      body,
      call,
      success: { to: `/overleggen/${enc(id)}${anchor}`, message },
      rerender: (errors) => this.page(p, id, errors),
    });
  }

  private page(p: PortalContext, id: string, errors?: FormErrors) {
    return meetingPage(p, id, errors);
  }
}

const enc = encodeURIComponent;
