import { DataSource, In, Not, IsNull } from 'typeorm';
import { NotFound } from '@regie/es-core';
import type { CommitmentStatus } from '../commitment/commitment';
import { CommitmentHistoryRow, CommitmentRow } from './entities';

/** What the deadline jobs need of an open or postponed commitment. */
export interface PendingCommitment {
  id: string;
  status: CommitmentStatus;
  dueDate: string | null;
  dueSoonFor: string | null;
}

const summary = (row: CommitmentRow, postponementCount: number) => ({
  id: row.id,
  text: row.text,
  madeBy: row.madeBy,
  madeAt: { date: row.madeAtDate, source: row.madeAtSource },
  due: { text: row.dueText, date: row.dueDate },
  dueDate: row.dueDate,
  status: row.status,
  actionCodes: row.actionCodes,
  werkagendaId: row.werkagendaId,
  externalRef: row.externalRef,
  postponementCount,
  fulfilledBy: row.fulfilledBy,
  revision: row.revision,
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Read side of the commitments context: answers only from its own read-model tables. */
export class CommitmentsQueries {
  constructor(private readonly ds: DataSource) {}

  /** Soonest due first; commitments without a due date last. */
  async list(status?: CommitmentStatus, werkagendaId?: string) {
    const rows = await this.ds
      .getRepository(CommitmentRow)
      .createQueryBuilder('c')
      .where(status ? 'c.status = :status' : 'true', { status })
      .andWhere(werkagendaId ? 'c.werkagenda_id = :werkagendaId' : 'true', { werkagendaId })
      .orderBy('c.due_date', 'ASC', 'NULLS LAST')
      .addOrderBy('c.made_at_date', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .getMany();
    // Counted for the listed toezeggingen only (on the history's key): counting every toezegging's
    // postponements took a list of 6 at 1M events 25 ms (docs/performance.md, session 13).
    const counts = rows.length
      ? await this.ds
          .getRepository(CommitmentHistoryRow)
          .createQueryBuilder('h')
          .select('h.commitment_id', 'id')
          .addSelect('count(*)::int', 'n')
          .where(`h.commitment_id = ANY(CAST(:ids AS uuid[])) AND h.type = 'CommitmentPostponed'`, { ids: rows.map((r) => r.id) })
          .groupBy('h.commitment_id')
          .getRawMany<{ id: string; n: number }>()
      : [];
    const postponed = new Map(counts.map((c) => [c.id, c.n]));
    return rows.map((row) => summary(row, postponed.get(row.id) ?? 0));
  }

  /** The werkagenda of a toezegging, for the rights check; undefined when there is none. */
  async werkagendaOf(id: string): Promise<string | undefined> {
    if (!UUID.test(id)) return undefined; // the route's own check answers 400
    const row = await this.ds.getRepository(CommitmentRow).findOne({ where: { id }, select: { werkagendaId: true } });
    return row?.werkagendaId;
  }

  /** One commitment with its full history: postponements with reasons, fulfilment, overdue, notifications. */
  async one(id: string) {
    const row = await this.ds.getRepository(CommitmentRow).findOneBy({ id });
    if (!row) throw new NotFound(`toezegging ${id} bestaat niet`);
    const history = await this.ds.getRepository(CommitmentHistoryRow).find({ where: { commitmentId: id }, order: { revision: 'ASC' } });
    const of = (type: string) =>
      history.filter((h) => h.type === type).map((h) => ({ ...(h.data as Record<string, unknown>), at: h.occurredAt.toISOString() }));
    const without = (entry: Record<string, unknown>, ...keys: string[]) =>
      Object.fromEntries(Object.entries(entry).filter(([key]) => key !== 'commitmentId' && !keys.includes(key)));
    const [fulfilment] = of('CommitmentFulfilled');
    const [withdrawal] = of('CommitmentWithdrawn');
    return {
      ...summary(row, of('CommitmentPostponed').length),
      originalDue: { text: row.originalDueText, date: row.originalDueDate },
      postponements: of('CommitmentPostponed').map((e) => without(e)),
      fulfilment: fulfilment ? without(fulfilment) : null,
      withdrawal: withdrawal ? without(withdrawal) : null,
      overdue: of('CommitmentBecameOverdue').map((e) => without(e)),
      dueSoon: of('CommitmentDueSoon').map((e) => without(e, 'text', 'actionCodes')),
      updates: of('CommitmentUpdated').map((e) => without(e)),
      history: history.map((h) => ({ revision: h.revision, type: h.type, at: h.occurredAt.toISOString(), actor: h.actorId })),
      registeredAt: row.registeredAt.toISOString(),
    };
  }

  /** For the scheduler: every open or postponed commitment that has a due date. */
  async pending(): Promise<PendingCommitment[]> {
    const rows = await this.ds.getRepository(CommitmentRow).find({
      select: { id: true, status: true, dueDate: true, dueSoonFor: true },
      where: { status: In(['open', 'postponed']), dueDate: Not(IsNull()) },
      order: { dueDate: 'ASC' },
    });
    return rows.map(({ id, status, dueDate, dueSoonFor }) => ({ id, status, dueDate, dueSoonFor }));
  }
}
