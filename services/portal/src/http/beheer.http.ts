import { Body, Controller, Get, NotFoundException, Param, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '@regie/nest-kit';
import type { TargetInput } from '../api/beheer-api';
import { PortalApiFactory } from '../api/portal-api.factory';
import { ApiError } from '../api/regie-api';
import { Portal, PortalPages } from '../session/session.guard';
import type { PortalContext } from '../session/session';
import type { FormErrors } from '../views/form-state';
import { BeheerActionPage } from '../views/pages/beheer/action.page';
import { IndicatorPage, IndicatorsPage, TARGET_ROWS } from '../views/pages/beheer/indicators.page';
import { BeheerWerkagendaPage, nextLineNumber } from '../views/pages/beheer/werkagenda.page';
import { WerkagendasPage } from '../views/pages/beheer/werkagendas.page';
import {
  beheerApi,
  type Body as FormBody,
  indexedFieldNames,
  lines,
  many,
  numberOf,
  PARTY_FIELD_NAMES,
  partyInput,
  partyOf,
  write,
} from './beheer-forms';
import { field, optional } from './forms';
import { sendPage } from './page';
import { PortalExceptionFilter } from './portal-exception.filter';

const enc = encodeURIComponent;
const werkagendaPath = (id: string) => `/beheer/werkagendas/${enc(id)}`;
const notFoundIf404 = (error: unknown): never => {
  if (error instanceof ApiError && error.status === 404) throw new NotFoundException();
  throw error;
};

/**
 * The beheer section, part werkagenda's: werkagenda's with their parties and action lines, their
 * actions, and indicators. Every write goes to the API with the user's token: the services decide.
 */
@ApiExcludeController()
@Public() // the portal checks its own session; the API it calls checks the user's token
@PortalPages()
@UseFilters(PortalExceptionFilter)
@Controller('beheer')
export class BeheerController {
  constructor(private readonly apis: PortalApiFactory) {}

  /** A write that changes what the header's werkagenda list shows (an id, a title, archived): the next page reads it anew. */
  private async listed<T>(write: Promise<T>): Promise<T> {
    const written = await write;
    this.apis.forgetWerkagendas();
    return written;
  }

  @Get()
  async werkagendas(@Portal() p: PortalContext, @Res() res: Response) {
    sendPage(res, await this.werkagendasPage(p));
  }

  @Post('werkagendas')
  establish(@Portal() p: PortalContext, @Body() body: FormBody, @Req() req: Request, @Res() res: Response) {
    const id = field(body, 'id') ?? '';
    const actionLines = lines(body, 'actionLines').map((title, n) => ({ number: n + 1, title }));
    return write(req, res, {
      form: 'werkagenda-nieuw',
      body,
      call: (o) =>
        this.listed(
          beheerApi(p).establishWerkagenda(
            {
              id,
              title: field(body, 'title') ?? '',
              period: { from: field(body, 'from') ?? '', to: field(body, 'to') ?? '' },
              parties: [],
              actionLines,
            },
            o,
          ),
        ),
      to: werkagendaPath(id),
      message: 'De werkagenda is vastgelegd. Voeg nu haar partijen toe.',
      page: (errors) => this.werkagendasPage(p, errors),
      fieldNames: {
        'period.from': 'from',
        'period.to': 'to',
        period: 'to',
        ...indexedFieldNames('actionLines', { title: 'actionLines', number: 'actionLines', '': 'actionLines' }),
      },
    });
  }

  @Get('werkagendas/:id')
  async werkagenda(@Portal() p: PortalContext, @Param('id') id: string, @Res() res: Response) {
    sendPage(res, await this.werkagendaPage(p, id));
  }

  @Post('werkagendas/:id/wijzigen')
  change(@Portal() p: PortalContext, @Param('id') id: string, @Body() body: FormBody, @Req() req: Request, @Res() res: Response) {
    return write(req, res, {
      form: 'werkagenda-wijzigen',
      body,
      call: (o) =>
        this.listed(
          beheerApi(p).changeWerkagenda(
            id,
            {
              title: field(body, 'title'),
              period: { from: field(body, 'from') ?? '', to: field(body, 'to') ?? '' },
              reason: optional(body, 'reason'),
            },
            o,
          ),
        ),
      to: werkagendaPath(id),
      message: 'De werkagenda is gewijzigd.',
      page: (errors) => this.werkagendaPage(p, id, errors),
      fieldNames: { 'period.from': 'from', 'period.to': 'to', period: 'to' },
    });
  }

  @Post('werkagendas/:id/partijen')
  async addParty(@Portal() p: PortalContext, @Param('id') id: string, @Body() body: FormBody, @Req() req: Request, @Res() res: Response) {
    const werkagenda = await beheerApi(p).werkagenda(id).catch(notFoundIf404);
    const parties = [...werkagenda.parties.map(partyInput), partyOf(body)];
    return write(req, res, {
      form: 'partij-nieuw',
      body,
      call: (o) => beheerApi(p).changeWerkagenda(id, { parties }, o),
      to: werkagendaPath(id),
      message: 'De partij is toegevoegd.',
      page: (errors) => this.werkagendaPage(p, id, errors),
      fieldNames: partyFieldNames(parties.length - 1),
    });
  }

  @Post('werkagendas/:id/partijen/:code')
  async changeParty(
    @Portal() p: PortalContext,
    @Param('id') id: string,
    @Param('code') code: string,
    @Body() body: FormBody,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    const werkagenda = await beheerApi(p).werkagenda(id).catch(notFoundIf404);
    const index = werkagenda.parties.findIndex((party) => party.code === code);
    if (index < 0) throw new NotFoundException();
    const parties = werkagenda.parties.map((party, n) => (n === index ? partyOf(body, code) : partyInput(party)));
    return write(req, res, {
      form: `partij-${code}`,
      body,
      call: (o) => beheerApi(p).changeWerkagenda(id, { parties, reason: optional(body, 'reason') }, o),
      to: werkagendaPath(id),
      message: 'De partij is gewijzigd.',
      page: (errors) => this.werkagendaPage(p, id, errors),
      fieldNames: partyFieldNames(index),
    });
  }

  @Post('werkagendas/:id/actielijnen')
  async addLine(@Portal() p: PortalContext, @Param('id') id: string, @Body() body: FormBody, @Req() req: Request, @Res() res: Response) {
    const werkagenda = await beheerApi(p).werkagenda(id).catch(notFoundIf404);
    const actionLines = [...werkagenda.actionLines, { number: nextLineNumber(werkagenda), title: field(body, 'title') ?? '' }];
    return write(req, res, {
      form: 'actielijn-nieuw',
      body,
      call: (o) => beheerApi(p).changeWerkagenda(id, { actionLines }, o),
      to: werkagendaPath(id),
      message: 'De actielijn is toegevoegd.',
      page: (errors) => this.werkagendaPage(p, id, errors),
      fieldNames: indexedFieldNames('actionLines', { title: 'title', number: 'title', '': 'title' }),
    });
  }

  @Post('werkagendas/:id/actielijnen/:number')
  async renameLine(
    @Portal() p: PortalContext,
    @Param('id') id: string,
    @Param('number') number: string,
    @Body() body: FormBody,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    const werkagenda = await beheerApi(p).werkagenda(id).catch(notFoundIf404);
    if (!werkagenda.actionLines.some((l) => String(l.number) === number)) throw new NotFoundException();
    const actionLines = werkagenda.actionLines.map((l) =>
      String(l.number) === number ? { number: l.number, title: field(body, 'title') ?? '' } : l,
    );
    return write(req, res, {
      form: `actielijn-${number}`,
      body,
      call: (o) => beheerApi(p).changeWerkagenda(id, { actionLines, reason: optional(body, 'reason') }, o),
      to: werkagendaPath(id),
      message: `Actielijn ${number} is hernoemd.`,
      page: (errors) => this.werkagendaPage(p, id, errors),
      fieldNames: indexedFieldNames('actionLines', { title: 'title', number: 'title', '': 'title' }),
    });
  }

  @Post('werkagendas/:id/archiveren')
  archive(@Portal() p: PortalContext, @Param('id') id: string, @Body() body: FormBody, @Req() req: Request, @Res() res: Response) {
    return write(req, res, {
      form: 'werkagenda-archiveren',
      body,
      call: (o) => this.listed(beheerApi(p).archiveWerkagenda(id, field(body, 'reason') ?? '', o)),
      to: werkagendaPath(id),
      message: 'De werkagenda is gearchiveerd.',
      page: (errors) => this.werkagendaPage(p, id, errors),
    });
  }

  @Post('werkagendas/:id/acties')
  defineAction(@Portal() p: PortalContext, @Param('id') id: string, @Body() body: FormBody, @Req() req: Request, @Res() res: Response) {
    const code = field(body, 'code') ?? '';
    return write(req, res, {
      form: 'actie-nieuw',
      body,
      call: (o) =>
        beheerApi(p).defineAction(
          id,
          {
            code,
            title: field(body, 'title') ?? '',
            actionLine: numberOf(body, 'actionLine') as number,
            leadParties: many(body, 'leadParties'),
            actiehouderPersonIds: many(body, 'actiehouderPersonIds'),
            startActivities: lines(body, 'startActivities'),
          },
          o,
        ),
      to: werkagendaPath(id),
      message: `Actie ${code} is vastgelegd.`,
      page: (errors) => this.werkagendaPage(p, id, errors),
      fieldNames: {
        ...indexedFieldNames('leadParties', { '': 'leadParties' }),
        ...indexedFieldNames('actiehouderPersonIds', { '': 'actiehouderPersonIds' }),
        ...indexedFieldNames('startActivities', { '': 'startActivities' }),
      },
    });
  }

  @Get('acties/:key')
  async action(@Portal() p: PortalContext, @Param('key') key: string, @Res() res: Response) {
    sendPage(res, await this.actionPage(p, key));
  }

  @Post('acties/:key')
  async changeAction(
    @Portal() p: PortalContext,
    @Param('key') key: string,
    @Body() body: FormBody,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    const action = await beheerApi(p).action(key).catch(notFoundIf404);
    return write(req, res, {
      form: 'actie-wijzigen',
      body,
      call: (o) =>
        beheerApi(p).changeAction(
          key,
          {
            title: field(body, 'title'),
            leadParties: many(body, 'leadParties'),
            actiehouderPersonIds: many(body, 'actiehouderPersonIds'),
            startActivities: lines(body, 'startActivities'),
            reason: optional(body, 'reason'),
          },
          o,
        ),
      to: werkagendaPath(action.werkagendaId),
      message: `Actie ${action.code} is gewijzigd.`,
      page: (errors) => this.actionPage(p, key, errors),
      fieldNames: {
        ...indexedFieldNames('leadParties', { '': 'leadParties' }),
        ...indexedFieldNames('actiehouderPersonIds', { '': 'actiehouderPersonIds' }),
        ...indexedFieldNames('startActivities', { '': 'startActivities' }),
      },
    });
  }

  @Get('indicatoren')
  async indicators(@Portal() p: PortalContext, @Res() res: Response) {
    sendPage(res, await this.indicatorsPage(p));
  }

  @Post('indicatoren')
  defineIndicator(@Portal() p: PortalContext, @Body() body: FormBody, @Req() req: Request, @Res() res: Response) {
    const targets = targetsOf(body, 1);
    return write(req, res, {
      form: 'indicator-nieuw',
      body,
      call: (o) =>
        beheerApi(p).defineIndicator(
          {
            werkagendaId: field(body, 'werkagendaId') ?? '',
            actionCode: optional(body, 'actionCode'),
            name: field(body, 'name') ?? '',
            unit: field(body, 'unit') ?? '',
            direction: field(body, 'direction') as 'hoger-is-beter',
            ...(targets.length > 0 ? { targets } : {}),
          },
          o,
        ),
      to: '/beheer/indicatoren',
      message: 'De indicator is vastgelegd.',
      page: (errors) => this.indicatorsPage(p, errors),
      fieldNames: targetFieldNames(),
    });
  }

  @Get('indicatoren/:id')
  async indicator(@Portal() p: PortalContext, @Param('id') id: string, @Res() res: Response) {
    sendPage(res, await this.indicatorPage(p, id));
  }

  @Post('indicatoren/:id')
  changeTargets(@Portal() p: PortalContext, @Param('id') id: string, @Body() body: FormBody, @Req() req: Request, @Res() res: Response) {
    return write(req, res, {
      form: 'doelen-wijzigen',
      body,
      call: (o) => beheerApi(p).changeIndicator(id, { targets: targetsOf(body, TARGET_ROWS), reason: optional(body, 'reason') }, o),
      to: `/beheer/indicatoren/${enc(id)}`,
      message: 'De doelen zijn gewijzigd.',
      page: (errors) => this.indicatorPage(p, id, errors),
      fieldNames: targetFieldNames(),
    });
  }

  private async werkagendasPage(p: PortalContext, errors?: FormErrors) {
    return WerkagendasPage({ p, werkagendas: await beheerApi(p).werkagendas(), errors });
  }

  private async werkagendaPage(p: PortalContext, id: string, errors?: FormErrors) {
    const api = beheerApi(p);
    const [werkagenda, actions, people] = await Promise.all([
      api.werkagenda(id).catch(notFoundIf404),
      api.actions(id).catch(notFoundIf404),
      api.people().catch(() => []),
    ]);
    return BeheerWerkagendaPage({ p, werkagenda, actions, people, errors });
  }

  private async actionPage(p: PortalContext, key: string, errors?: FormErrors) {
    const api = beheerApi(p);
    const action = await api.action(key).catch(notFoundIf404);
    const [werkagenda, people] = await Promise.all([api.werkagenda(action.werkagendaId), api.people().catch(() => [])]);
    return BeheerActionPage({ p, action, werkagenda, people, errors });
  }

  private async indicatorsPage(p: PortalContext, errors?: FormErrors) {
    const api = beheerApi(p);
    const [indicators, werkagendas] = await Promise.all([api.indicators(), api.werkagendas()]);
    return IndicatorsPage({ p, indicators, werkagendas, errors });
  }

  private async indicatorPage(p: PortalContext, id: string, errors?: FormErrors) {
    const api = beheerApi(p);
    const [indicator, werkagendas] = await Promise.all([api.indicator(id).catch(notFoundIf404), api.werkagendas()]);
    return IndicatorPage({ p, indicator, werkagendas, errors });
  }
}

/** The party at `index` of the list sent is the one the form shows. */
const partyFieldNames = (index: number): Record<string, string> =>
  Object.fromEntries(Object.entries(PARTY_FIELD_NAMES).map(([path, input]) => [`parties.${index}.${path}`, input]));

/** The target rows filled in: a value, and a date or none (on the longer term). */
function targetsOf(body: FormBody, rows: number): TargetInput[] {
  const targets: TargetInput[] = [];
  for (let n = 0; n < rows; n++) {
    const value = numberOf(body, `value-${n}`);
    if (value === undefined) continue;
    targets.push({ value: value as number, date: optional(body, `date-${n}`) ?? null });
  }
  return targets;
}

const targetFieldNames = (): Record<string, string> => {
  const names: Record<string, string> = {};
  for (let n = 0; n < TARGET_ROWS; n++) {
    names[`targets.${n}.value`] = `value-${n}`;
    names[`targets.${n}.date`] = `date-${n}`;
    names[`targets.${n}`] = `value-${n}`;
  }
  return names;
};
