import { z } from 'zod';

/**
 * Integration events of the actions context, version 1. One source for the TypeScript
 * types (z.infer) and the runtime validation consumers apply to every message.
 * A breaking change adds a V2 beside these; a V1 is never edited.
 */
export const ACTIONS_TOPIC_V1 = 'regie.actions.v1';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'verwacht een datum als 2026-05-31');
const escalationLevel = z.enum(['kerngroep', 'regiegroep']);
const rag = z.enum(['groen', 'oranje', 'rood']);
const actionHolder = z.object({ parties: z.array(z.string()), description: z.string() });

export const ActionDefinedV1 = z.object({
  type: z.literal('ActionDefinedV1'),
  werkagendaId: z.string(),
  code: z.string(),
  actionLine: z.number().int(),
  title: z.string(),
  actionHolder,
});
export const ActionHolderAssignedV1 = z.object({ type: z.literal('ActionHolderAssignedV1'), code: z.string(), actionHolder });
export const ProgressReportedV1 = z.object({
  type: z.literal('ProgressReportedV1'),
  code: z.string(),
  reportId: z.string(),
  rag,
  summary: z.string(),
  reportedAt: z.string(),
});
const milestoneRef = { milestoneId: z.uuid(), actionCode: z.string() };
export const MilestonePlannedV1 = z.object({ type: z.literal('MilestonePlannedV1'), ...milestoneRef, title: z.string(), dueDate: isoDate });
export const MilestoneStartedV1 = z.object({ type: z.literal('MilestoneStartedV1'), ...milestoneRef, startedOn: isoDate });
export const MilestoneAchievedV1 = z.object({ type: z.literal('MilestoneAchievedV1'), ...milestoneRef, achievedOn: isoDate });
export const MilestoneReplannedV1 = z.object({
  type: z.literal('MilestoneReplannedV1'),
  ...milestoneRef,
  previousDueDate: isoDate,
  dueDate: isoDate,
  reason: z.string(),
});
export const MilestoneCancelledV1 = z.object({ type: z.literal('MilestoneCancelledV1'), ...milestoneRef, reason: z.string() });
const knelpuntRef = { knelpuntId: z.uuid(), actionCode: z.string() };
export const KnelpuntRaisedV1 = z.object({
  type: z.literal('KnelpuntRaisedV1'),
  ...knelpuntRef,
  description: z.string(),
  raisedAt: z.string(),
});
export const KnelpuntEscalatedV1 = z.object({
  type: z.literal('KnelpuntEscalatedV1'),
  ...knelpuntRef,
  from: escalationLevel.nullable(),
  to: escalationLevel,
});
export const KnelpuntResolvedV1 = z.object({
  type: z.literal('KnelpuntResolvedV1'),
  ...knelpuntRef,
  resolution: z.string(),
  resolvedAt: z.string(),
});

export const ActionsEventV1 = z.discriminatedUnion('type', [
  ActionDefinedV1,
  ActionHolderAssignedV1,
  ProgressReportedV1,
  MilestonePlannedV1,
  MilestoneStartedV1,
  MilestoneAchievedV1,
  MilestoneReplannedV1,
  MilestoneCancelledV1,
  KnelpuntRaisedV1,
  KnelpuntEscalatedV1,
  KnelpuntResolvedV1,
]);
export type ActionsEventV1 = z.infer<typeof ActionsEventV1>;
export type ActionsEventV1Type = ActionsEventV1['type'];
