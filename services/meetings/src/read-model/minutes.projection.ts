import type { RecordedEvent } from '@regie/es-core';
import type { MinutesEvent } from '../meeting/minutes';
import type { MeetingsTables } from './meetings.projection';

type Recorded = MinutesEvent & RecordedEvent;

/**
 * The verslag's events on the meetings read model: attendance and notes in `minutes`, a
 * correction as a new decision row naming the one it replaces (which stays, `gecorrigeerd`), a
 * withdrawal as a status with its reason, a reassignment as a new owner with the earlier one kept.
 */
export function applyMinutesEvent(t: MeetingsTables, event: Recorded): void {
  const at = event.occurredAt;
  const touch = { revision: event.revision, updatedAt: at };
  const minutes = (meetingId: string) =>
    t.minutes.get(meetingId) ?? { meetingId, present: [], absent: [], attendanceRecordedAt: null, notes: {} };
  switch (event.type) {
    case 'AttendanceRecorded': {
      const d = event.data;
      t.minutes.upsert({ ...minutes(d.meetingId), present: d.present, absent: d.absent, attendanceRecordedAt: at });
      break;
    }
    case 'ItemNotesRecorded': {
      const d = event.data;
      const row = minutes(d.meetingId);
      t.minutes.upsert({
        ...row,
        notes: { ...row.notes, [d.itemId]: { title: d.itemTitle, notes: d.notes, recordedAt: at.toISOString() } },
      });
      break;
    }
    case 'DecisionCorrected': {
      const d = event.data;
      const old = t.decision.get(d.decisionId);
      t.decision.update(d.decisionId, { status: 'gecorrigeerd', correctedBy: d.correctionId, changeReason: d.reason, changedAt: at });
      t.decision.insert({
        id: d.correctionId,
        meetingId: d.meetingId,
        text: d.text,
        kind: d.decisionKind,
        recordedAt: at,
        itemId: old?.itemId ?? null,
        status: 'geldig',
        corrects: d.decisionId,
        correctedBy: null,
        changeReason: null,
        changedAt: null,
      });
      break;
    }
    case 'DecisionWithdrawn':
      t.decision.update(event.data.decisionId, { status: 'ingetrokken', changeReason: event.data.reason, changedAt: at });
      break;
    case 'ActionPointReassigned': {
      const d = event.data;
      const point = t.actionPoint.get(d.actionPointId);
      if (point) {
        const reassignments = [...point.reassignments, { previousOwner: point.owner, reason: d.reason, at: at.toISOString() }];
        t.actionPoint.update(d.actionPointId, { owner: d.owner, reassignments });
      }
      break;
    }
    default: {
      const _exhaustive: never = event;
      return;
    }
  }
  t.meeting.update(event.data.meetingId, touch);
}
