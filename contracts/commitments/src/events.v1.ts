import { z } from 'zod';

/**
 * Integration events of the commitments context (toezeggingen), version 1. One source for the
 * TypeScript types (z.infer) and the runtime validation consumers apply to every message.
 * A breaking change adds a V2 beside these; a V1 is never edited.
 */
export const COMMITMENTS_TOPIC_V1 = 'regie.commitments.v1';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'verwacht een datum als 2026-05-31');
/** A due date in words and the date it resolves to; `date: null` means "no date known". */
const due = z.object({ text: z.string(), date: isoDate.nullable() });
const commitmentId = z.uuid();

export const CommitmentRegisteredV1 = z.object({
  type: z.literal('CommitmentRegisteredV1'),
  commitmentId,
  text: z.string(),
  /** The bewindspersoon, by function (and name where the source names one). */
  madeBy: z.string(),
  madeAt: z.object({ date: isoDate, source: z.string() }),
  due,
  actionCodes: z.array(z.string()),
  externalRef: z.object({ system: z.literal('tweede-kamer'), id: z.string(), nummer: z.string().nullable() }).nullable(),
});
export const CommitmentPostponedV1 = z.object({
  type: z.literal('CommitmentPostponedV1'),
  commitmentId,
  previousDue: due,
  due,
  reason: z.string(),
});
export const CommitmentFulfilledV1 = z.object({
  type: z.literal('CommitmentFulfilledV1'),
  commitmentId,
  /** The document that fulfils it; kenmerk or date is null only where the source gives none. */
  document: z.object({ kenmerk: z.string().nullable(), title: z.string(), date: isoDate.nullable() }),
});
export const CommitmentWithdrawnV1 = z.object({ type: z.literal('CommitmentWithdrawnV1'), commitmentId, reason: z.string() });
export const CommitmentBecameOverdueV1 = z.object({ type: z.literal('CommitmentBecameOverdueV1'), commitmentId, dueDate: isoDate });
/** The commitment came within the look-ahead before its due date (once per due date). */
export const CommitmentDueSoonV1 = z.object({
  type: z.literal('CommitmentDueSoonV1'),
  commitmentId,
  dueDate: isoDate,
  text: z.string(),
  actionCodes: z.array(z.string()),
});
/** Text or due date changed at the source (Tweede Kamer open data). */
export const CommitmentUpdatedV1 = z.object({
  type: z.literal('CommitmentUpdatedV1'),
  commitmentId,
  text: z.string(),
  previousDue: due,
  due,
});

export const CommitmentsEventV1 = z.discriminatedUnion('type', [
  CommitmentRegisteredV1,
  CommitmentPostponedV1,
  CommitmentFulfilledV1,
  CommitmentWithdrawnV1,
  CommitmentBecameOverdueV1,
  CommitmentDueSoonV1,
  CommitmentUpdatedV1,
]);
export type CommitmentsEventV1 = z.infer<typeof CommitmentsEventV1>;
export type CommitmentsEventV1Type = CommitmentsEventV1['type'];
