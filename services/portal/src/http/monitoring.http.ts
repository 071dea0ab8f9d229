import { Body, Controller, Get, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '@regie/nest-kit';
import { ApiError } from '../api/regie-api';
import { Portal, PortalPages } from '../session/session.guard';
import type { PortalContext } from '../session/session';
import { amsterdamLocal, isQuarter, quarterOf } from '../views/format';
import type { FormErrors } from '../views/form-state';
import { MilestonesPage } from '../views/pages/milestones.page';
import { ProjectionPage } from '../views/pages/projection.page';
import { field, optional, submit } from './forms';
import { sendPage } from './page';
import { PortalExceptionFilter } from './portal-exception.filter';

type Body = Record<string, unknown>;

/** The mijlpalen board and the quarterly projection (with indicators, publication by a director). */
@ApiExcludeController()
@Public() // the portal checks its own session; the API it calls checks the user's token
@PortalPages()
@UseFilters(PortalExceptionFilter)
@Controller()
export class MonitoringController {
  @Get('mijlpalen')
  async board(@Portal() p: PortalContext, @Query('alleen') alleen: string | undefined, @Res() res: Response) {
    const [board, werkagenda] = await Promise.all([p.api.milestoneBoard(p.asOf?.instant), p.api.werkagenda(p.asOf?.instant)]);
    sendPage(res, MilestonesPage({ p, board, werkagenda, onlyLate: alleen === 'te-laat' }));
  }

  @Get('voortgangsrapportage')
  async projection(
    @Portal() p: PortalContext,
    @Query('kwartaal') kwartaal: string | undefined,
    @Query('versie') versie: string | undefined,
    @Res() res: Response,
  ) {
    const quarter = isQuarter(kwartaal) ? kwartaal : quarterOf(amsterdamLocal(p.now).date);
    const version = versie && /^\d+$/.test(versie) ? Number(versie) : undefined;
    sendPage(res, await this.page(p, quarter, version));
  }

  @Post('voortgangsrapportage/:quarter/publiceren')
  publish(@Portal() p: PortalContext, @Param('quarter') quarter: string, @Body() body: Body, @Req() req: Request, @Res() res: Response) {
    return submit(req, res, {
      form: 'publiceren',
      body,
      call: (o) => p.api.publishProjection(quarter, o),
      success: { to: `/voortgangsrapportage?kwartaal=${enc(quarter)}`, message: 'De kwartaalprojectie is gepubliceerd en bevroren.' },
      rerender: (errors) => this.page(p, isQuarter(quarter) ? quarter : quarterOf(amsterdamLocal(p.now).date), undefined, errors),
    });
  }

  /** The monitoring service's chart, fetched with the user's token (an `img` cannot send one). */
  @Get('voortgangsrapportage/indicatoren/:id/grafiek.svg')
  async chart(@Portal() p: PortalContext, @Param('id') id: string, @Res() res: Response) {
    const svg = await (await p.api.indicatorChart(id, p.asOf?.instant)).text();
    res
      .set({
        'Content-Type': 'image/svg+xml; charset=utf-8',
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
        'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
      })
      .send(svg);
  }

  @Post('voortgangsrapportage/indicatoren/:id/metingen')
  measure(
    @Portal() p: PortalContext,
    @Param('id') id: string,
    @Query('kwartaal') kwartaal: string | undefined,
    @Body() body: Body,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    const quarter = isQuarter(kwartaal) ? kwartaal : quarterOf(amsterdamLocal(p.now).date);
    const value = field(body, 'value');
    const data = {
      period: field(body, 'period'),
      value: value === undefined || value === '' ? undefined : Number(value),
      source: optional(body, 'source'),
    };
    return submit(req, res, {
      form: `meting-${id}`,
      body,
      call: (o) => p.api.post(`/indicators/${enc(id)}/measurements`, data, o),
      success: { to: `/voortgangsrapportage?kwartaal=${quarter}#indicator-${enc(id)}`, message: 'De meting is vastgelegd.' },
      rerender: (errors) => this.page(p, quarter, undefined, errors),
    });
  }

  private async page(p: PortalContext, quarter: string, version?: number, errors?: FormErrors) {
    const asOf = p.asOf?.instant;
    const [live, latest, werkagenda, indicators] = await Promise.all([
      p.api.projection(quarter, asOf),
      p.api.published(quarter, undefined, asOf).catch(noneYet),
      p.api.werkagenda(asOf),
      p.api.indicators(asOf),
    ]);
    const shown = version === undefined ? undefined : await p.api.published(quarter, version, asOf);
    const actors = await p.api.actorNames([shown?.publishedBy, latest?.publishedBy]);
    return ProjectionPage({ p, quarter, projection: shown?.document ?? live, shown, latest, werkagenda, indicators, errors, actors });
  }
}

/** No published version yet is a normal state, not an error. */
const noneYet = (error: unknown): undefined => {
  if (error instanceof ApiError && error.status === 404) return undefined;
  throw error;
};

const enc = encodeURIComponent;
