import type { EntityManager } from 'typeorm';
import { z } from 'zod';
import type { IntegrationMessage } from '@regie/es-core';
import { InboundCommitmentRow } from '../read-model/entities';

/**
 * The hook for toezeggingen due within the look-ahead. The commitments context publishes
 * `CommitmentDueSoonV1` on its topic; meetings validates it with its own schema (the shape it
 * relies on), so it depends on neither the commitments service nor its contracts package.
 */
export const COMMITMENTS_TOPIC_V1 = 'regie.commitments.v1';

export const CommitmentDueSoon = z.object({
  type: z.literal('CommitmentDueSoonV1'),
  commitmentId: z.string().min(1),
  dueDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  text: z.string(),
  actionCodes: z.array(z.string()),
});

/**
 * A toezegging that is fulfilled, withdrawn or postponed is no longer due then: it leaves the
 * drafts (a postponed one comes back with the CommitmentDueSoonV1 of its new date).
 */
export const CommitmentNoLongerDue = z.object({
  type: z.enum(['CommitmentFulfilledV1', 'CommitmentWithdrawnV1', 'CommitmentPostponedV1']),
  commitmentId: z.string().min(1),
});

/** The message types that change what drafts collect. */
export const appliesCommitmentsEvent = (type: string): boolean =>
  type === 'CommitmentDueSoonV1' || CommitmentNoLongerDue.shape.type.options.includes(type as never);

export async function applyCommitmentsEvent(message: IntegrationMessage, em: EntityManager): Promise<void> {
  if (message.type === 'CommitmentDueSoonV1') {
    const event = CommitmentDueSoon.parse(message.payload);
    await em.upsert(
      InboundCommitmentRow,
      { id: event.commitmentId, text: event.text, dueDate: event.dueDate, actionCodes: event.actionCodes },
      ['id'],
    );
  } else if (appliesCommitmentsEvent(message.type)) {
    await em.delete(InboundCommitmentRow, { id: CommitmentNoLongerDue.parse(message.payload).commitmentId });
  } // other commitment events do not compose agendas
}
