import type { EntityManager } from 'typeorm';
import { ActionsEventV1 } from '@regie/contracts-actions';
import { appliedTypes, type IntegrationMessage, splitActionKey } from '@regie/es-core';
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
  // Actions defined here, and those of milestones planned here (for the milestone's werkagenda).
  await actions.load(
    events.flatMap(({ event }) =>
      event.type === 'ActionDefinedV1' ? [event.code] : event.type === 'MilestonePlannedV1' ? [event.actionCode] : [],
    ),
  );
  const defined: { code: string; werkagendaId: string }[] = [];
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
        defined.push({ code: event.code, werkagendaId: event.werkagendaId });
        break;
      case 'MilestonePlannedV1':
        milestones.insert({
          id: event.milestoneId,
          actionCode: event.actionCode,
          werkagendaId: actions.get(event.actionCode)?.werkagendaId ?? splitActionKey(event.actionCode).werkagendaId,
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
  await moveToWerkagenda(em, defined);
}

/** Milestones planned before monitoring saw their action defined follow the werkagenda its definition names. */
async function moveToWerkagenda(em: EntityManager, defined: { code: string; werkagendaId: string }[]): Promise<void> {
  if (defined.length === 0) return;
  const schema = (em.connection.options as { schema?: string }).schema;
  await em.query(
    `UPDATE "${schema}"."${em.connection.getMetadata(BoardMilestoneRow).tableName}" m SET werkagenda_id = d.werkagenda_id
       FROM unnest($1::text[], $2::text[]) AS d(code, werkagenda_id)
      WHERE m.action_code = d.code AND m.werkagenda_id <> d.werkagenda_id`,
    [defined.map((d) => d.code), defined.map((d) => d.werkagendaId)],
  );
}
