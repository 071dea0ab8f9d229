import { Inject, Injectable } from '@nestjs/common';
import { And, Between, type DataSource, type FindOptionsWhere, LessThan, LessThanOrEqual, MoreThan, MoreThanOrEqual, Not } from 'typeorm';
import { NotFound } from '@regie/es-core';
import { composeDraft } from '../agenda/compose-draft';
import type { AgendaItem } from '../meeting/meeting';
import { preparations } from '../scheduling/preparation';
import { addDays, addMonths, amsterdamInstant, amsterdamLocal } from '../scheduling/working-days';
import { MEETINGS_CONFIG, type MeetingsConfig } from '../shared/config';
import {
  ActionPointRow, DecisionRow, InboundCommitmentRow, InboundKnelpuntRow, InboundMilestoneRow, MeetingRow, SeriesRow,
} from './entities';
import { MEETINGS_DATA_SOURCE } from './tokens';

const localDate = (instant: Date) => amsterdamLocal(instant).date;

/** Read side of the meetings context: answers only from its own read-model tables. */
@Injectable()
export class MeetingsQueries {
  constructor(
    @Inject(MEETINGS_DATA_SOURCE) private readonly ds: DataSource,
    @Inject(MEETINGS_CONFIG) private readonly config: MeetingsConfig,
  ) {}

  async series() {
    const rows = await this.ds.getRepository(SeriesRow).find();
    const order = ['kerngroep', 'evaluatie', 'jaaroverleg', 'regiegroep'];
    return rows
      .sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind))
      .map((s) => ({
        id: s.id, kind: s.kind, title: s.title, purpose: s.purpose, cadence: s.cadence, interval: s.interval,
        participants: s.participants, chair: s.chair, organiser: s.organiser,
        firstOccurrence: { date: s.firstDate, time: s.localTime, timeZone: 'Europe/Amsterdam' }, durationMinutes: s.durationMinutes,
        example: s.example,
      }));
  }

  async list(filter: { kind?: string; from?: string; to?: string }) {
    const where: FindOptionsWhere<MeetingRow> = {};
    if (filter.kind) where.kind = filter.kind;
    const from = filter.from ? new Date(amsterdamInstant(filter.from, '00:00')) : new Date('1970-01-01T00:00:00Z');
    const to = filter.to ? new Date(amsterdamInstant(addDays(filter.to, 1), '00:00')) : new Date('9999-01-01T00:00:00Z');
    where.startsAt = Between(from, new Date(to.getTime() - 1));
    const [rows, pairs] = await Promise.all([this.ds.getRepository(MeetingRow).find({ where, order: { startsAt: 'ASC' } }), this.preparations()]);
    return rows.map((m) => ({ ...this.summary(m), preparesFor: pairs.get(m.id) ?? null }));
  }

  async one(id: string, now: Date) {
    const meeting = await this.meeting(id);
    const [decisions, actionPoints, [agenda, pairs]] = await Promise.all([
      this.ds.getRepository(DecisionRow).find({ where: { meetingId: id }, order: { recordedAt: 'ASC', id: 'ASC' } }),
      this.ds.getRepository(ActionPointRow).find({ where: { meetingId: id }, order: { dueDate: 'ASC', id: 'ASC' } }),
      this.preparations().then(async (pairs) => [await this.agendaOf(meeting, now, pairs), pairs] as const),
    ]);
    const today = localDate(now);
    const preparedBy = [...pairs.entries()].find(([, regie]) => regie === id)?.[0] ?? null;
    return {
      ...this.summary(meeting),
      seriesId: meeting.seriesId,
      local: amsterdamLocal(meeting.startsAt),
      nominalDate: meeting.nominalDate,
      movedBecause: meeting.movedBecause,
      reschedules: meeting.reschedules,
      cancelReason: meeting.cancelReason,
      preparesFor: pairs.get(id) ?? null,
      preparedBy,
      agendaStatus: meeting.publishedAgenda ? 'gepubliceerd' : 'concept',
      publishedAt: meeting.publishedAt?.toISOString() ?? null,
      agenda,
      decisions: decisions.map((d) => ({ id: d.id, text: d.text, kind: d.kind, recordedAt: d.recordedAt.toISOString() })),
      actionPoints: actionPoints.map((a) => ({
        id: a.id, text: a.text, owner: a.owner, dueDate: a.dueDate, done: a.done, completedOn: a.completedOn,
        overdue: !a.done && a.dueDate < today,
      })),
      heldAt: meeting.heldAt?.toISOString() ?? null,
      minutesApprovedAt: meeting.minutesApprovedAt?.toISOString() ?? null,
      revision: meeting.revision,
    };
  }

  /** The agenda as it stands: frozen once published, otherwise composed now from the sources. */
  async agendaOf(meeting: MeetingRow, now: Date, known?: Map<string, string>): Promise<AgendaItem[]> {
    if (meeting.publishedAgenda) return meeting.publishedAgenda;
    const series = await this.ds.getRepository(SeriesRow).findOneByOrFail({ id: meeting.seriesId });
    const repo = this.ds.getRepository(MeetingRow);
    const live = { seriesId: meeting.seriesId, status: Not('cancelled') } as const;
    const [previous, next, pairs, knelpunten, commitments, actionPoints] = await Promise.all([
      repo.findOne({ where: { ...live, startsAt: LessThan(meeting.startsAt) }, order: { startsAt: 'DESC' } }),
      repo.findOne({ where: { seriesId: meeting.seriesId, status: 'scheduled', startsAt: MoreThanOrEqual(now) }, order: { startsAt: 'ASC' } }),
      known ?? this.preparations(),
      this.ds.getRepository(InboundKnelpuntRow).find({ where: { status: 'open', escalatedTo: meeting.kind }, order: { id: 'ASC' } }),
      this.ds.getRepository(InboundCommitmentRow).find(),
      this.openActionPoints(meeting),
    ]);
    const date = localDate(meeting.startsAt);
    const fallbackPrevious =
      series.interval.unit === 'weeks' ? addDays(date, -7 * series.interval.every) : addMonths(date, -series.interval.every);
    const previousDate = previous ? localDate(previous.startsAt) : fallbackPrevious;
    // Only the milestones the draft can show (due since the previous meeting, not cancelled): the
    // table keeps every milestone ever planned; composeDraft applies the same rule.
    const milestones = await this.ds.getRepository(InboundMilestoneRow).find({
      where: { status: Not('cancelled'), dueDate: And(MoreThan(previousDate), LessThanOrEqual(date)) },
    });
    const prepared = pairs.get(meeting.id);
    const regie = prepared ? await repo.findOneBy({ id: prepared }) : null;
    return composeDraft({
      meeting: { id: meeting.id, kind: meeting.kind as never, date },
      isNext: next?.id === meeting.id,
      previousDate,
      prepares: regie ? { id: regie.id, date: localDate(regie.startsAt) } : null,
      knelpunten: knelpunten.map((k) => ({ id: k.id, actionCode: k.actionCode, description: k.description, escalatedTo: k.escalatedTo as string })),
      milestones,
      commitments,
      actionPoints,
      manual: meeting.manualItems,
      withdrawn: meeting.withdrawn,
      order: meeting.agendaOrder,
      today: localDate(now),
      lookaheadDays: this.config.lookaheadDays,
    });
  }

  async meeting(id: string): Promise<MeetingRow> {
    const meeting = await this.ds.getRepository(MeetingRow).findOneBy({ id });
    if (!meeting) throw new NotFound(`overleg ${id} bestaat niet`);
    return meeting;
  }

  /** The meeting an action point was assigned in, for commands on the meeting's stream. */
  async meetingOfActionPoint(actionPointId: string): Promise<string> {
    const point = await this.ds.getRepository(ActionPointRow).findOneBy({ id: actionPointId });
    if (!point) throw new NotFound(`actiepunt ${actionPointId} bestaat niet`);
    return point.meetingId;
  }

  /** Meetings for the calendar feed, cancelled ones included (they carry STATUS:CANCELLED). */
  async forCalendar(kind?: string): Promise<(MeetingRow & { series: SeriesRow })[]> {
    const [rows, series] = await Promise.all([
      this.ds.getRepository(MeetingRow).find({ where: kind ? { kind } : {}, order: { startsAt: 'ASC' } }),
      this.ds.getRepository(SeriesRow).find(),
    ]);
    const byId = new Map(series.map((s) => [s.id, s]));
    return rows.map((m) => Object.assign(m, { series: byId.get(m.seriesId) as SeriesRow }));
  }

  private async openActionPoints(meeting: MeetingRow) {
    return this.ds
      .getRepository(ActionPointRow)
      .createQueryBuilder('a')
      .innerJoin(MeetingRow, 'm', 'm.id = a.meeting_id')
      .where('a.series_id = :series AND a.done = false AND m.starts_at < :startsAt', { series: meeting.seriesId, startsAt: meeting.startsAt })
      .orderBy('a.due_date', 'ASC')
      .getMany();
  }

  /** kerngroep id → the regiegroep id it prepares, from the meetings not cancelled. */
  private async preparations(): Promise<Map<string, string>> {
    const rows = await this.ds.getRepository(MeetingRow).find({
      select: { id: true, kind: true, startsAt: true },
      where: [{ kind: 'kerngroep', status: Not('cancelled') }, { kind: 'regiegroep', status: Not('cancelled') }],
    });
    const slots = (kind: string) => rows.filter((r) => r.kind === kind).map((r) => ({ id: r.id, startsAt: r.startsAt.toISOString() }));
    return preparations(slots('kerngroep'), slots('regiegroep'));
  }

  private summary(m: MeetingRow) {
    return { id: m.id, kind: m.kind, startsAt: m.startsAt.toISOString(), endsAt: m.endsAt.toISOString(), status: m.status };
  }
}
