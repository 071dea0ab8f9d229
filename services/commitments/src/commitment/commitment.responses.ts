import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { COMMITMENT_STATUSES } from './commitment';

/** What the commitments context answers: toezeggingen as the API shows them. */
const isoDate = z.string().describe('YYYY-MM-DD');
const moment = z.string().describe('ISO 8601, UTC');
/** A termijn as the source worded it; `date` is null when none can be derived ("onbekend"). */
const due = z.object({ text: z.string(), date: isoDate.nullable() });
const document = z.object({ kenmerk: z.string().nullable(), title: z.string(), date: isoDate.nullable() });
/** An event's data as recorded, with the moment it was recorded: its fields follow the event's version. */
const recorded = (shape: z.ZodRawShape = {}) => z.looseObject({ ...shape, at: moment });

export const commitmentSummarySchema = z.object({
  id: z.string(),
  text: z.string(),
  /** The bewindspersoon; names in it are personal data, opened for reading ("[verwijderd]" once forgotten). */
  madeBy: z.string(),
  madeAt: z.object({ date: isoDate, source: z.string() }),
  due,
  dueDate: isoDate.nullable(),
  status: z.enum(COMMITMENT_STATUSES),
  actionCodes: z.array(z.string()),
  /** The werkagenda the toezegging belongs to. */
  werkagendaId: z.string(),
  externalRef: z
    .object({ system: z.literal('tweede-kamer'), id: z.string(), nummer: z.string().nullable(), changedAt: z.string().nullable() })
    .nullable(),
  postponementCount: z.number().int(),
  fulfilledBy: document.nullable(),
  revision: z.number().int(),
});

export const commitmentSchema = commitmentSummarySchema.extend({
  originalDue: due,
  postponements: z.array(recorded({ due, previousDue: due, reason: z.string(), source: z.string().nullish() })),
  fulfilment: recorded({ document }).nullable(),
  withdrawal: recorded({ reason: z.string() }).nullable(),
  overdue: z.array(recorded()),
  dueSoon: z.array(recorded()),
  updates: z.array(recorded()),
  history: z.array(z.object({ revision: z.number().int(), type: z.string(), at: moment, actor: z.string() })),
  registeredAt: moment,
});

export class CommitmentSummary extends createZodDto(commitmentSummarySchema) {}
export class CommitmentDetail extends createZodDto(commitmentSchema) {}
export class CommitmentRegistered extends createZodDto(z.object({ id: z.string(), dueDate: isoDate.nullable() })) {}
export class CommitmentPostponed extends createZodDto(
  z.object({ id: z.string(), dueDate: isoDate.nullable(), revision: z.number().int() }),
) {}
export class ImportSummary extends createZodDto(
  z.object({
    imported: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    rejected: z.array(
      z.object({
        index: z.number().int(),
        id: z.string().nullable(),
        errors: z.array(z.object({ field: z.string(), message: z.string() })),
      }),
    ),
  }),
) {}
