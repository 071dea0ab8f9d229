import type { EntityManager } from 'typeorm';
import { CommitmentsEvent } from '@regie/contracts-commitments';
import type { IntegrationMessage } from '@regie/es-core';
import { MonitoredCommitmentRow } from '../read-model/entities';

/**
 * Applies one commitments integration event (contract v1, registrations V2 with sealed persons;
 * validated: a message that does not fit is refused and ends in the dead-letter topic) to
 * monitoring's own toezeggingen table. madeBy is kept sealed as it came.
 */
export async function applyToCommitments(message: IntegrationMessage, em: EntityManager): Promise<void> {
  const event = CommitmentsEvent.parse(message.payload);
  const id = event.commitmentId;
  if (event.type === 'CommitmentRegisteredV1' || event.type === 'CommitmentRegisteredV2') {
    const madeBy = typeof event.madeBy === 'string' ? { text: event.madeBy, persons: [] } : event.madeBy; // V1: published before sealing
    await em.upsert(
      MonitoredCommitmentRow,
      {
        id, text: event.text, madeBy, dueText: event.due.text, dueDate: event.due.date, status: 'open',
        actionCodes: event.actionCodes, postponements: 0, overdueSince: null, sources: [message.position],
      },
      ['id'],
    );
    return;
  }
  const row = await em.findOneBy(MonitoredCommitmentRow, { id });
  if (!row) throw new Error(`toezegging ${id}: ${event.type} vóór CommitmentRegisteredV1`); // retried, then dead-lettered
  const sources = [...row.sources, message.position];
  switch (event.type) {
    case 'CommitmentPostponedV1':
      await em.update(MonitoredCommitmentRow, { id }, { dueText: event.due.text, dueDate: event.due.date, status: 'postponed', overdueSince: null, postponements: row.postponements + 1, sources });
      return;
    case 'CommitmentFulfilledV1':
      await em.update(MonitoredCommitmentRow, { id }, { status: 'fulfilled', overdueSince: null, sources });
      return;
    case 'CommitmentWithdrawnV1':
      await em.update(MonitoredCommitmentRow, { id }, { status: 'withdrawn', overdueSince: null, sources });
      return;
    case 'CommitmentBecameOverdueV1':
      await em.update(MonitoredCommitmentRow, { id }, { status: 'overdue', overdueSince: event.dueDate, sources });
      return;
    case 'CommitmentDueSoonV1':
      await em.update(MonitoredCommitmentRow, { id }, { sources });
      return;
    case 'CommitmentUpdatedV1': {
      // A new due date at the source lifts an overdue state, as a postponement does (as in the commitments context).
      const moved = event.due.date !== event.previousDue.date;
      const status = moved && row.status === 'overdue' ? 'postponed' : row.status;
      await em.update(MonitoredCommitmentRow, { id }, { text: event.text, dueText: event.due.text, dueDate: event.due.date, status, overdueSince: status === 'overdue' ? row.overdueSince : null, sources });
      return;
    }
    default: {
      const _exhaustive: never = event;
      return;
    }
  }
}
