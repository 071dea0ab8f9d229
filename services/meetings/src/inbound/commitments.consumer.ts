import { type EntityManager, In } from 'typeorm';
import { COMMITMENTS_TOPIC_V1, CommitmentsEvent } from '@regie/contracts-commitments';
import { appliedTypes, type IntegrationMessage } from '@regie/es-core';
import { RowSet } from '@regie/read-model';
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

export function applyCommitmentsEvent(message: IntegrationMessage, em: EntityManager): Promise<void> {
  return applyCommitmentsEvents([message], em);
}

/**
 * The same for several messages in order: the toezeggingen they touch and the actions they name
 * are read once, and the changes written in at most three statements (a replay's messages in a
 * few round trips instead of two or three per message).
 */
export async function applyCommitmentsEvents(messages: IntegrationMessage[], em: EntityManager): Promise<void> {
  const events = messages.filter((m) => appliesCommitmentsEvent(m.type)).map((m) => CommitmentsEvent.parse(m.payload));
  if (events.length === 0) return;
  const commitments = new RowSet(em, InboundCommitmentRow);
  await commitments.load(events.map((e) => e.commitmentId));
  const known = await knownActions(
    em,
    events.flatMap((e) => ('actionCodes' in e ? e.actionCodes : [])),
  );
  for (const event of events) {
    const keep = (row: Omit<InboundCommitmentRow, 'unplaced'>) => {
      const named = new Set(row.actionCodes);
      const found = [...named].filter((code) => known.has(code)).length;
      commitments.upsert({ ...row, unplaced: found < named.size || found === 0 });
    };
    /** A change of date or text of a toezegging meetings already knows (a closed one stays closed). */
    const change = (fields: Partial<InboundCommitmentRow>, dueDate: string | null | undefined) => {
      if (dueDate === null) commitments.delete(event.commitmentId);
      else commitments.update(event.commitmentId, { ...fields, ...(dueDate ? { dueDate } : {}) });
    };
    switch (event.type) {
      case 'CommitmentRegisteredV1':
      case 'CommitmentRegisteredV2':
        if (event.due.date === null) break; // no date: on no agenda until it gets one
        keep({ id: event.commitmentId, text: event.text, dueDate: event.due.date, actionCodes: event.actionCodes });
        break;
      case 'CommitmentDueSoonV1':
        keep({ id: event.commitmentId, text: event.text, dueDate: event.dueDate, actionCodes: event.actionCodes });
        break;
      case 'CommitmentUpdatedV1':
        change({ text: event.text }, event.due.date);
        break;
      case 'CommitmentPostponedV1':
        change({}, event.due.date);
        break;
      case 'CommitmentBecameOverdueV1':
        change({}, event.dueDate);
        break;
      case 'CommitmentFulfilledV1':
      case 'CommitmentWithdrawnV1':
        commitments.delete(event.commitmentId);
        break;
      default: {
        const _exhaustive: never = event;
        break;
      }
    }
  }
  await commitments.flush();
}

/** Which of these action codes meetings knows (their ActionDefinedV1 arrived). */
async function knownActions(em: EntityManager, codes: string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await em.find(InboundActionRow, { select: { code: true }, where: { code: In([...new Set(codes)]) } });
  return new Set(rows.map((r) => r.code));
}
