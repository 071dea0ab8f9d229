import type { EntityManager } from 'typeorm';
import { actionCodeOf, appliedTypes, type RecordedEvent } from '@regie/es-core';
import { amsterdamLocal } from '@regie/calendar';
import { changedKeys, type Projection, RowSet } from '@regie/read-model';
import type { MeetingEvent } from '../meeting/meeting';
import { type MeetingSeriesEvent, segmentOfChange } from '../series/meeting-series';
import { ActionPointRow, DecisionRow, MeetingRow, MinutesRow, SeriesRow } from './entities';
import { applyMinutesEvent } from './minutes.projection';

type Recorded = (MeetingSeriesEvent | MeetingEvent) & RecordedEvent;

/** The store events this read model shows: every type of the context, decided here. */
const handlesType = appliedTypes<MeetingSeriesEvent | MeetingEvent>({
  MeetingSeriesDefined: true,
  MeetingSeriesChanged: true,
  MeetingSeriesEnded: true,
  MeetingScheduled: true,
  MeetingRescheduled: true,
  MeetingCancelled: true,
  AgendaItemAdded: true,
  AgendaItemWithdrawn: true,
  AgendaReordered: true,
  AgendaPublished: true,
  MeetingHeld: true,
  MeetingChairChanged: true,
  MinutesApproved: true,
  DecisionRecorded: true,
  ActionPointAssigned: true,
  ActionPointCompleted: true,
  AttendanceRecorded: true,
  ItemNotesRecorded: true,
  DecisionCorrected: true,
  DecisionWithdrawn: true,
  ActionPointReassigned: true,
});

/** The meetings read model's tables, as one batch changes them in memory. */
export interface MeetingsTables {
  series: RowSet<SeriesRow>;
  meeting: RowSet<MeetingRow>;
  decision: RowSet<DecisionRow>;
  actionPoint: RowSet<ActionPointRow>;
  minutes: RowSet<MinutesRow>;
}

/**
 * Builds the meetings read model from the context's own store events (times from the events).
 * A batch is applied in memory (the rows it changes are read first, one query per table) and
 * written in a few multi-row statements (RowSet), as the actions projection does.
 */
export class MeetingsProjection implements Projection {
  readonly name = 'meetings';

  handles(event: RecordedEvent): boolean {
    return handlesType(event.type);
  }

  apply(event: RecordedEvent, em: EntityManager): Promise<void> {
    return this.applyBatch([event], em);
  }

  async applyBatch(events: RecordedEvent[], em: EntityManager): Promise<void> {
    const t: MeetingsTables = {
      series: new RowSet(em, SeriesRow),
      meeting: new RowSet(em, MeetingRow),
      decision: new RowSet(em, DecisionRow),
      actionPoint: new RowSet(em, ActionPointRow),
      minutes: new RowSet(em, MinutesRow),
    };
    const batch = events as Recorded[];
    await t.series.load(changedKeys(batch, seriesKey));
    await t.meeting.load(changedKeys(batch, meetingKey));
    await t.actionPoint.load(changedKeys(batch, actionPointKey));
    await t.decision.load(changedKeys(batch, decisionKey));
    await t.minutes.load(changedKeys(batch, minutesKey));
    for (const event of batch) applyMeetingsEvent(t, event);
    for (const rows of [t.series, t.meeting, t.decision, t.actionPoint, t.minutes] as RowSet<object>[]) await rows.flush();
  }
}

const seriesKey = (e: Recorded) =>
  e.type === 'MeetingSeriesDefined'
    ? { creates: e.data.seriesId }
    : e.type === 'MeetingSeriesChanged' || e.type === 'MeetingSeriesEnded'
      ? { changes: e.data.seriesId }
      : {};
const meetingKey = (e: Recorded) =>
  e.type === 'MeetingSeriesDefined' || e.type === 'MeetingSeriesChanged' || e.type === 'MeetingSeriesEnded'
    ? {}
    : e.type === 'MeetingScheduled'
      ? { creates: e.data.meetingId }
      : { changes: e.data.meetingId };
const actionPointKey = (e: Recorded) =>
  e.type === 'ActionPointAssigned'
    ? { creates: e.data.actionPointId }
    : e.type === 'ActionPointCompleted' || e.type === 'ActionPointReassigned'
      ? { changes: e.data.actionPointId }
      : {};
const decisionKey = (e: Recorded) =>
  e.type === 'DecisionRecorded'
    ? { creates: e.data.decisionId }
    : e.type === 'DecisionCorrected' || e.type === 'DecisionWithdrawn'
      ? { changes: e.data.decisionId }
      : {};
/** The minutes row is created by its first AttendanceRecorded or ItemNotesRecorded: read it if it exists. */
const minutesKey = (e: Recorded) =>
  e.type === 'AttendanceRecorded' || e.type === 'ItemNotesRecorded' ? { changes: e.data.meetingId } : {};

/** Applies one event to the rows in memory. */
export function applyMeetingsEvent(t: MeetingsTables, event: Recorded): void {
  const at = event.occurredAt; // the business moment (the platform clock), not the storage time
  const touch = { revision: event.revision, updatedAt: at };
  const existing = (meetingId: string) => {
    const row = t.meeting.get(meetingId);
    if (!row) throw new Error(`overleg ${meetingId} ontbreekt in de read model bij ${event.type} (positie ${event.position})`);
    return row;
  };
  switch (event.type) {
    case 'MeetingSeriesDefined': {
      const d = event.data;
      t.series.insert({
        id: d.seriesId,
        werkagendaId: d.werkagendaId,
        kind: d.kind,
        title: d.title,
        purpose: d.purpose,
        cadence: d.cadence,
        interval: d.interval,
        participants: d.participants,
        chair: d.chair,
        organiser: d.organiser,
        firstDate: d.firstDate,
        localTime: d.localTime,
        durationMinutes: d.durationMinutes,
        example: d.example,
        adHoc: false,
        actionCode: null,
        changes: [],
        endsOn: null,
        endReason: null,
      });
      return;
    }
    case 'MeetingSeriesChanged': {
      const row = t.series.get(event.data.seriesId);
      if (!row) throw new Error(`overlegvorm ${event.data.seriesId} ontbreekt in de read model bij ${event.type}`);
      const change = { ...segmentOfChange(event.data), reason: event.data.reason, at: at.toISOString() };
      t.series.update(row.id, { changes: [...row.changes.filter((c) => c.fromIndex < change.fromIndex), change] });
      return;
    }
    case 'MeetingSeriesEnded':
      t.series.update(event.data.seriesId, { endsOn: event.data.from, endReason: event.data.reason });
      return;
    case 'MeetingScheduled': {
      const d = event.data;
      if (d.adHoc) {
        const local = amsterdamLocal(d.startsAt);
        t.series.insert({
          id: d.seriesId,
          werkagendaId: d.adHoc.werkagendaId,
          kind: d.kind,
          title: d.adHoc.title,
          purpose: d.adHoc.actionCode ? `Kleinschalig overleg rond actie ${actionCodeOf(d.adHoc.actionCode)}` : 'Overleg',
          cadence: 'eenmalig',
          // A bound for the draft's look-back only: an ad-hoc meeting has no rhythm.
          interval: { unit: 'weeks', every: 4 },
          participants: d.adHoc.participants,
          chair: d.adHoc.chair,
          organiser: 'VWS',
          firstDate: local.date,
          localTime: local.time,
          durationMinutes: Math.round((Date.parse(d.endsAt) - Date.parse(d.startsAt)) / 60_000),
          example: false,
          adHoc: true,
          actionCode: d.adHoc.actionCode,
          changes: [],
          endsOn: null,
          endReason: null,
        });
      }
      t.meeting.insert({
        id: d.meetingId,
        seriesId: d.seriesId,
        kind: d.kind,
        occurrenceIndex: d.index,
        nominalDate: d.nominalDate,
        movedBecause: d.movedBecause,
        startsAt: new Date(d.startsAt),
        endsAt: new Date(d.endsAt),
        status: 'scheduled',
        sequence: 0,
        reschedules: [],
        cancelReason: null,
        manualItems: [],
        withdrawn: [],
        agendaOrder: null,
        publishedAgenda: null,
        publishedAt: null,
        heldAt: null,
        heldRecordedAt: null,
        agendaFrozenBy: null,
        chair: null,
        minutesApprovedAt: null,
        ...touch,
      });
      return;
    }
    case 'MeetingRescheduled': {
      const d = event.data;
      const reschedule = { previousStartsAt: d.previousStartsAt, startsAt: d.startsAt, reason: d.reason, at: at.toISOString() };
      t.meeting.update(d.meetingId, {
        startsAt: new Date(d.startsAt),
        endsAt: new Date(d.endsAt),
        sequence: d.sequence,
        reschedules: [...existing(d.meetingId).reschedules, reschedule],
        ...touch,
      });
      return;
    }
    case 'MeetingCancelled':
      t.meeting.update(event.data.meetingId, {
        status: 'cancelled',
        cancelReason: event.data.reason,
        sequence: event.data.sequence,
        ...touch,
      });
      return;
    case 'AgendaItemAdded': {
      const row = existing(event.data.meetingId);
      t.meeting.update(row.id, { manualItems: [...row.manualItems, { id: event.data.itemId, title: event.data.title }], ...touch });
      return;
    }
    case 'AgendaItemWithdrawn': {
      const row = existing(event.data.meetingId);
      t.meeting.update(row.id, { withdrawn: [...row.withdrawn, event.data.itemId], ...touch });
      return;
    }
    case 'AgendaReordered':
      t.meeting.update(event.data.meetingId, { agendaOrder: event.data.itemIds, ...touch });
      return;
    case 'AgendaPublished':
      t.meeting.update(event.data.meetingId, {
        status: 'agenda_published',
        publishedAgenda: event.data.items,
        publishedAt: at,
        agendaFrozenBy: event.data.frozenBy ?? null,
        ...touch,
      });
      return;
    case 'MeetingHeld':
      t.meeting.update(event.data.meetingId, {
        status: 'held',
        heldAt: new Date(event.data.heldAt),
        heldRecordedAt: new Date(event.data.recordedAt ?? event.data.heldAt),
        ...touch,
      });
      return;
    case 'MeetingChairChanged':
      t.meeting.update(event.data.meetingId, { chair: event.data.chair, ...touch });
      return;
    case 'MinutesApproved':
      t.meeting.update(event.data.meetingId, { status: 'minutes_approved', minutesApprovedAt: new Date(event.data.approvedAt), ...touch });
      return;
    case 'DecisionRecorded': {
      const d = event.data;
      t.decision.insert({
        id: d.decisionId,
        meetingId: d.meetingId,
        text: d.text,
        kind: d.decisionKind,
        recordedAt: at,
        itemId: d.itemId ?? null,
        status: 'geldig',
        corrects: null,
        correctedBy: null,
        changeReason: null,
        changedAt: null,
      });
      t.meeting.update(d.meetingId, touch);
      return;
    }
    case 'ActionPointAssigned': {
      const d = event.data;
      t.actionPoint.insert({
        id: d.actionPointId,
        meetingId: d.meetingId,
        seriesId: d.seriesId,
        text: d.text,
        owner: d.owner,
        dueDate: d.dueDate,
        done: false,
        completedOn: null,
        itemId: d.itemId ?? null,
        reassignments: [],
      });
      t.meeting.update(d.meetingId, touch);
      return;
    }
    case 'ActionPointCompleted':
      t.actionPoint.update(event.data.actionPointId, { done: true, completedOn: event.data.completedOn });
      t.meeting.update(event.data.meetingId, touch);
      return;
    case 'AttendanceRecorded':
    case 'ItemNotesRecorded':
    case 'DecisionCorrected':
    case 'DecisionWithdrawn':
    case 'ActionPointReassigned':
      applyMinutesEvent(t, event);
      return;
    default: {
      const _exhaustive: never = event;
      return;
    }
  }
}
