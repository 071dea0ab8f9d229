import type { EntityManager } from 'typeorm';
import { ActionsEventV1 } from '@regie/contracts-actions';
import type { IntegrationMessage } from '@regie/es-core';
import { InboundKnelpuntRow, InboundMilestoneRow } from '../read-model/entities';

/**
 * Applies one actions integration event (contract v1, validated here: a message that does not
 * fit is refused and ends in the dead-letter topic) to meetings' own knowledge of knelpunten and
 * mijlpalen, from which agenda drafts compose themselves.
 */
export async function applyActionsEvent(message: IntegrationMessage, em: EntityManager): Promise<void> {
  const event = ActionsEventV1.parse(message.payload);
  switch (event.type) {
    case 'KnelpuntRaisedV1':
      await em.upsert(InboundKnelpuntRow, { id: event.knelpuntId, actionCode: event.actionCode, description: event.description, status: 'open' }, ['id']);
      return;
    case 'KnelpuntEscalatedV1': {
      const known = await em.existsBy(InboundKnelpuntRow, { id: event.knelpuntId });
      if (known) await em.update(InboundKnelpuntRow, { id: event.knelpuntId }, { escalatedTo: event.to });
      else await em.insert(InboundKnelpuntRow, { id: event.knelpuntId, actionCode: event.actionCode, description: '(omschrijving onbekend)', escalatedTo: event.to, status: 'open' });
      return;
    }
    case 'KnelpuntResolvedV1':
      await em.update(InboundKnelpuntRow, { id: event.knelpuntId }, { status: 'resolved' });
      return;
    case 'MilestonePlannedV1':
      await em.upsert(InboundMilestoneRow, { id: event.milestoneId, actionCode: event.actionCode, title: event.title, dueDate: event.dueDate, status: 'planned', achievedOn: null }, ['id']);
      return;
    case 'MilestoneStartedV1':
      await em.update(InboundMilestoneRow, { id: event.milestoneId }, { status: 'in_progress' });
      return;
    case 'MilestoneReplannedV1':
      await em.update(InboundMilestoneRow, { id: event.milestoneId }, { dueDate: event.dueDate });
      return;
    case 'MilestoneAchievedV1':
      await em.update(InboundMilestoneRow, { id: event.milestoneId }, { status: 'achieved', achievedOn: event.achievedOn });
      return;
    case 'MilestoneCancelledV1':
      await em.update(InboundMilestoneRow, { id: event.milestoneId }, { status: 'cancelled' });
      return;
    default:
      return; // actions, holders and progress reports do not compose agendas
  }
}
