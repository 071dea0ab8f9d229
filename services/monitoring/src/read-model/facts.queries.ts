import { type DataSource, In } from 'typeorm';
import { FIRST_WERKAGENDA_ID, NotFound, type PersonalText } from '@regie/es-core';
import { BoardActionRow, BoardMilestoneRow } from '../milestone-board/entities';
import type { ActionFacts, CommitmentFacts, IndicatorFacts } from '../projection/compute-projection';
import type { MilestoneFacts } from '../projection/slip';
import { BoardMilestoneEventRow, IndicatorMeasurementRow, IndicatorRow, MonitoredCommitmentRow } from './entities';

export type IndicatorView = Omit<IndicatorFacts, 'baseline' | 'targets' | 'measurements' | 'targetHistory'> & {
  name: string;
  werkagendaId: string;
  actionCode: string | null;
  targetHistory: IndicatorRow['targetHistory'];
  description: string;
  source: string;
  periodicity: string;
  baseline: IndicatorRow['baseline'];
  targets: IndicatorRow['targets'];
  assessments: IndicatorRow['assessments'];
  measurements: { period: string; value: number; position: number; source: string | null; corrections: number }[];
  revision: number;
};

/**
 * Reads monitoring's own tables into the facts the calculations take; nothing else. Each takes the
 * werkagenda to read (every werkagenda when not given) and reads only that werkagenda's rows, by
 * index: an action's werkagenda is the one its ActionDefinedV1 named, or (an action monitoring
 * knows only by its milestones) the one its key names; a milestone keeps it (board.consumer.ts).
 */
export class FactsQueries {
  constructor(private readonly ds: DataSource) {}

  async actions(werkagendaId?: string): Promise<ActionFacts[]> {
    const rows = await this.ds.getRepository(BoardActionRow).find(werkagendaId ? { where: { werkagendaId } } : {});
    return rows.map(({ code, actionLine, title }) => ({ code, actionLine, title }));
  }

  /**
   * The milestones of the werkagenda, each with its replans and the positions of its events. Only
   * the events of those milestones are read (by the primary key's milestone_id), grouped once: a
   * history of 100,000 events holds thousands of milestone events of other werkagenda's.
   */
  async milestones(werkagendaId?: string): Promise<MilestoneFacts[]> {
    const [rows, actions] = await Promise.all([
      this.ds.getRepository(BoardMilestoneRow).find({
        where: werkagendaId ? { werkagendaId } : {},
        order: { dueDate: 'ASC', title: 'ASC', id: 'ASC' },
      }),
      this.actions(werkagendaId),
    ]);
    const events = rows.length
      ? await this.ds.getRepository(BoardMilestoneEventRow).find({
          where: werkagendaId ? { milestoneId: In(rows.map((m) => m.id)) } : {},
          order: { position: 'ASC' },
        })
      : [];
    const eventsOf = new Map<string, BoardMilestoneEventRow[]>();
    for (const e of events) {
      const own = eventsOf.get(e.milestoneId);
      if (own) own.push(e);
      else eventsOf.set(e.milestoneId, [e]);
    }
    const lineOf = new Map(actions.map((a) => [a.code, a.actionLine]));
    return rows.map((m) => {
      const own = eventsOf.get(m.id) ?? [];
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

  /**
   * Toezeggingen carry no werkagenda: one belongs to the werkagenda's of its actions (defined in
   * it, or named by its milestones), one linked to no action to the first werkagenda (where every
   * toezegging belonged before werkagenda's were tenants). Found by the action keys' GIN index.
   */
  async commitments(
    werkagendaId?: string,
  ): Promise<(CommitmentFacts & { madeBy: PersonalText; postponements: number; overdueSince: string | null })[]> {
    const repository = this.ds.getRepository(MonitoredCommitmentRow);
    const order = { dueDate: 'ASC', id: 'ASC' } as const;
    const rows = werkagendaId
      ? await repository
          .createQueryBuilder('c')
          .where('c.action_codes ?| (:keys)::text[]', { keys: await this.keysOf(werkagendaId) })
          .orWhere(`(:first AND c.action_codes = '[]'::jsonb)`, { first: werkagendaId === FIRST_WERKAGENDA_ID })
          .orderBy('c.due_date', 'ASC')
          .addOrderBy('c.id', 'ASC')
          .getMany()
      : await repository.find({ order });
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

  /** The keys of the werkagenda's actions: those defined in it, and those only its milestones name. */
  private async keysOf(werkagendaId: string): Promise<string[]> {
    const rows: { code: string }[] = await this.ds.query(
      `SELECT code FROM ${this.table(BoardActionRow)} WHERE werkagenda_id = $1
        UNION SELECT DISTINCT action_code FROM ${this.table(BoardMilestoneRow)} WHERE werkagenda_id = $1`,
      [werkagendaId],
    );
    return rows.map((r) => r.code);
  }

  private table(entity: typeof BoardActionRow | typeof BoardMilestoneRow): string {
    return `"${(this.ds.options as { schema?: string }).schema}"."${this.ds.getMetadata(entity).tableName}"`;
  }

  async indicators(werkagendaId?: string): Promise<IndicatorView[]> {
    const rows = await this.ds.getRepository(IndicatorRow).find({ where: werkagendaId ? { werkagendaId } : {}, order: { id: 'ASC' } });
    const measurements = await this.ds.getRepository(IndicatorMeasurementRow).find({
      where: werkagendaId ? { indicatorId: In(rows.map((i) => i.id)) } : {},
      order: { period: 'ASC' },
    });
    const measurementsOf = new Map<string, IndicatorMeasurementRow[]>();
    for (const m of measurements) {
      const own = measurementsOf.get(m.indicatorId);
      if (own) own.push(m);
      else measurementsOf.set(m.indicatorId, [m]);
    }
    return rows.map((i) => ({
      id: i.id,
      title: i.title,
      name: i.title,
      werkagendaId: i.werkagendaId,
      actionCode: i.actionCode,
      direction: i.direction,
      unit: i.unit,
      periodicity: i.periodicity,
      description: i.description,
      source: i.source,
      baseline: i.baseline,
      assessments: i.assessments,
      revision: i.revision,
      targets: byDate(i.targets),
      targetHistory: i.targetHistory.map((v) => ({ ...v, targets: byDate(v.targets) })),
      measurements: (measurementsOf.get(i.id) ?? []).map((m) => ({
        period: m.period,
        value: m.value,
        position: Number(m.position),
        source: m.source,
        corrections: m.corrections,
      })),
      sources: i.sources,
    }));
  }

  async indicator(id: string) {
    const found = (await this.indicators()).find((i) => i.id === id);
    if (!found) throw new NotFound(`indicator ${id} bestaat niet`);
    return found;
  }

  /** The werkagenda of an indicator, or undefined when there is none of that id. */
  async indicatorWerkagenda(id: string): Promise<string | undefined> {
    return (await this.ds.getRepository(IndicatorRow).findOne({ where: { id }, select: { id: true, werkagendaId: true } }))?.werkagendaId;
  }

  /** Whether another indicator of the werkagenda has this name (ignoring case and surrounding spaces). */
  async nameTaken(werkagendaId: string, name: string, except?: string): Promise<boolean> {
    const rows = await this.ds.getRepository(IndicatorRow).find({ where: { werkagendaId }, select: { id: true, title: true } });
    const wanted = name.trim().toLocaleLowerCase('nl');
    return rows.some((r) => r.id !== except && r.title.trim().toLocaleLowerCase('nl') === wanted);
  }

  async indicatorExists(id: string): Promise<boolean> {
    return (await this.ds.getRepository(IndicatorRow).countBy({ id })) > 0;
  }
}

const byDate = <T extends { by: string | null; date?: string | null }>(targets: T[]): T[] =>
  [...targets].sort((a, b) => ((a.date ?? a.by ?? '9999') < (b.date ?? b.by ?? '9999') ? -1 : 1));
