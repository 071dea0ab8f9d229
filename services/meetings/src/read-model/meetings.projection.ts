import type { EntityManager } from 'typeorm';
import type { RecordedEvent } from '@regie/es-core';
import type { Projection } from '@regie/read-model';
import type { MeetingEvent } from '../meeting/meeting';
import type { MeetingSeriesEvent } from '../series/meeting-series';
import { ActionPointRow, DecisionRow, MeetingRow, SeriesRow } from './entities';

type MeetingsDomainEvent = MeetingSeriesEvent | MeetingEvent;

const OWN_TYPES = new Set<string>([
  'MeetingSeriesDefined', 'MeetingScheduled', 'MeetingRescheduled', 'MeetingCancelled', 'AgendaItemAdded', 'AgendaItemWithdrawn',
  'AgendaReordered', 'AgendaPublished', 'MeetingHeld', 'MinutesApproved', 'DecisionRecorded', 'ActionPointAssigned', 'ActionPointCompleted',
]);

/** Builds the meetings read model from the context's own store events (times from the events). */
export class MeetingsProjection implements Projection {
  readonly name = 'meetings';

  handles(event: RecordedEvent): boolean {
    return OWN_TYPES.has(event.type);
  }

  async apply(recorded: RecordedEvent, em: EntityManager): Promise<void> {
    const event = recorded as unknown as MeetingsDomainEvent & RecordedEvent;
    const at = recorded.occurredAt; // the business moment (the platform clock), not the storage time
    const touch = { revision: recorded.revision, updatedAt: at };
    switch (event.type) {
      case 'MeetingSeriesDefined': {
        const d = event.data;
        await em.insert(SeriesRow, {
          id: d.seriesId, werkagendaId: d.werkagendaId, kind: d.kind, title: d.title, purpose: d.purpose, cadence: d.cadence, interval: d.interval,
          participants: d.participants, chair: d.chair, organiser: d.organiser, firstDate: d.firstDate,
          localTime: d.localTime, durationMinutes: d.durationMinutes, example: d.example,
        });
        return;
      }
      case 'MeetingScheduled': {
        const d = event.data;
        await em.insert(MeetingRow, {
          id: d.meetingId, seriesId: d.seriesId, kind: d.kind, occurrenceIndex: d.index, nominalDate: d.nominalDate,
          movedBecause: d.movedBecause, startsAt: new Date(d.startsAt), endsAt: new Date(d.endsAt), status: 'scheduled',
          sequence: 0, reschedules: [], cancelReason: null, manualItems: [], withdrawn: [], agendaOrder: null,
          publishedAgenda: null, publishedAt: null, heldAt: null, minutesApprovedAt: null, ...touch,
        });
        return;
      }
      case 'MeetingRescheduled': {
        const d = event.data;
        const row = await em.findOneByOrFail(MeetingRow, { id: d.meetingId });
        const reschedule = { previousStartsAt: d.previousStartsAt, startsAt: d.startsAt, reason: d.reason, at: at.toISOString() };
        await em.update(MeetingRow, { id: d.meetingId }, {
          startsAt: new Date(d.startsAt), endsAt: new Date(d.endsAt), sequence: d.sequence, reschedules: [...row.reschedules, reschedule], ...touch,
        });
        return;
      }
      case 'MeetingCancelled':
        await em.update(MeetingRow, { id: event.data.meetingId }, { status: 'cancelled', cancelReason: event.data.reason, sequence: event.data.sequence, ...touch });
        return;
      case 'AgendaItemAdded': {
        const row = await em.findOneByOrFail(MeetingRow, { id: event.data.meetingId });
        await em.update(MeetingRow, { id: row.id }, { manualItems: [...row.manualItems, { id: event.data.itemId, title: event.data.title }], ...touch });
        return;
      }
      case 'AgendaItemWithdrawn': {
        const row = await em.findOneByOrFail(MeetingRow, { id: event.data.meetingId });
        await em.update(MeetingRow, { id: row.id }, { withdrawn: [...row.withdrawn, event.data.itemId], ...touch });
        return;
      }
      case 'AgendaReordered':
        await em.update(MeetingRow, { id: event.data.meetingId }, { agendaOrder: event.data.itemIds, ...touch });
        return;
      case 'AgendaPublished':
        await em.update(MeetingRow, { id: event.data.meetingId }, { status: 'agenda_published', publishedAgenda: event.data.items, publishedAt: at, ...touch });
        return;
      case 'MeetingHeld':
        await em.update(MeetingRow, { id: event.data.meetingId }, { status: 'held', heldAt: new Date(event.data.heldAt), ...touch });
        return;
      case 'MinutesApproved':
        await em.update(MeetingRow, { id: event.data.meetingId }, { status: 'minutes_approved', minutesApprovedAt: new Date(event.data.approvedAt), ...touch });
        return;
      case 'DecisionRecorded': {
        const d = event.data;
        await em.insert(DecisionRow, { id: d.decisionId, meetingId: d.meetingId, text: d.text, kind: d.decisionKind, recordedAt: at });
        await em.update(MeetingRow, { id: d.meetingId }, touch);
        return;
      }
      case 'ActionPointAssigned': {
        const d = event.data;
        await em.insert(ActionPointRow, {
          id: d.actionPointId, meetingId: d.meetingId, seriesId: d.seriesId, text: d.text, owner: d.owner, dueDate: d.dueDate, done: false, completedOn: null,
        });
        await em.update(MeetingRow, { id: d.meetingId }, touch);
        return;
      }
      case 'ActionPointCompleted':
        await em.update(ActionPointRow, { id: event.data.actionPointId }, { done: true, completedOn: event.data.completedOn });
        await em.update(MeetingRow, { id: event.data.meetingId }, touch);
        return;
      default:
        return; // events of other contexts sharing the store
    }
  }
}
