import { Controller, Get, Header, Query } from '@nestjs/common';
import { asOfParam, Operation } from '@regie/nest-kit';
import { BoardAction, BoardActionLine, OverdueCommitment } from '../read-model/monitoring.responses';
import { ReadModel } from '@regie/context';
import type { MonitoringQueries } from '../read-model/monitoring.queries';
import { ApiTags } from '@nestjs/swagger';
import { toCsv } from './board.export';
import { isLate } from '../shared/lateness';
import { werkagendaQuery } from '../shared/werkagenda';

/** Every read is about one werkagenda: `?werkagendaId=`, the first werkagenda without it. */
@ApiTags('monitoring')
@Controller('api/v1/monitoring')
export class MilestoneBoardController {
  constructor(private readonly readModel: ReadModel<MonitoringQueries>) {}

  @Get('milestones')
  @Operation({
    summary: 'Geeft het mijlpalenbord: per actie de stand van elke mijlpaal',
    answers: { type: [BoardAction] },
    refusals: [400, 401],
  })
  async board(@Query('werkagendaId', werkagendaQuery) werkagendaId: string, @Query('asOf', asOfParam) asOf?: string) {
    const { queries, today, remember } = await this.readModel.at(asOf);
    return remember(`board ${werkagendaId}`, () => queries.board.board(today, werkagendaId));
  }

  /** The same board per action line (0–3), with counts per state. */
  @Get('milestones/by-action-line')
  @Operation({
    summary: 'Geeft het mijlpalenbord per actielijn, met tellingen per stand',
    answers: { type: [BoardActionLine] },
    refusals: [400, 401],
  })
  async byActionLine(@Query('werkagendaId', werkagendaQuery) werkagendaId: string, @Query('asOf', asOfParam) asOf?: string) {
    const { queries, today, remember } = await this.readModel.at(asOf);
    return remember(`board-by-action-line ${werkagendaId}`, () => queries.board.byActionLine(today, werkagendaId));
  }

  @Get('milestones.csv')
  @Operation({ summary: 'Geeft het mijlpalenbord als CSV', answers: { mediaType: 'text/csv' }, refusals: [400, 401] })
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="mijlpalen.csv"')
  async csv(@Query('werkagendaId', werkagendaQuery) werkagendaId: string, @Query('asOf', asOfParam) asOf?: string) {
    const { queries, today } = await this.readModel.at(asOf);
    const board = await queries.board.board(today, werkagendaId);
    const header = [
      'actielijn',
      'actie',
      'actietitel',
      'mijlpaal_id',
      'mijlpaal',
      'streefdatum',
      'oorspronkelijke_streefdatum',
      'status',
      'te_laat',
      'herpland_aantal',
      'behaald_op',
      'bron_positie',
    ];
    const rows = board.flatMap((a) =>
      a.milestones.map((m) => [
        a.actionLine,
        a.code,
        a.title,
        m.id,
        m.title,
        m.dueDate,
        m.originalDueDate,
        m.label,
        m.late,
        m.replannedTimes,
        m.achievedOn,
        m.sourcePosition,
      ]),
    );
    return toCsv(header, rows);
  }

  /** Toezeggingen the commitments context recorded as overdue (an event at the deadline), oldest first. */
  @Get('overdue-commitments')
  @Operation({
    summary: 'Somt de toezeggingen op die over de termijn zijn, oudste eerst',
    answers: { type: [OverdueCommitment] },
    refusals: [400, 401],
  })
  async overdue(@Query('werkagendaId', werkagendaQuery) werkagendaId: string, @Query('asOf', asOfParam) asOf?: string) {
    const { queries, today } = await this.readModel.at(asOf);
    const [commitments, milestones] = await Promise.all([queries.facts.commitments(werkagendaId), queries.facts.milestones(werkagendaId)]);
    return commitments
      .filter((c) => c.status === 'overdue')
      .map((c) => ({
        id: c.id,
        text: c.text,
        madeBy: c.madeBy,
        due: { text: c.dueText, date: c.dueDate },
        overdueSince: c.overdueSince,
        postponements: c.postponements,
        actionCodes: c.actionCodes,
        lateMilestones: milestones
          .filter((m) => c.actionCodes.includes(m.actionCode) && isLate(m, today))
          .map((m) => ({ id: m.id, actionCode: m.actionCode, title: m.title, dueDate: m.dueDate })),
        sources: c.sources,
      }));
  }
}
