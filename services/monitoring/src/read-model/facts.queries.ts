import type { DataSource } from 'typeorm';
import { NotFound, type PersonalText } from '@regie/es-core';
import { BoardActionRow, BoardMilestoneRow } from '../milestone-board/entities';
import type { ActionFacts, CommitmentFacts, IndicatorFacts } from '../projection/compute-projection';
import type { MilestoneFacts } from '../projection/slip';
import { BoardMilestoneEventRow, IndicatorMeasurementRow, IndicatorRow, MonitoredCommitmentRow } from './entities';

export type IndicatorView = Omit<IndicatorFacts, 'baseline' | 'targets' | 'measurements'> & {
  description: string;
  source: string;
  periodicity: string;
  baseline: IndicatorRow['baseline'];
  targets: IndicatorRow['targets'];
  assessments: IndicatorRow['assessments'];
  measurements: { period: string; value: number; position: number; source: string | null; corrections: number }[];
  revision: number;
};

/** Reads monitoring's own tables into the facts the calculations take; nothing else. */
export class FactsQueries {
  constructor(private readonly ds: DataSource) {}

  async actions(): Promise<ActionFacts[]> {
    return (await this.ds.getRepository(BoardActionRow).find()).map(({ code, actionLine, title }) => ({ code, actionLine, title }));
  }

  async milestones(): Promise<MilestoneFacts[]> {
    const [rows, events, actions] = await Promise.all([
      this.ds.getRepository(BoardMilestoneRow).find({ order: { dueDate: 'ASC', title: 'ASC' } }),
      this.ds.getRepository(BoardMilestoneEventRow).find({ order: { position: 'ASC' } }),
      this.actions(),
    ]);
    const lineOf = new Map(actions.map((a) => [a.code, a.actionLine]));
    return rows.map((m) => {
      const own = events.filter((e) => e.milestoneId === m.id);
      return {
        id: m.id,
        actionCode: m.actionCode,
        actionLine: lineOf.get(m.actionCode) ?? null,
        title: m.title,
        dueDate: m.dueDate,
        originalDueDate: m.originalDueDate,
        status: m.status,
        achievedOn: m.achievedOn,
        replans: own
          .filter((e) => e.type === 'MilestoneReplannedV1')
          .map((e) => ({ previousDueDate: String(e.data.previousDueDate), dueDate: String(e.data.dueDate), position: Number(e.position) })),
        sources: own.length ? own.map((e) => Number(e.position)) : [Number(m.sourcePosition)],
      };
    });
  }

  async commitments(): Promise<(CommitmentFacts & { madeBy: PersonalText; postponements: number; overdueSince: string | null })[]> {
    const rows = await this.ds.getRepository(MonitoredCommitmentRow).find({ order: { dueDate: 'ASC', id: 'ASC' } });
    return rows.map((c) => ({
      id: c.id,
      text: c.text,
      madeBy: c.madeBy,
      dueText: c.dueText,
      dueDate: c.dueDate,
      status: c.status,
      actionCodes: c.actionCodes,
      postponements: c.postponements,
      overdueSince: c.overdueSince,
      sources: c.sources,
    }));
  }

  async indicators(): Promise<IndicatorView[]> {
    const [rows, measurements] = await Promise.all([
      this.ds.getRepository(IndicatorRow).find({ order: { id: 'ASC' } }),
      this.ds.getRepository(IndicatorMeasurementRow).find({ order: { period: 'ASC' } }),
    ]);
    return rows.map((i) => ({
      id: i.id,
      title: i.title,
      unit: i.unit,
      periodicity: i.periodicity,
      description: i.description,
      source: i.source,
      baseline: i.baseline,
      assessments: i.assessments,
      revision: i.revision,
      targets: [...i.targets].sort((a, b) => ((a.by ?? '9999') < (b.by ?? '9999') ? -1 : 1)),
      measurements: measurements
        .filter((m) => m.indicatorId === i.id)
        .map((m) => ({ period: m.period, value: m.value, position: Number(m.position), source: m.source, corrections: m.corrections })),
      sources: i.sources,
    }));
  }

  async indicator(id: string) {
    const found = (await this.indicators()).find((i) => i.id === id);
    if (!found) throw new NotFound(`indicator ${id} bestaat niet`);
    return found;
  }
}
