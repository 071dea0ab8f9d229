import type { EntityManager } from 'typeorm';
import { appliedTypes, FIRST_WERKAGENDA_ID, type RecordedEvent } from '@regie/es-core';
import { changedKeys, type Projection, RowSet } from '@regie/read-model';
import type { CommitmentEvent } from '../commitment/commitment';
import { CommitmentHistoryRow, CommitmentRow } from './entities';

type Recorded = CommitmentEvent & RecordedEvent;

/** The store events this read model shows: every type of the context, decided here. */
const handlesType = appliedTypes<CommitmentEvent>({
  CommitmentRegistered: true,
  CommitmentPostponed: true,
  CommitmentFulfilled: true,
  CommitmentWithdrawn: true,
  CommitmentBecameOverdue: true,
  CommitmentDueSoon: true,
  CommitmentUpdated: true,
});

type Rows<Row extends object> = Pick<RowSet<Row>, 'get' | 'insert' | 'update'>;

/** The commitments read model's tables, as one batch changes them in memory. */
export interface CommitmentsTables {
  commitment: Rows<CommitmentRow>;
  /** Composite key (commitment, revision): inserts only. */
  history: Pick<RowSet<CommitmentHistoryRow>, 'insert'>;
}

/**
 * Builds the commitments read model (current state + full history) from the context's own events.
 * A batch is applied in memory (the commitments it changes are read first, in one query) and
 * written in at most three multi-row statements (RowSet), as the actions projection does: a
 * rebuild writes thousands of events per round trip, a live event costs what it did.
 */
export class CommitmentsProjection implements Projection {
  readonly name = 'commitments';

  handles(event: RecordedEvent): boolean {
    return handlesType(event.type);
  }

  apply(event: RecordedEvent, em: EntityManager): Promise<void> {
    return this.applyBatch([event], em);
  }

  async applyBatch(events: RecordedEvent[], em: EntityManager): Promise<void> {
    const batch = events.filter((event) => handlesType(event.type)) as Recorded[]; // events of other contexts sharing the store
    if (batch.length === 0) return;
    const t = { commitment: new RowSet(em, CommitmentRow), history: new RowSet(em, CommitmentHistoryRow) };
    await t.commitment.load(changedCommitments(batch));
    for (const event of batch) applyCommitmentsEvent(t, event);
    await t.history.flush();
    await t.commitment.flush();
  }
}

/**
 * The row key of a commitment: uuids in lower case, as PostgreSQL returns them (an id written in
 * upper case still finds its row, as `WHERE id = …` would).
 */
const keyOf = (commitmentId: string): string => commitmentId.toLowerCase();

/** Commitments whose existing rows the batch changes (one it registers itself needs no reading). */
const changedCommitments = (batch: Recorded[]): string[] =>
  changedKeys(batch, (e) =>
    e.type === 'CommitmentRegistered' ? { creates: keyOf(e.data.commitmentId) } : { changes: keyOf(e.data.commitmentId) },
  );

/** The patch as TypeORM's `update` writes it: properties that are undefined are left as they are. */
const defined = <T extends object>(patch: T): Partial<T> =>
  Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as Partial<T>;

/** Applies one of the context's events to the rows in memory. */
export function applyCommitmentsEvent(t: CommitmentsTables, recorded: RecordedEvent): void {
  if (!handlesType(recorded.type)) return;
  const event = recorded as Recorded;
  const id = keyOf(event.data.commitmentId);
  const revision = event.revision;
  const update = (patch: Partial<CommitmentRow>) => void t.commitment.update(id, defined(patch)); // a missing row: nothing, as UPDATE … WHERE
  t.history.insert({
    commitmentId: event.data.commitmentId,
    revision,
    type: event.type,
    data: event.data,
    occurredAt: event.occurredAt,
    actorId: event.metadata.actor.userId,
  });
  switch (event.type) {
    case 'CommitmentRegistered': {
      const d = event.data;
      t.commitment.insert({
        id,
        text: d.text,
        madeBy: d.madeBy,
        madeAtDate: d.madeAt.date,
        madeAtSource: d.madeAt.source,
        dueText: d.due.text,
        dueDate: d.due.date,
        originalDueText: d.due.text,
        originalDueDate: d.due.date,
        status: 'open',
        actionCodes: d.actionCodes,
        werkagendaId: d.werkagendaId ?? FIRST_WERKAGENDA_ID,
        externalRef: d.externalRef,
        fulfilledBy: null,
        dueSoonFor: null,
        registeredAt: event.occurredAt,
        revision,
      });
      return;
    }
    case 'CommitmentPostponed':
      update({ dueText: event.data.due.text, dueDate: event.data.due.date, status: 'postponed', revision });
      return;
    case 'CommitmentFulfilled':
      update({ status: 'fulfilled', fulfilledBy: event.data.document, revision });
      return;
    case 'CommitmentWithdrawn':
      update({ status: 'withdrawn', revision });
      return;
    case 'CommitmentBecameOverdue':
      update({ status: 'overdue', revision });
      return;
    case 'CommitmentDueSoon':
      update({ dueSoonFor: event.data.dueDate, revision });
      return;
    case 'CommitmentUpdated': {
      const { text, due, previousDue, sourceChangedAt } = event.data;
      const row = t.commitment.get(id);
      if (!row) throw new Error(`CommitmentUpdated: toezegging ${id} staat niet in de read model (positie ${event.position})`);
      const status = due.date !== previousDue.date && row.status === 'overdue' ? 'postponed' : row.status;
      const externalRef = row.externalRef && { ...row.externalRef, changedAt: sourceChangedAt ?? row.externalRef.changedAt };
      update({ text, dueText: due.text, dueDate: due.date, status, externalRef, revision });
      return;
    }
    default: {
      const _exhaustive: never = event;
      return;
    }
  }
}
