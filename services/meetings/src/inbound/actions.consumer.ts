import type { EntityManager } from 'typeorm';
import { ActionsEventV1 } from '@regie/contracts-actions';
import type { IntegrationMessage } from '@regie/es-core';
import { RowSet } from '@regie/read-model';
import { InboundKnelpuntRow, InboundMilestoneRow } from '../read-model/entities';

/**
 * Applies one actions integration event (contract v1, validated here: a message that does not
 * fit is refused and ends in the dead-letter topic) to meetings' own knowledge of knelpunten and
 * mijlpalen, from which agenda drafts compose themselves.
 */
export function applyActionsEvent(message: IntegrationMessage, em: EntityManager): Promise<void> {
  return applyActionsEvents([message], em);
}

/** The same for several messages in order: the rows they touch are read once and written in a few statements. */
export async function applyActionsEvents(messages: IntegrationMessage[], em: EntityManager): Promise<void> {
  const events = messages.map((m) => ActionsEventV1.parse(m.payload));
  const knelpunten = new RowSet(em, InboundKnelpuntRow);
  const milestones = new RowSet(em, InboundMilestoneRow);
  await knelpunten.load(events.flatMap((e) => ('knelpuntId' in e ? [e.knelpuntId] : [])));
  await milestones.load(events.flatMap((e) => ('milestoneId' in e ? [e.milestoneId] : [])));
  for (const event of events) {
    switch (event.type) {
      case 'KnelpuntRaisedV1':
        knelpunten.upsert({ id: event.knelpuntId, actionCode: event.actionCode, description: event.description, status: 'open' });
        break;
      case 'KnelpuntEscalatedV1':
        if (!knelpunten.update(event.knelpuntId, { escalatedTo: event.to })) {
          knelpunten.insert({ id: event.knelpuntId, actionCode: event.actionCode, description: '(omschrijving onbekend)', escalatedTo: event.to, status: 'open' });
        }
        break;
      case 'KnelpuntResolvedV1':
        knelpunten.update(event.knelpuntId, { status: 'resolved' });
        break;
      case 'MilestonePlannedV1':
        milestones.upsert({ id: event.milestoneId, actionCode: event.actionCode, title: event.title, dueDate: event.dueDate, status: 'planned', achievedOn: null });
        break;
      case 'MilestoneStartedV1':
        milestones.update(event.milestoneId, { status: 'in_progress' });
        break;
      case 'MilestoneReplannedV1':
        milestones.update(event.milestoneId, { dueDate: event.dueDate });
        break;
      case 'MilestoneAchievedV1':
        milestones.update(event.milestoneId, { status: 'achieved', achievedOn: event.achievedOn });
        break;
      case 'MilestoneCancelledV1':
        milestones.update(event.milestoneId, { status: 'cancelled' });
        break;
      default:
        break; // actions, holders and progress reports do not compose agendas
    }
  }
  await knelpunten.flush();
  await milestones.flush();
}
