import type { DataSource } from 'typeorm';
import { isLate, lateness } from '../shared/lateness';
import { BoardActionRow, BoardMilestoneRow } from './entities';
import { compareCodes } from '@regie/calendar';

export type BoardStatus = 'planned' | 'in_progress' | 'achieved' | 'late' | 'cancelled';

/** The board as directors read it: per action, each milestone's state, late derived from today. */
export class MilestoneBoardQueries {
  constructor(private readonly ds: DataSource) {}

  /** The board grouped per action line, with counts per state. */
  async byActionLine(today: string, werkagendaId: string) {
    const actions = await this.board(today, werkagendaId);
    const lines = [...new Set(actions.map((a) => a.actionLine))].sort((a, b) => (a ?? 99) - (b ?? 99));
    return lines.map((actionLine) => {
      const own = actions.filter((a) => a.actionLine === actionLine);
      const all = own.flatMap((a) => a.milestones);
      const count = (status: BoardStatus) => all.filter((m) => m.status === status).length;
      return {
        actionLine,
        counts: {
          total: all.length,
          planned: count('planned'),
          inProgress: count('in_progress'),
          achieved: count('achieved'),
          late: count('late'),
          cancelled: count('cancelled'),
          replanned: all.filter((m) => m.replanned).length,
        },
        actions: own,
      };
    });
  }

  /**
   * The board of one werkagenda: its actions (by ActionDefinedV1.werkagendaId) and their milestones;
   * a milestone of an action monitoring has not seen defined yet goes by the werkagenda its key
   * names (each milestone row keeps its werkagenda, so only this werkagenda's rows are read).
   */
  async board(today: string, werkagendaId: string) {
    const [actions, milestones] = await Promise.all([
      this.ds.getRepository(BoardActionRow).find({ where: { werkagendaId } }),
      this.ds.getRepository(BoardMilestoneRow).find({ where: { werkagendaId }, order: { dueDate: 'ASC', title: 'ASC', id: 'ASC' } }),
    ]);
    const titles = new Map(actions.map((a) => [a.code, a]));
    const codes = [...new Set([...actions.map((a) => a.code), ...milestones.map((m) => m.actionCode)])];
    return codes.sort(compareCodes).map((code) => ({
      code,
      actionLine: titles.get(code)?.actionLine ?? null,
      title: titles.get(code)?.title ?? null,
      milestones: milestones
        .filter((m) => m.actionCode === code)
        .map((m) => ({
          id: m.id,
          title: m.title,
          dueDate: m.dueDate,
          originalDueDate: m.originalDueDate,
          status: boardStatus(m, today),
          late: boardStatus(m, today) === 'late',
          ...lateness(m, today),
          replannedTimes: m.replanCount,
          replanned: m.replanCount > 0,
          label: boardLabel(boardStatus(m, today), m.replanCount, lateness(m, today).achievedLate),
          achievedOn: m.achievedOn,
          sourcePosition: Number(m.sourcePosition),
        })),
    }));
  }
}

export const boardStatus = (m: Pick<BoardMilestoneRow, 'status' | 'dueDate'>, today: string): BoardStatus =>
  isLate(m, today) ? 'late' : m.status;

const LABELS: Record<BoardStatus, string> = {
  planned: 'gepland',
  in_progress: 'loopt',
  achieved: 'behaald',
  late: 'te laat',
  cancelled: 'geannuleerd',
};

/** The state as directors read it, e.g. "te laat, 2× herpland" or "behaald, te laat". */
export const boardLabel = (status: BoardStatus, replanCount: number, achievedLate = false): string => {
  const state = achievedLate ? 'behaald, te laat' : LABELS[status];
  return replanCount > 0 ? `${state}, ${replanCount}× herpland` : state;
};
