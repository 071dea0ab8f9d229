import { Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Commands, ReadModel } from '@regie/context';
import type { CommandContext } from '@regie/es-core';
import { Allow, asOfParam, Ctx, IdempotentWrites, Operation, ScopedBy, zodParam } from '@regie/nest-kit';
import { Projection, ProjectionComparison, PublishedProjection } from '../read-model/monitoring.responses';
import { Publication } from '../monitoring.commands';
import type { MonitoringQueries } from '../read-model/monitoring.queries';
import { quarterParam, versionParam } from '../shared/schemas';
import { notPublished, ProjectionService } from './projection.service';
import { FIRST_WERKAGENDA_KIND, werkagendaQuery } from '../shared/werkagenda';
import { publicationKey } from './publication';

const quarter = zodParam('quarter', quarterParam);
const version = (field: string) => zodParam(field, versionParam.optional());
const required = (field: string) => zodParam(field, versionParam);

/**
 * The quarterly projection for the regiegroep of one werkagenda (`?werkagendaId=`, the first
 * werkagenda without it): live, published (frozen) versions and their differences.
 */
@ApiTags('monitoring')
@IdempotentWrites()
@Controller('api/v1/monitoring/projections/:quarter')
export class ProjectionsController {
  constructor(
    private readonly projections: ProjectionService,
    private readonly commands: Commands,
    private readonly readModel: ReadModel<MonitoringQueries>,
  ) {}

  /** Computed now from everything monitoring knows; changes as events arrive. With `asOf`: as it would have been computed then. */
  @Get()
  @Operation({ summary: 'Berekent de kwartaalprojectie zoals die nu staat', answers: { type: Projection }, refusals: [400, 401] })
  async live(
    @Param('quarter', quarter) q: string,
    @Query('werkagendaId', werkagendaQuery) werkagendaId: string,
    @Query('asOf', asOfParam) asOf?: string,
  ) {
    const view = await this.readModel.at(asOf);
    return view.remember(`projection ${q} ${werkagendaId}`, () => this.projections.compute(q, werkagendaId, view));
  }

  /** Freezes the projection as computed now as a ProjectionPublished event (a new version each time). */
  @Allow('director')
  @ScopedBy({ query: 'werkagendaId' }, { param: 'quarter', kind: FIRST_WERKAGENDA_KIND })
  @Post('publish')
  @Operation({
    summary: 'Publiceert de kwartaalprojectie: bevriest haar als nieuwe versie',
    status: 201,
    answers: { type: PublishedProjection },
    refusals: [400, 401, 403, 404, 409],
  })
  async publish(
    @Param('quarter', quarter) q: string,
    @Query('werkagendaId', werkagendaQuery) werkagendaId: string,
    @Ctx() ctx: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    const document = await this.projections.compute(q, werkagendaId);
    const command = {
      type: 'PublishProjection' as const,
      data: { quarter: q, publishedAt: ctx.now.toISOString(), document, werkagendaId },
    };
    const result = await this.commands.run(new Publication.Command(publicationKey(werkagendaId, q), command, ctx));
    const row = await this.projections.published(q, werkagendaId, result.events[0].data.version);
    res.status(201).setHeader('ETag', `"${result.revision}"`);
    return this.projections.envelope(row);
  }

  /** The latest published version — with `asOf`, the latest that had been published then (a later one did not exist yet). */
  @Get('published')
  @Operation({
    summary: 'Geeft een gepubliceerde versie van de kwartaalprojectie, standaard de laatste',
    answers: { type: PublishedProjection },
    refusals: [400, 401, 404],
  })
  async published(
    @Param('quarter', quarter) q: string,
    @Query('version', version('version')) v: number | undefined,
    @Query('werkagendaId', werkagendaQuery) werkagendaId: string,
    @Query('asOf', asOfParam) asOf: string | undefined,
  ) {
    const view = await this.readModel.at(asOf);
    // "Not published yet" is kept too: the kwartaalprojectie page asks for it at every view until a director publishes.
    const found = await view.remember(`published ${q} ${werkagendaId} ${v}`, async () => {
      const row = await this.projections.findPublished(q, werkagendaId, v, view);
      return row ? this.projections.envelope(row) : null;
    });
    if (!found) throw notPublished(q, v);
    return found;
  }

  /**
   * The frozen document itself, byte for byte as it was published (no envelope, never re-serialised):
   * what an auditor hashes. `Repr-Digest` (RFC 9530) and the ETag carry its sha256.
   */
  @Get('published/document')
  @Operation({
    summary: 'Geeft het bevroren document van een gepubliceerde versie, byte voor byte zoals gepubliceerd',
    answers: { type: Projection },
    refusals: [400, 401, 404],
  })
  async publishedDocument(
    @Param('quarter', quarter) q: string,
    @Query('version', version('version')) v: number | undefined,
    @Query('werkagendaId', werkagendaQuery) werkagendaId: string,
    @Query('asOf', asOfParam) asOf: string | undefined,
    @Res() res: Response,
  ) {
    const row = await this.projections.published(q, werkagendaId, v, await this.readModel.at(asOf));
    res
      .status(200)
      .type('application/json; charset=utf-8')
      .set('ETag', `"${row.sha256}"`)
      .set('Repr-Digest', `sha-256=:${Buffer.from(row.sha256, 'hex').toString('base64')}:`)
      .send(Buffer.from(row.document, 'utf8'));
  }

  /** What changed between two published versions, field by field. */
  @Get('published/compare')
  @Operation({
    summary: 'Vergelijkt twee gepubliceerde versies, veld voor veld',
    answers: { type: ProjectionComparison },
    refusals: [400, 401, 404],
  })
  async compare(
    @Param('quarter', quarter) q: string,
    @Query('from', required('from')) from: number,
    @Query('to', required('to')) to: number,
    @Query('werkagendaId', werkagendaQuery) werkagendaId: string,
    @Query('asOf', asOfParam) asOf?: string,
  ) {
    return this.projections.compare(q, werkagendaId, from, to, await this.readModel.at(asOf));
  }
}
