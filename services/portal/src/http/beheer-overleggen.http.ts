import { Body, Controller, Get, NotFoundException, Param, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { actionKey } from '@regie/es-core';
import { Public } from '@regie/nest-kit';
import type { ChangeSeries, DefineSeries } from '../api/beheer-api';
import { Portal, PortalPages } from '../session/session.guard';
import type { PortalContext } from '../session/session';
import type { FormErrors } from '../views/form-state';
import { SeriesListPage, SeriesPage } from '../views/pages/beheer/series.page';
import { beheerApi, type Body as FormBody, indexedFieldNames, lines, many, numberOf, write } from './beheer-forms';
import { field, optional } from './forms';
import { sendPage } from './page';
import { PortalExceptionFilter } from './portal-exception.filter';

const seriesPath = (id: string) => `/beheer/overlegvormen/${encodeURIComponent(id)}`;
const FIELD_NAMES = {
  'interval.every': 'every',
  'interval.unit': 'unit',
  interval: 'every',
  ...indexedFieldNames('participants', { '': 'participants' }),
};
const confirmed = (body: FormBody): true | undefined => (many(body, 'confirmHoliday').includes('ja') ? true : undefined);

/**
 * The beheer section, part overlegvormen (a coordinator's): a series with its rhythm, changed or
 * ended from a date on with a reason, and a loose (ad-hoc) overleg.
 */
@ApiExcludeController()
@Public() // the portal checks its own session; the API it calls checks the user's token
@PortalPages()
@UseFilters(PortalExceptionFilter)
@Controller('beheer')
export class BeheerMeetingsController {
  @Get('overlegvormen')
  async list(@Portal() p: PortalContext, @Res() res: Response) {
    sendPage(res, await this.listPage(p));
  }

  @Post('overlegvormen')
  define(@Portal() p: PortalContext, @Body() body: FormBody, @Req() req: Request, @Res() res: Response) {
    const data: DefineSeries = {
      werkagendaId: field(body, 'werkagendaId') ?? '',
      kind: field(body, 'kind') as DefineSeries['kind'],
      title: field(body, 'title') ?? '',
      interval: { unit: field(body, 'unit') as 'weeks', every: numberOf(body, 'every') as number },
      firstDate: field(body, 'firstDate') ?? '',
      localTime: field(body, 'localTime') ?? '',
      durationMinutes: numberOf(body, 'durationMinutes') as number,
      location: optional(body, 'location'),
      chair: optional(body, 'chair'),
      participants: lines(body, 'participants'),
      endsOn: optional(body, 'endsOn'),
      confirmHoliday: confirmed(body),
    };
    return write(req, res, {
      form: 'overlegvorm-nieuw',
      body,
      call: (o) => beheerApi(p).defineSeries(data, o),
      to: '/beheer/overlegvormen',
      message: `De overlegvorm ${data.title} is ingesteld; de overleggen zijn ingepland.`,
      page: (errors) => this.listPage(p, errors),
      fieldNames: FIELD_NAMES,
    });
  }

  @Post('overleggen')
  adHoc(@Portal() p: PortalContext, @Body() body: FormBody, @Req() req: Request, @Res() res: Response) {
    const werkagendaId = field(body, 'werkagendaId') ?? '';
    const code = optional(body, 'actionCode');
    return write(req, res, {
      form: 'overleg-los',
      body,
      call: (o) =>
        beheerApi(p).adHocMeeting(
          {
            werkagendaId,
            title: field(body, 'title') ?? '',
            kind: 'overleg',
            date: field(body, 'date') ?? '',
            time: field(body, 'time') ?? '',
            durationMinutes: numberOf(body, 'durationMinutes') as number,
            location: optional(body, 'location'),
            // The code within the chosen werkagenda; the API takes the action's key.
            actionCode: code && !code.includes(':') ? actionKey(werkagendaId, code) : code,
            chair: optional(body, 'chair'),
            participants: lines(body, 'participants'),
            confirmHoliday: confirmed(body),
          },
          o,
        ),
      to: '/beheer/overlegvormen',
      message: 'Het overleg is gepland. U vindt het bij Overleggen.',
      page: (errors) => this.listPage(p, errors),
      fieldNames: FIELD_NAMES,
    });
  }

  @Get('overlegvormen/:id')
  async one(@Portal() p: PortalContext, @Param('id') id: string, @Res() res: Response) {
    sendPage(res, await this.seriesPage(p, id));
  }

  @Post('overlegvormen/:id/wijzigen')
  change(@Portal() p: PortalContext, @Param('id') id: string, @Body() body: FormBody, @Req() req: Request, @Res() res: Response) {
    const every = numberOf(body, 'every');
    const data: ChangeSeries = {
      from: field(body, 'from') ?? '',
      reason: field(body, 'reason') ?? '',
      ...(every !== undefined ? { interval: { unit: field(body, 'unit') as 'weeks', every: every as number } } : {}),
      ...(optional(body, 'firstDate') ? { firstDate: optional(body, 'firstDate') } : {}),
      ...(optional(body, 'localTime') ? { localTime: optional(body, 'localTime') } : {}),
      ...(numberOf(body, 'durationMinutes') !== undefined ? { durationMinutes: numberOf(body, 'durationMinutes') as number } : {}),
      ...(optional(body, 'location') ? { location: optional(body, 'location') } : {}),
      ...(optional(body, 'chair') ? { chair: optional(body, 'chair') } : {}),
      ...(confirmed(body) ? { confirmHoliday: true } : {}),
    };
    return write(req, res, {
      form: 'overlegvorm-wijzigen',
      body,
      call: (o) => beheerApi(p).changeSeries(id, data, o),
      to: seriesPath(id),
      message: 'De overlegvorm is gewijzigd; de latere overleggen zijn verplaatst.',
      page: (errors) => this.seriesPage(p, id, errors),
      fieldNames: FIELD_NAMES,
    });
  }

  @Post('overlegvormen/:id/beeindigen')
  end(@Portal() p: PortalContext, @Param('id') id: string, @Body() body: FormBody, @Req() req: Request, @Res() res: Response) {
    return write(req, res, {
      form: 'overlegvorm-beeindigen',
      body,
      call: (o) => beheerApi(p).changeSeries(id, { from: field(body, 'from') ?? '', reason: field(body, 'reason') ?? '', end: true }, o),
      to: seriesPath(id),
      message: 'De overlegvorm is beëindigd; de latere overleggen zijn afgezegd.',
      page: (errors) => this.seriesPage(p, id, errors),
    });
  }

  private async listPage(p: PortalContext, errors?: FormErrors) {
    const api = beheerApi(p);
    const [series, werkagendas] = await Promise.all([api.meetingSeries(), api.werkagendas()]);
    return SeriesListPage({ p, series, werkagendas, errors });
  }

  private async seriesPage(p: PortalContext, id: string, errors?: FormErrors) {
    const api = beheerApi(p);
    const [all, werkagendas] = await Promise.all([api.meetingSeries(), api.werkagendas()]);
    const series = all.find((s) => s.id === id);
    if (!series) throw new NotFoundException();
    return SeriesPage({ p, series, werkagendas, errors });
  }
}
