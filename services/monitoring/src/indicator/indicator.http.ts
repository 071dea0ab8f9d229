import { Body, Controller, Get, Header, Param, Post, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { Commands, ReadModel } from '@regie/context';
import { amsterdamDate, type CommandContext } from '@regie/es-core';
import { Allow, asOfParam, Ctx, Operation, withRevision, zodParam } from '@regie/nest-kit';
import { IndicatorDetail, MeasurementRecorded } from '../read-model/monitoring.responses';
import { toCsv } from '../milestone-board/board.export';
import { applicableTarget } from '../projection/forecast';
import { Indicator } from '../monitoring.commands';
import type { MonitoringQueries } from '../read-model/monitoring.queries';
import { count, indicatorIdParam, monthPeriod } from '../shared/schemas';
import { indicatorChartSvg } from './indicator.chart';

class RecordMeasurementBody extends createZodDto(
  z.object({
    period: monthPeriod,
    value: count,
    source: z.string().trim().min(1, 'mag niet leeg zijn').max(500, 'maximaal 500 tekens').optional(),
  }),
) {}

const id = zodParam('id', indicatorIdParam);

/** Indicators with baseline, targets and measurements: see API.md, section Monitoring. */
@ApiTags('indicatoren')
@Controller('api/v1/indicators')
export class IndicatorsController {
  constructor(
    private readonly commands: Commands,
    private readonly readModel: ReadModel<MonitoringQueries>,
  ) {}

  /** With `asOf`: the indicators, targets and measurements as recorded by then. */
  @Get()
  @Operation({
    summary: 'Somt de indicatoren op met basislijn, doelen en metingen',
    answers: { type: [IndicatorDetail] },
    refusals: [400, 401],
  })
  async list(@Query('asOf', asOfParam) asOf?: string) {
    return (await this.readModel.at(asOf)).queries.facts.indicators();
  }

  @Get(':id')
  @Operation({
    summary: 'Geeft één indicator met basislijn, doelen en metingen',
    answers: { type: IndicatorDetail },
    refusals: [400, 401, 404],
  })
  async one(
    @Param('id', id) indicatorId: string,
    @Query('asOf', asOfParam) asOf: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const indicator = await (await this.readModel.at(asOf)).queries.facts.indicator(indicatorId);
    return withRevision(res, indicator.revision, indicator);
  }

  @Allow('coordinator')
  @Post(':id/measurements')
  @Operation({
    summary: 'Legt een meting van een indicator vast (of corrigeert die)',
    status: 201,
    answers: { type: MeasurementRecorded },
    refusals: [400, 401, 403, 404, 409],
  })
  async record(
    @Param('id', id) indicatorId: string,
    @Body() body: RecordMeasurementBody,
    @Ctx() ctx: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    const command = {
      type: 'RecordMeasurement' as const,
      data: { indicatorId, period: body.period, value: body.value, source: body.source ?? null, today: amsterdamDate(ctx.now) },
    };
    const result = await this.commands.run(new Indicator.Command(indicatorId, command, ctx));
    const event = result.events[0];
    return withRevision(res, result.revision, {
      indicatorId,
      period: body.period,
      value: body.value,
      revision: result.revision,
      recorded: result.events.length > 0,
      previousValue: event?.type === 'MeasurementRecorded' ? event.data.previousValue : null,
    });
  }

  @Get(':id/series.csv')
  @Operation({ summary: 'Geeft de metingen van een indicator als CSV', answers: { mediaType: 'text/csv' }, refusals: [400, 401, 404] })
  @Header('Content-Type', 'text/csv; charset=utf-8')
  async series(
    @Param('id', id) indicatorId: string,
    @Query('asOf', asOfParam) asOf: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const i = await (await this.readModel.at(asOf)).queries.facts.indicator(indicatorId);
    res.setHeader('Content-Disposition', `attachment; filename="${indicatorId}.csv"`);
    const header = ['periode', 'waarde', 'doel_max', 'doel_bron', 'basislijn', 'bron_meting', 'correcties', 'bron_positie'];
    return toCsv(
      header,
      i.measurements.map((m) => {
        const target = applicableTarget(i.targets, m.period);
        return [
          m.period,
          m.value,
          target?.value ?? null,
          target?.source ?? null,
          i.baseline?.value ?? null,
          m.source,
          m.corrections,
          m.position,
        ];
      }),
    );
  }

  @Get(':id/chart.svg')
  @Operation({ summary: 'Geeft de grafiek van een indicator als SVG', answers: { mediaType: 'image/svg+xml' }, refusals: [400, 401, 404] })
  @Header('Content-Type', 'image/svg+xml; charset=utf-8')
  async chart(@Param('id', id) indicatorId: string, @Query('asOf', asOfParam) asOf?: string) {
    const i = await (await this.readModel.at(asOf)).queries.facts.indicator(indicatorId);
    return indicatorChartSvg({ title: i.title, unit: i.unit, baseline: i.baseline, targets: i.targets, measurements: i.measurements });
  }
}
