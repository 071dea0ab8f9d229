import type { EntityManager } from 'typeorm';
import { ActionsEventV1 } from '@regie/contracts-actions';
import type { IntegrationMessage } from '@regie/es-core';
import { BoardMilestoneEventRow } from '../read-model/entities';
import { BoardActionRow, BoardMilestoneRow } from './entities';

/**
 * Applies one actions integration event (contract v1, validated here: a message that does not
 * fit the contract is refused and ends in the dead-letter topic) to the mijlpalen board.
 */
export async function applyToBoard(message: IntegrationMessage, em: EntityManager): Promise<void> {
  const event = ActionsEventV1.parse(message.payload);
  const sourcePosition = String(message.position);
  if (event.type.startsWith('Milestone') && 'milestoneId' in event) {
    // Kept per milestone: the replanning history behind the projection and the sources of every figure.
    const { type, milestoneId, actionCode, ...data } = event;
    await em.insert(BoardMilestoneEventRow, { milestoneId, actionCode, position: sourcePosition, type, data });
  }
  switch (event.type) {
    case 'ActionDefinedV1':
      await em.upsert(BoardActionRow, { code: event.code, actionLine: event.actionLine, title: event.title }, ['code']);
      return;
    case 'MilestonePlannedV1':
      await em.insert(BoardMilestoneRow, {
        id: event.milestoneId, actionCode: event.actionCode, title: event.title, dueDate: event.dueDate,
        originalDueDate: event.dueDate, status: 'planned', replanCount: 0, achievedOn: null, sourcePosition,
      });
      return;
    case 'MilestoneStartedV1':
      await em.update(BoardMilestoneRow, { id: event.milestoneId }, { status: 'in_progress', sourcePosition });
      return;
    case 'MilestoneAchievedV1':
      await em.update(BoardMilestoneRow, { id: event.milestoneId }, { status: 'achieved', achievedOn: event.achievedOn, sourcePosition });
      return;
    case 'MilestoneReplannedV1':
      await em.increment(BoardMilestoneRow, { id: event.milestoneId }, 'replanCount', 1);
      await em.update(BoardMilestoneRow, { id: event.milestoneId }, { dueDate: event.dueDate, sourcePosition });
      return;
    case 'MilestoneCancelledV1':
      await em.update(BoardMilestoneRow, { id: event.milestoneId }, { status: 'cancelled', sourcePosition });
      return;
    default:
      return; // progress reports and knelpunten are not on the board
  }
}
