import type { EntityManager } from 'typeorm';
import type { RecordedEvent } from '@regie/es-core';
import type { Projection } from '@regie/read-model';
import type { CommitmentEvent } from '../commitment/commitment';
import { CommitmentHistoryRow, CommitmentRow } from './entities';

const OWN_TYPES = new Set<string>([
  'CommitmentRegistered',
  'CommitmentPostponed',
  'CommitmentFulfilled',
  'CommitmentWithdrawn',
  'CommitmentBecameOverdue',
  'CommitmentDueSoon',
  'CommitmentUpdated',
]);

/** Builds the commitments read model (current state + full history) from the context's own events. */
export class CommitmentsProjection implements Projection {
  readonly name = 'commitments';

  handles(event: RecordedEvent): boolean {
    return OWN_TYPES.has(event.type);
  }

  async apply(recorded: RecordedEvent, em: EntityManager): Promise<void> {
    if (!OWN_TYPES.has(recorded.type)) return; // events of other contexts sharing the store
    const event = recorded as unknown as CommitmentEvent & RecordedEvent;
    const id = event.data.commitmentId;
    const revision = recorded.revision;
    await em.insert(CommitmentHistoryRow, {
      commitmentId: id, revision, type: event.type, data: event.data,
      occurredAt: recorded.occurredAt, actorId: recorded.metadata.actor.userId,
    });
    switch (event.type) {
      case 'CommitmentRegistered': {
        const d = event.data;
        await em.insert(CommitmentRow, {
          id, text: d.text, madeBy: d.madeBy, madeAtDate: d.madeAt.date, madeAtSource: d.madeAt.source,
          dueText: d.due.text, dueDate: d.due.date, originalDueText: d.due.text, originalDueDate: d.due.date,
          status: 'open', actionCodes: d.actionCodes, externalRef: d.externalRef, fulfilledBy: null, dueSoonFor: null,
          registeredAt: recorded.occurredAt, revision,
        });
        return;
      }
      case 'CommitmentPostponed':
        await em.update(CommitmentRow, { id }, { dueText: event.data.due.text, dueDate: event.data.due.date, status: 'postponed', revision });
        return;
      case 'CommitmentFulfilled':
        await em.update(CommitmentRow, { id }, { status: 'fulfilled', fulfilledBy: event.data.document, revision });
        return;
      case 'CommitmentWithdrawn':
        await em.update(CommitmentRow, { id }, { status: 'withdrawn', revision });
        return;
      case 'CommitmentBecameOverdue':
        await em.update(CommitmentRow, { id }, { status: 'overdue', revision });
        return;
      case 'CommitmentDueSoon':
        await em.update(CommitmentRow, { id }, { dueSoonFor: event.data.dueDate, revision });
        return;
      case 'CommitmentUpdated': {
        const { text, due, previousDue, sourceChangedAt } = event.data;
        const row = await em.findOneByOrFail(CommitmentRow, { id });
        const status = due.date !== previousDue.date && row.status === 'overdue' ? 'postponed' : row.status;
        const externalRef = row.externalRef && { ...row.externalRef, changedAt: sourceChangedAt ?? row.externalRef.changedAt };
        await em.update(CommitmentRow, { id }, { text, dueText: due.text, dueDate: due.date, status, externalRef, revision });
        return;
      }
      default: {
        const _exhaustive: never = event;
        return;
      }
    }
  }
}
