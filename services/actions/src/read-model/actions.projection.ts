import type { EntityManager } from 'typeorm';
import type { RecordedEvent } from '@regie/es-core';
import type { Projection } from '@regie/read-model';
import type { ActionEvent } from '../action/action';
import type { KnelpuntEvent } from '../knelpunt/knelpunt';
import type { MilestoneEvent } from '../milestone/milestone';
import type { WerkagendaEvent } from '../werkagenda/werkagenda';
import { ActionRow, KnelpuntRow, MilestoneRow, ProgressReportRow, WerkagendaRow } from './entities';

type ActionsDomainEvent = WerkagendaEvent | ActionEvent | MilestoneEvent | KnelpuntEvent;

/** Builds the actions read model from the context's own store events. */
export class ActionsProjection implements Projection {
  readonly name = 'actions';

  async apply(recorded: RecordedEvent, em: EntityManager): Promise<void> {
    const event = recorded as unknown as ActionsDomainEvent & RecordedEvent;
    const revision = recorded.revision;
    switch (event.type) {
      case 'WerkagendaEstablished': {
        const d = event.data;
        await em.insert(WerkagendaRow, {
          id: d.werkagendaId, title: d.title, periodFrom: d.period.from, periodTo: d.period.to,
          parties: d.parties, actionLines: d.actionLines,
        });
        return;
      }
      case 'ActionDefined': {
        const d = event.data;
        await em.insert(ActionRow, {
          code: d.code, werkagendaId: d.werkagendaId, actionLine: d.actionLine, title: d.title,
          actionHolder: d.actionHolder, startActivities: d.startActivities, rag: null, revision,
        });
        return;
      }
      case 'ActionHolderAssigned':
        await em.update(ActionRow, { code: event.data.code }, { actionHolder: event.data.actionHolder, revision });
        return;
      case 'ProgressReported': {
        const d = event.data;
        await em.insert(ProgressReportRow, {
          id: d.reportId, actionCode: d.code, rag: d.rag, summary: d.summary,
          reportedAt: new Date(d.reportedAt), reportedBy: recorded.metadata.actor.userId,
        });
        await em.update(ActionRow, { code: d.code }, { rag: d.rag, revision });
        return;
      }
      case 'MilestonePlanned': {
        const d = event.data;
        await em.insert(MilestoneRow, {
          id: d.milestoneId, actionCode: d.actionCode, title: d.title, dueDate: d.dueDate,
          originalDueDate: d.dueDate, dueDateText: d.dueDateText, status: 'planned', startedOn: null, achievedOn: null,
          replans: [], cancelReason: null, revision,
        });
        return;
      }
      case 'MilestoneStarted':
        await em.update(MilestoneRow, { id: event.data.milestoneId }, { status: 'in_progress', startedOn: event.data.startedOn, revision });
        return;
      case 'MilestoneAchieved':
        await em.update(MilestoneRow, { id: event.data.milestoneId }, { status: 'achieved', achievedOn: event.data.achievedOn, revision });
        return;
      case 'MilestoneReplanned': {
        const d = event.data;
        const row = await em.findOneByOrFail(MilestoneRow, { id: d.milestoneId });
        const replan = { previousDueDate: d.previousDueDate, dueDate: d.dueDate, reason: d.reason, at: recorded.occurredAt.toISOString() };
        await em.update(MilestoneRow, { id: d.milestoneId }, { dueDate: d.dueDate, replans: [...row.replans, replan], revision });
        return;
      }
      case 'MilestoneCancelled':
        await em.update(MilestoneRow, { id: event.data.milestoneId }, { status: 'cancelled', cancelReason: event.data.reason, revision });
        return;
      case 'KnelpuntRaised': {
        const d = event.data;
        await em.insert(KnelpuntRow, {
          id: d.knelpuntId, actionCode: d.actionCode, description: d.description, escalatedTo: null,
          status: 'open', raisedAt: new Date(d.raisedAt), resolution: null, resolvedAt: null, revision,
        });
        return;
      }
      case 'KnelpuntEscalated':
        await em.update(KnelpuntRow, { id: event.data.knelpuntId }, { escalatedTo: event.data.to, revision });
        return;
      case 'KnelpuntResolved':
        await em.update(KnelpuntRow, { id: event.data.knelpuntId }, {
          status: 'resolved', resolution: event.data.resolution, resolvedAt: new Date(event.data.resolvedAt), revision,
        });
        return;
      default:
        return; // events of other contexts sharing the store
    }
  }
}
