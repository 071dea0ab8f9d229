import { MEETINGS_TOPIC_V1, MeetingsEvent } from '@regie/contracts-meetings';
import type { IntegrationMessage, RecordedEvent } from '@regie/es-core';
import type { MeetingsDomainEvent } from '../meetings.commands';

/**
 * The one place where meetings' domain events become integration events (contracts v1).
 * Every message is validated against the contract before it leaves.
 */
export function toIntegrationMessage(event: RecordedEvent): IntegrationMessage | undefined {
  const payload = contractPayload(event);
  if (!payload) return undefined;
  return {
    topic: MEETINGS_TOPIC_V1,
    key: event.streamId,
    eventId: event.id,
    type: String(payload.type),
    payload: MeetingsEvent.parse(payload),
    position: event.position,
    occurredAt: event.occurredAt.toISOString(),
  };
}

type Data = Record<string, unknown>;

/** What each domain event is on the bus; `null` stays inside the context (agenda drafting). */
const MAPPINGS: Record<MeetingsDomainEvent['type'], ((d: Data) => Data) | null> = {
  MeetingSeriesDefined: (d) => ({
    type: 'MeetingSeriesDefinedV1',
    seriesId: d.seriesId,
    kind: d.kind,
    title: d.title,
    cadence: d.cadence,
    participants: d.participants,
    chair: d.chair,
    example: d.example,
  }),
  // A change from a date on or an end shows on the bus as the meetings it moves or cancels.
  MeetingSeriesChanged: null,
  MeetingSeriesEnded: null,
  MeetingScheduled: ({ index: _i, movedBecause: _m, adHoc: _a, ...d }) => ({ type: 'MeetingScheduledV1', ...d }),
  MeetingRescheduled: ({ sequence: _s, ...d }) => ({ type: 'MeetingRescheduledV1', ...d }),
  MeetingCancelled: ({ sequence: _s, ...d }) => ({ type: 'MeetingCancelledV1', ...d }),
  AgendaItemAdded: null,
  AgendaItemWithdrawn: null,
  AgendaReordered: null,
  AgendaPublished: ({ frozenBy: _f, ...d }) => ({ type: 'AgendaPublishedV1', ...d }),
  MeetingHeld: ({ recordedAt: _r, ...d }) => ({ type: 'MeetingHeldV1', ...d }),
  MeetingChairChanged: null, // the chair of one occurrence: shown on the meeting, no other context acts on it
  // The agenda item a decision or action point came from stays inside (the verslag's detail).
  DecisionRecorded: ({ itemId: _i, ...d }) => ({ type: 'DecisionRecordedV1', ...d }),
  // A sealed owner goes out as V2 (never a plain name on the bus); an owner recorded before sealing as V1.
  ActionPointAssigned: ({ itemId: _i, ...d }) => ({
    type: typeof d.owner === 'string' ? 'ActionPointAssignedV1' : 'ActionPointAssignedV2',
    ...d,
  }),
  ActionPointCompleted: (d) => ({ type: 'ActionPointCompletedV1', ...d }),
  MinutesApproved: (d) => ({ type: 'MinutesApprovedV1', ...d }),
  // The verslag's details stay inside: no other context reads attendance, notes, corrections or
  // reassignments yet (docs/events.md); a contract version is added when one needs them.
  AttendanceRecorded: null,
  ItemNotesRecorded: null,
  DecisionCorrected: null,
  DecisionWithdrawn: null,
  ActionPointReassigned: null,
  // Personal calendar addresses stay inside: no other context needs them.
  CalendarTokenIssued: null,
  CalendarTokenRevoked: null,
  LocationSet: null,
};

function contractPayload(event: RecordedEvent): Data | undefined {
  // Contract v1 knows the four overlegvormen of the werkagenda; a coordinator's own overleggen
  // (kind "overleg") stay inside until a contract version names them (no other context acts on them yet).
  if ((event.data as Data | undefined)?.kind === 'overleg') return undefined;
  const map = MAPPINGS[event.type as MeetingsDomainEvent['type']];
  return map ? map(event.data as Data) : undefined;
}
