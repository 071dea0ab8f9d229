import { Body, Controller, Get, Header, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { Commands, ReadModel } from '@regie/context';
import { actionKey, amsterdamDate, IllegalTransition, InvalidInput, type CommandContext, splitActionKey } from '@regie/es-core';
import { Allow, asOfParam, Ctx, IdempotentWrites, Operation, ScopedBy, withRevision, zodParam } from '@regie/nest-kit';
import { IndicatorChanged, IndicatorDetail, MeasurementRecorded } from '../read-model/monitoring.responses';
import { toCsv } from '../milestone-board/board.export';
import { applicableTarget, targetsValidAt } from '../projection/forecast';
import { Indicator } from '../monitoring.commands';
import type { MonitoringQueries } from '../read-model/monitoring.queries';
import { count, indicatorIdParam, isoDay, monthPeriod, werkagendaIdSchema } from '../shared/schemas';
import { werkagendaQuery } from '../shared/werkagenda';
import { DIRECTIONS } from './indicator';
import type { BaselineInput, TargetInput } from './indicator.decide';
import { indicatorChartSvg } from './indicator.chart';
import { lastDayOf, newIndicatorId } from './indicator-id';

const text = (max: number) => z.string({ error: 'verwacht tekst' }).trim().min(1, 'mag niet leeg zijn').max(max, `maximaal ${max} tekens`);
const baselineBody = z.object({ value: count, date: isoDay, source: text(500) });
const targetBody = z.object({
  value: count,
  date: isoDay.nullable().describe('De datum waarop het doel bereikt moet zijn; null: op de langere termijn'),
  text: text(1000).optional(),
  source: text(500).optional(),
});
const targetsBody = z.array(targetBody, { error: 'verwacht een lijst doelen' }).max(20, 'maximaal 20 doelen');

class DefineIndicatorBody extends createZodDto(
  z.object({
    werkagendaId: werkagendaIdSchema,
    actionCode: text(120).describe('De actie (sleutel, of code binnen de werkagenda) waar de indicator bij hoort').optional(),
    name: text(200),
    unit: text(100),
    direction: z.enum(DIRECTIONS, { error: 'verwacht hoger-is-beter of lager-is-beter' }),
    baseline: baselineBody.optional(),
    targets: targetsBody.optional(),
  }),
) {}

class ChangeIndicatorBody extends createZodDto(
  z.object({
    name: text(200).optional(),
    unit: text(100).optional(),
    baseline: baselineBody.optional(),
    targets: targetsBody.describe('De doelen zoals ze vanaf vandaag gelden (de hele set)').optional(),
    reason: text(1000).describe('Verplicht als de doelen wijzigen').optional(),
  }),
) {}

const targetInputs = (targets: z.infer<typeof targetsBody> | undefined): TargetInput[] | undefined =>
  targets?.map((t) => ({ value: t.value, date: t.date, ...(t.text ? { text: t.text } : {}), ...(t.source ? { source: t.source } : {}) }));

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
@IdempotentWrites()
@Controller('api/v1/indicators')
export class IndicatorsController {
  constructor(
    private readonly commands: Commands,
    private readonly readModel: ReadModel<MonitoringQueries>,
  ) {}

  /** The indicators of one werkagenda (the first without `werkagendaId`). With `asOf`: as recorded by then. */
  @Get()
  @Operation({
    summary: 'Somt de indicatoren van een werkagenda op met basislijn, doelen (en hun geschiedenis) en metingen',
    answers: { type: [IndicatorDetail] },
    refusals: [400, 401],
  })
  async list(@Query('werkagendaId', werkagendaQuery) werkagendaId: string, @Query('asOf', asOfParam) asOf?: string) {
    const { queries, remember } = await this.readModel.at(asOf);
    return remember(`indicators ${werkagendaId}`, () => queries.facts.indicators(werkagendaId));
  }

  /** Defines an indicator of a werkagenda with its baseline and first targets; the name is unique in the werkagenda. */
  @Allow('coordinator')
  @ScopedBy({ body: 'werkagendaId' })
  @Post()
  @Operation({
    summary: 'Legt een indicator vast met basislijn en doelen',
    status: 201,
    answers: { type: IndicatorDetail },
    refusals: [400, 401, 403, 404, 409],
  })
  async define(@Body() body: DefineIndicatorBody, @Ctx() ctx: CommandContext, @Res({ passthrough: true }) res: Response) {
    const facts = this.readModel.queries.facts;
    const { werkagendaId } = body;
    const actionCode = body.actionCode === undefined ? null : this.keyIn(werkagendaId, body.actionCode);
    if (await facts.nameTaken(werkagendaId, body.name)) throw this.nameTaken(body.name);
    const indicatorId = await newIndicatorId(werkagendaId, body.name, (id) => facts.indicatorExists(id));
    const command = {
      type: 'CreateIndicator' as const,
      data: {
        indicatorId,
        werkagendaId,
        actionCode,
        title: body.name,
        unit: body.unit,
        direction: body.direction,
        baseline: (body.baseline ?? null) as BaselineInput | null,
        targets: targetInputs(body.targets) ?? [],
        today: amsterdamDate(ctx.now),
      },
    };
    const result = await this.commands.run(new Indicator.Command(indicatorId, command, ctx));
    res.status(201).setHeader('Location', `/api/v1/indicators/${indicatorId}`);
    return withRevision(res, result.revision, await facts.indicator(indicatorId));
  }

  /** Changes name, unit, baseline or targets; changing targets needs a reason, and the targets before stay valid for the moments before. */
  @Allow('coordinator')
  @ScopedBy({ param: 'id', kind: 'indicator' })
  @Patch(':id')
  @Operation({
    summary: 'Wijzigt naam, eenheid, basislijn of doelen van een indicator (een doel wijzigt alleen met een reden)',
    answers: { type: IndicatorChanged },
    refusals: [400, 401, 403, 404, 409],
  })
  async change(
    @Param('id', id) indicatorId: string,
    @Body() body: ChangeIndicatorBody,
    @Ctx() ctx: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    const facts = this.readModel.queries.facts;
    const werkagendaId = await facts.indicatorWerkagenda(indicatorId);
    if (werkagendaId && body.name && (await facts.nameTaken(werkagendaId, body.name, indicatorId))) throw this.nameTaken(body.name);
    const command = {
      type: 'ChangeIndicator' as const,
      data: {
        indicatorId,
        ...(body.name ? { title: body.name } : {}),
        ...(body.unit ? { unit: body.unit } : {}),
        ...(body.baseline ? { baseline: body.baseline as BaselineInput } : {}),
        ...(body.targets ? { targets: targetInputs(body.targets) } : {}),
        ...(body.reason ? { reason: body.reason } : {}),
        today: amsterdamDate(ctx.now),
      },
    };
    const result = await this.commands.run(new Indicator.Command(indicatorId, command, ctx));
    return withRevision(res, result.revision, {
      changed: result.events.map((e) => e.type),
      indicator: await facts.indicator(indicatorId),
    });
  }

  /** An action key of the werkagenda: a bare code is the code within it ("1.1"), a key must name it. */
  private keyIn(werkagendaId: string, given: string): string {
    const key = given.includes(':') ? given : actionKey(werkagendaId, given);
    if (splitActionKey(key).werkagendaId !== werkagendaId) {
      throw new InvalidInput('actionCode', `actie ${given} hoort niet bij werkagenda ${werkagendaId}`);
    }
    return key;
  }

  private nameTaken(name: string) {
    return new IllegalTransition(`Er is in deze werkagenda al een indicator met de naam "${name}".`);
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
  @ScopedBy({ param: 'id', kind: 'indicator' })
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
        // The target as it was valid in that month, not as it is now.
        const target = applicableTarget(targetsValidAt(i.targetHistory, lastDayOf(m.period)), m.period);
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
    return indicatorChartSvg({
      title: i.title,
      unit: i.unit,
      direction: i.direction,
      baseline: i.baseline,
      targetHistory: i.targetHistory,
      measurements: i.measurements,
    });
  }
}
