import type { EntityManager } from 'typeorm';
import { CommitmentsEvent } from '@regie/contracts-commitments';
import type { IntegrationMessage } from '@regie/es-core';
import { RowSet } from '@regie/read-model';
import { MonitoredCommitmentRow } from '../read-model/entities';

/** The row key: uuids in lower case, as PostgreSQL returns them (so an id in upper case finds its row, as `WHERE id = …` does). */
const keyOf = (commitmentId: string): string => commitmentId.toLowerCase();

/**
 * Applies one commitments integration event (contract v1, registrations V2 with sealed persons;
 * validated: a message that does not fit is refused and ends in the dead-letter topic) to
 * monitoring's own toezeggingen table. madeBy is kept sealed as it came.
 */
export function applyToCommitments(message: IntegrationMessage, em: EntityManager): Promise<void> {
  return applyAllToCommitments([message], em);
}

/**
 * The same for several messages in order: the toezeggingen they touch are read in one query and
 * written in at most two statements (RowSet). An event for a toezegging that was never registered
 * fails the whole batch (the consumer then applies its messages one by one, so that only that one
 * is retried and dead-lettered).
 */
export async function applyAllToCommitments(messages: IntegrationMessage[], em: EntityManager): Promise<void> {
  const events = messages.map((message) => ({ event: CommitmentsEvent.parse(message.payload), position: message.position }));
  const rows = new RowSet(em, MonitoredCommitmentRow);
  // Every id, the registered ones too: a registration that arrives again changes the row it made (upsert).
  await rows.load(events.map(({ event }) => keyOf(event.commitmentId)));
  for (const { event, position } of events) {
    const id = keyOf(event.commitmentId);
    if (event.type === 'CommitmentRegisteredV1' || event.type === 'CommitmentRegisteredV2') {
      const madeBy = typeof event.madeBy === 'string' ? { text: event.madeBy, persons: [] } : event.madeBy; // V1: published before sealing
      rows.upsert({
        id,
        text: event.text,
        madeBy,
        dueText: event.due.text,
        dueDate: event.due.date,
        status: 'open',
        actionCodes: event.actionCodes,
        postponements: 0,
        overdueSince: null,
        sources: [position],
      });
      continue;
    }
    const row = rows.get(id);
    if (!row) throw new Error(`toezegging ${event.commitmentId}: ${event.type} vóór CommitmentRegisteredV1`); // retried, then dead-lettered
    const sources = [...row.sources, position];
    switch (event.type) {
      case 'CommitmentPostponedV1':
        rows.update(id, {
          dueText: event.due.text,
          dueDate: event.due.date,
          status: 'postponed',
          overdueSince: null,
          postponements: row.postponements + 1,
          sources,
        });
        break;
      case 'CommitmentFulfilledV1':
        rows.update(id, { status: 'fulfilled', overdueSince: null, sources });
        break;
      case 'CommitmentWithdrawnV1':
        rows.update(id, { status: 'withdrawn', overdueSince: null, sources });
        break;
      case 'CommitmentBecameOverdueV1':
        rows.update(id, { status: 'overdue', overdueSince: event.dueDate, sources });
        break;
      case 'CommitmentDueSoonV1':
        rows.update(id, { sources });
        break;
      case 'CommitmentUpdatedV1': {
        // A new due date at the source lifts an overdue state, as a postponement does (as in the commitments context).
        const moved = event.due.date !== event.previousDue.date;
        const status = moved && row.status === 'overdue' ? 'postponed' : row.status;
        rows.update(id, {
          text: event.text,
          dueText: event.due.text,
          dueDate: event.due.date,
          status,
          overdueSince: status === 'overdue' ? row.overdueSince : null,
          sources,
        });
        break;
      }
      default: {
        const _exhaustive: never = event;
        break;
      }
    }
  }
  await rows.flush();
}
