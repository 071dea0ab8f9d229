import { z } from 'zod';

/**
 * Integration events of the meetings context (overlegstructuur), version 1. One source for the
 * TypeScript types and the runtime validation consumers apply. A V1 is never edited: a breaking
 * change adds a V2 beside it.
 */
export const MEETINGS_TOPIC_V1 = 'regie.meetings.v1';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'verwacht een datum als 2026-05-31');
const instant = z.iso.datetime({ offset: true });
export const meetingKind = z.enum(['kerngroep', 'evaluatie', 'jaaroverleg', 'regiegroep']);
export type MeetingKindV1 = z.infer<typeof meetingKind>;
const meetingRef = { meetingId: z.uuid(), seriesId: z.uuid(), kind: meetingKind };

export const MeetingSeriesDefinedV1 = z.object({
  type: z.literal('MeetingSeriesDefinedV1'),
  seriesId: z.uuid(),
  kind: meetingKind,
  title: z.string(),
  cadence: z.string(),
  participants: z.array(z.string()),
  chair: z.string().nullable(),
  example: z.boolean(),
});
export const MeetingScheduledV1 = z.object({
  type: z.literal('MeetingScheduledV1'),
  ...meetingRef,
  startsAt: instant,
  endsAt: instant,
  /** The date the cadence gave, before a holiday or weekend moved it. */
  nominalDate: isoDate,
});
export const MeetingRescheduledV1 = z.object({
  type: z.literal('MeetingRescheduledV1'),
  ...meetingRef,
  previousStartsAt: instant,
  startsAt: instant,
  endsAt: instant,
  reason: z.string(),
});
export const MeetingCancelledV1 = z.object({ type: z.literal('MeetingCancelledV1'), ...meetingRef, reason: z.string() });
const agendaItem = z.object({
  id: z.uuid(),
  title: z.string(),
  source: z.object({ type: z.string(), ref: z.string() }),
  order: z.number().int(),
});
export const AgendaPublishedV1 = z.object({ type: z.literal('AgendaPublishedV1'), ...meetingRef, items: z.array(agendaItem) });
export const MeetingHeldV1 = z.object({ type: z.literal('MeetingHeldV1'), ...meetingRef, heldAt: instant });
export const DecisionRecordedV1 = z.object({
  type: z.literal('DecisionRecordedV1'),
  ...meetingRef,
  decisionId: z.uuid(),
  text: z.string(),
  decisionKind: z.enum(['operationeel', 'strategisch']),
});
export const ActionPointAssignedV1 = z.object({
  type: z.literal('ActionPointAssignedV1'),
  ...meetingRef,
  actionPointId: z.uuid(),
  text: z.string(),
  owner: z.string(),
  dueDate: isoDate,
});
export const ActionPointCompletedV1 = z.object({
  type: z.literal('ActionPointCompletedV1'),
  ...meetingRef,
  actionPointId: z.uuid(),
  completedOn: isoDate,
});
export const MinutesApprovedV1 = z.object({ type: z.literal('MinutesApprovedV1'), ...meetingRef, approvedAt: instant });

export const MeetingsEventV1 = z.discriminatedUnion('type', [
  MeetingSeriesDefinedV1,
  MeetingScheduledV1,
  MeetingRescheduledV1,
  MeetingCancelledV1,
  AgendaPublishedV1,
  MeetingHeldV1,
  DecisionRecordedV1,
  ActionPointAssignedV1,
  ActionPointCompletedV1,
  MinutesApprovedV1,
]);
export type MeetingsEventV1 = z.infer<typeof MeetingsEventV1>;
export type MeetingsEventV1Type = MeetingsEventV1['type'];
