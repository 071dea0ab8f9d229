import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NotFound } from '@regie/es-core';
import { isLate } from '../milestone/milestone';
import { ActionRow, KnelpuntRow, MilestoneRow, ProgressReportRow, WerkagendaRow } from './entities';
import { ACTIONS_DATA_SOURCE } from './tokens';

const byCode = (a: { code: string }, b: { code: string }) => a.code.localeCompare(b.code, 'nl', { numeric: true });

/** Read side of the actions context: answers only from its own read-model tables. */
@Injectable()
export class ActionsQueries {
  constructor(@Inject(ACTIONS_DATA_SOURCE) private readonly ds: DataSource) {}

  async werkagenda() {
    const [row] = await this.ds.getRepository(WerkagendaRow).find({ take: 1 });
    if (!row) throw new NotFound('de werkagenda is nog niet vastgelegd');
    return {
      id: row.id,
      title: row.title,
      period: { from: row.periodFrom, to: row.periodTo },
      parties: row.parties,
      actionLines: row.actionLines,
    };
  }

  async list(today: string) {
    const [actions, milestones, open] = await Promise.all([
      this.ds.getRepository(ActionRow).find(),
      this.ds.getRepository(MilestoneRow).find({ order: { dueDate: 'ASC', title: 'ASC' } }),
      this.ds
        .getRepository(KnelpuntRow)
        .createQueryBuilder('k')
        .select('k.action_code', 'action_code')
        .addSelect('count(*)::int', 'n')
        .where(`k.status = 'open'`)
        .groupBy('k.action_code')
        .getRawMany<{ action_code: string; n: number }>(),
    ]);
    return actions.sort(byCode).map((action) => ({
      code: action.code,
      actionLine: action.actionLine,
      title: action.title,
      actionHolder: action.actionHolder,
      rag: action.rag,
      milestones: milestones.filter((m) => m.actionCode === action.code).map((m) => milestoneView(m, today)),
      openKnelpunten: open.find((o) => o.action_code === action.code)?.n ?? 0,
    }));
  }

  async milestoneOf(actionCode: string, milestoneId: string): Promise<boolean> {
    return this.ds.getRepository(MilestoneRow).existsBy({ id: milestoneId, actionCode });
  }

  async knelpuntOf(actionCode: string, knelpuntId: string): Promise<boolean> {
    return this.ds.getRepository(KnelpuntRow).existsBy({ id: knelpuntId, actionCode });
  }

  async one(code: string, today: string) {
    const action = await this.ds.getRepository(ActionRow).findOneBy({ code });
    if (!action) throw new NotFound(`actie ${code} bestaat niet`);
    const [milestones, reports, knelpunten] = await Promise.all([
      this.ds.getRepository(MilestoneRow).find({ where: { actionCode: code }, order: { dueDate: 'ASC', title: 'ASC' } }),
      this.ds.getRepository(ProgressReportRow).find({ where: { actionCode: code }, order: { reportedAt: 'DESC', id: 'DESC' } }),
      this.ds.getRepository(KnelpuntRow).find({ where: { actionCode: code }, order: { raisedAt: 'ASC' } }),
    ]);
    return {
      code: action.code,
      actionLine: action.actionLine,
      title: action.title,
      actionHolder: action.actionHolder,
      rag: action.rag,
      startActivities: action.startActivities,
      milestones: milestones.map((m) => ({
        ...milestoneView(m, today),
        originalDueDate: m.originalDueDate,
        dueDateText: m.dueDateText,
        startedOn: m.startedOn,
        achievedOn: m.achievedOn,
        replans: m.replans,
        cancelReason: m.cancelReason,
        revision: m.revision,
      })),
      progressReports: reports.map((r) => ({ id: r.id, rag: r.rag, summary: r.summary, reportedAt: r.reportedAt.toISOString(), reportedBy: r.reportedBy })),
      knelpunten: knelpunten.map((k) => ({
        id: k.id, description: k.description, escalatedTo: k.escalatedTo, status: k.status,
        raisedAt: k.raisedAt.toISOString(), resolution: k.resolution, resolvedAt: k.resolvedAt?.toISOString() ?? null,
        revision: k.revision,
      })),
      revision: action.revision,
    };
  }
}

const milestoneView = (m: MilestoneRow, today: string) => ({
  id: m.id,
  title: m.title,
  dueDate: m.dueDate,
  status: m.status,
  late: isLate(m, today),
  replanCount: m.replans.length,
});
