import type { EntityManager } from 'typeorm';
import { ActionsEventV1 } from '@regie/contracts-actions';
import { appliedTypes, type IntegrationMessage } from '@regie/es-core';
import { RowSet } from '@regie/read-model';
import { BoardMilestoneEventRow } from '../read-model/entities';
import { BoardActionRow, BoardMilestoneRow } from './entities';

/** The board's sources: actions and their mijlpalen; holders, progress reports and knelpunten are not on it. */
export const boardApplies = appliedTypes<ActionsEventV1>({
  ActionDefinedV1: true,
  ActionHolderAssignedV1: false,
  ProgressReportedV1: false,
  MilestonePlannedV1: true,
  MilestoneStartedV1: true,
  MilestoneAchievedV1: true,
  MilestoneReplannedV1: true,
  MilestoneCancelledV1: true,
  KnelpuntRaisedV1: false,
  KnelpuntEscalatedV1: false,
  KnelpuntResolvedV1: false,
});

/**
 * Applies one actions integration event (contract v1, validated here: a message that does not
 * fit the contract is refused and ends in the dead-letter topic) to the mijlpalen board.
 */

export function applyToBoard(message: IntegrationMessage, em: EntityManager): Promise<void> {
  return applyAllToBoard([message], em);
}

/** The same for several messages in order: the rows they touch are read once and written in a few statements. */
export async function applyAllToBoard(messages: IntegrationMessage[], em: EntityManager): Promise<void> {
  const events = messages.map((m) => ({ event: ActionsEventV1.parse(m.payload), sourcePosition: String(m.position) }));
  const actions = new RowSet(em, BoardActionRow);
  const milestones = new RowSet(em, BoardMilestoneRow);
  const history = new RowSet(em, BoardMilestoneEventRow);
  await actions.load(events.flatMap(({ event }) => (event.type === 'ActionDefinedV1' ? [event.code] : [])));
  await milestones.load(
    events.flatMap(({ event }) => ('milestoneId' in event && event.type !== 'MilestonePlannedV1' ? [event.milestoneId] : [])),
  );
  for (const { event, sourcePosition } of events) {
    if ('milestoneId' in event) {
      // Kept per milestone: the replanning history behind the projection and the sources of every figure.
      const { type, milestoneId, actionCode, ...data } = event;
      history.insert({ milestoneId, actionCode, position: sourcePosition, type, data });
    }
    switch (event.type) {
      case 'ActionDefinedV1':
        actions.upsert({ code: event.code, werkagendaId: event.werkagendaId, actionLine: event.actionLine, title: event.title });
        break;
      case 'MilestonePlannedV1':
        milestones.insert({
          id: event.milestoneId,
          actionCode: event.actionCode,
          title: event.title,
          dueDate: event.dueDate,
          originalDueDate: event.dueDate,
          status: 'planned',
          replanCount: 0,
          achievedOn: null,
          sourcePosition,
        });
        break;
      case 'MilestoneStartedV1':
        milestones.update(event.milestoneId, { status: 'in_progress', sourcePosition });
        break;
      case 'MilestoneAchievedV1':
        milestones.update(event.milestoneId, { status: 'achieved', achievedOn: event.achievedOn, sourcePosition });
        break;
      case 'MilestoneReplannedV1': {
        const row = milestones.get(event.milestoneId);
        if (row) milestones.update(event.milestoneId, { replanCount: row.replanCount + 1, dueDate: event.dueDate, sourcePosition });
        break;
      }
      case 'MilestoneCancelledV1':
        milestones.update(event.milestoneId, { status: 'cancelled', sourcePosition });
        break;
      case 'ActionHolderAssignedV1':
      case 'ProgressReportedV1':
      case 'KnelpuntRaisedV1':
      case 'KnelpuntEscalatedV1':
      case 'KnelpuntResolvedV1':
        break; // not on the board
      default: {
        const _exhaustive: never = event;
        break;
      }
    }
  }
  await history.flush();
  await actions.flush();
  await milestones.flush();
}
