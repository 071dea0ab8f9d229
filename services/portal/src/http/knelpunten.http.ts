import { Controller, Get, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '@regie/nest-kit';
import { Portal, PortalPages } from '../session/session.guard';
import type { PortalContext } from '../session/session';
import { KnelpuntenPage } from '../views/pages/knelpunten.page';
import { sendPage } from './page';
import { PortalExceptionFilter } from './portal-exception.filter';

/** The knelpunten overview across actions (the home tile "open knelpunten" leads here). */
@ApiExcludeController()
@Public() // the portal checks its own session; the API it calls checks the user's token
@PortalPages()
@UseFilters(PortalExceptionFilter)
@Controller('knelpunten')
export class KnelpuntenController {
  @Get()
  async overview(@Portal() p: PortalContext, @Res() res: Response) {
    // The API lists knelpunten per action: every action's page is read (a few dozen, in parallel).
    const summaries = await p.api.actions();
    const actions = await Promise.all(summaries.map((a) => p.api.action(a.key)));
    sendPage(res, KnelpuntenPage({ p, actions }));
  }
}
