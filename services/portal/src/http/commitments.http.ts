import { actionKey } from '@regie/es-core';
import { Body, Controller, Get, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '@regie/nest-kit';
import type { CommitmentStatus } from '../api/regie-api.models';
import type { WriteOptions } from '../api/regie-api';
import { Portal, PortalPages } from '../session/session.guard';
import type { PortalContext } from '../session/session';
import { parseActionCodes } from '../views/commitments';
import type { FormErrors } from '../views/form-state';
import { COMMITMENT_STATUS_LABEL } from '../views/labels';
import { CommitmentPage } from '../views/pages/commitment.page';
import { CommitmentsPage } from '../views/pages/commitments.page';
import { field, optional, submit } from './forms';
import { sendPage } from './page';
import { PortalExceptionFilter } from './portal-exception.filter';

type Body = Record<string, unknown>;

const isStatus = (value: unknown): value is CommitmentStatus => typeof value === 'string' && value in COMMITMENT_STATUS_LABEL;

/** Toezeggingen: the list (overdue highlighted), one with its history, and the coordinator's changes. */
@ApiExcludeController()
@Public() // the portal checks its own session; the API it calls checks the user's token
@PortalPages()
@UseFilters(PortalExceptionFilter)
@Controller('toezeggingen')
export class CommitmentsController {
  @Get()
  async list(@Portal() p: PortalContext, @Query('status') status: string | undefined, @Res() res: Response) {
    sendPage(res, await this.listPage(p, isStatus(status) ? status : undefined));
  }

  @Post()
  register(@Portal() p: PortalContext, @Body() body: Body, @Req() req: Request, @Res() res: Response) {
    const werkagendaId = p.werkagendas?.current.id;
    const data = {
      text: field(body, 'text'),
      madeBy: field(body, 'madeBy'),
      madeAt: { date: field(body, 'madeAt.date'), source: field(body, 'madeAt.source') },
      due: field(body, 'due'),
      // Codes as people type them ("1.1"), of the current werkagenda: the API takes the actions' keys.
      actionCodes: parseActionCodes(field(body, 'actionCodes')).map((code) => (werkagendaId ? actionKey(werkagendaId, code) : code)),
      werkagendaId,
    };
    return submit(req, res, {
      form: 'toezegging-registreren',
      body,
      call: (o) => p.api.post<{ id: string }>('/commitments', data, o),
      success: { to: '/toezeggingen', message: 'De toezegging is geregistreerd.' },
      rerender: (errors) => this.listPage(p, undefined, errors),
    });
  }

  @Get(':id')
  async one(@Portal() p: PortalContext, @Param('id') id: string, @Res() res: Response) {
    sendPage(res, await this.page(p, id));
  }

  @Post(':id/uitstellen')
  postpone(@Portal() p: PortalContext, @Param('id') id: string, @Body() body: Body, @Req() req: Request, @Res() res: Response) {
    const data = { due: field(body, 'due'), reason: field(body, 'reason'), source: optional(body, 'source') };
    return this.write(
      req,
      res,
      p,
      id,
      body,
      'uitstellen',
      (o) => p.api.post(`/commitments/${enc(id)}/postpone`, data, o),
      'De toezegging is uitgesteld.',
    );
  }

  @Post(':id/nakomen')
  fulfil(@Portal() p: PortalContext, @Param('id') id: string, @Body() body: Body, @Req() req: Request, @Res() res: Response) {
    const data = {
      document: { title: field(body, 'document.title'), kenmerk: field(body, 'document.kenmerk'), date: field(body, 'document.date') },
    };
    return this.write(
      req,
      res,
      p,
      id,
      body,
      'nakomen',
      (o) => p.api.post(`/commitments/${enc(id)}/fulfil`, data, o),
      'De toezegging is vastgelegd als nagekomen.',
    );
  }

  @Post(':id/intrekken')
  withdraw(@Portal() p: PortalContext, @Param('id') id: string, @Body() body: Body, @Req() req: Request, @Res() res: Response) {
    const data = { reason: field(body, 'reason') };
    return this.write(
      req,
      res,
      p,
      id,
      body,
      'intrekken',
      (o) => p.api.post(`/commitments/${enc(id)}/withdraw`, data, o),
      'De toezegging is ingetrokken.',
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
  ) {
    return submit(req, res, {
      form,
      body,
      call,
      success: { to: `/toezeggingen/${enc(id)}`, message },
      rerender: (errors) => this.page(p, id, errors),
    });
  }

  private async listPage(p: PortalContext, status?: CommitmentStatus, errors?: FormErrors) {
    return CommitmentsPage({ p, commitments: await p.api.commitments(status, p.asOf?.instant), status, errors });
  }

  private async page(p: PortalContext, id: string, errors?: FormErrors) {
    const commitment = await p.api.commitment(id, p.asOf?.instant);
    const actors = await p.api.actorNames(commitment.history.map((h) => h.actor));
    return CommitmentPage({ p, commitment, errors, actors });
  }
}

const enc = encodeURIComponent;
