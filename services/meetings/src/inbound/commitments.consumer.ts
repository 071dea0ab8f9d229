import { type EntityManager, In } from 'typeorm';
import { COMMITMENTS_TOPIC_V1, CommitmentsEvent } from '@regie/contracts-commitments';
import { appliedTypes, type IntegrationMessage } from '@regie/es-core';
import { InboundActionRow, InboundCommitmentRow } from '../read-model/entities';

export { COMMITMENTS_TOPIC_V1 };

/**
 * Every open toezegging with a date, as the commitments context announces it (contract v1 and
 * CommitmentRegisteredV2, validated here): a draft takes the ones due within the look-ahead and
 * every one past its date, until it is fulfilled, withdrawn or postponed to a later date. A
 * toezegging without a date (due "z.s.m.") is on no agenda until it gets one.
 */
export const appliesCommitmentsEvent = appliedTypes<CommitmentsEvent>({
  CommitmentRegisteredV1: true,
  CommitmentRegisteredV2: true,
  CommitmentUpdatedV1: true,
  CommitmentPostponedV1: true,
  CommitmentDueSoonV1: true,
  CommitmentBecameOverdueV1: true,
  CommitmentFulfilledV1: true,
  CommitmentWithdrawnV1: true,
});

export async function applyCommitmentsEvent(message: IntegrationMessage, em: EntityManager): Promise<void> {
  if (!appliesCommitmentsEvent(message.type)) return;
  const event = CommitmentsEvent.parse(message.payload);
  const keep = async (row: Omit<InboundCommitmentRow, 'unplaced'>) => {
    const known = row.actionCodes.length ? await em.countBy(InboundActionRow, { code: In(row.actionCodes) }) : 0;
    await em.upsert(InboundCommitmentRow, { ...row, unplaced: known < new Set(row.actionCodes).size || known === 0 }, ['id']);
  };
  const drop = () => em.delete(InboundCommitmentRow, { id: event.commitmentId });
  /** A change of date or text of a toezegging meetings already knows (a closed one stays closed). */
  const change = async (fields: Partial<InboundCommitmentRow>, dueDate: string | null | undefined) => {
    if (dueDate === null) return drop();
    await em.update(InboundCommitmentRow, { id: event.commitmentId }, { ...fields, ...(dueDate ? { dueDate } : {}) });
  };
  switch (event.type) {
    case 'CommitmentRegisteredV1':
    case 'CommitmentRegisteredV2':
      if (event.due.date === null) return; // no date: on no agenda until it gets one
      await keep({ id: event.commitmentId, text: event.text, dueDate: event.due.date, actionCodes: event.actionCodes });
      return;
    case 'CommitmentDueSoonV1':
      await keep({ id: event.commitmentId, text: event.text, dueDate: event.dueDate, actionCodes: event.actionCodes });
      return;
    case 'CommitmentUpdatedV1':
      await change({ text: event.text }, event.due.date);
      return;
    case 'CommitmentPostponedV1':
      await change({}, event.due.date);
      return;
    case 'CommitmentBecameOverdueV1':
      await change({}, event.dueDate);
      return;
    case 'CommitmentFulfilledV1':
    case 'CommitmentWithdrawnV1':
      await drop();
      return;
    default: {
      const _exhaustive: never = event;
      return;
    }
  }
}
