import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

/** What the actions context answers: the read models as the API shows them. */
const rag = z.enum(['groen', 'oranje', 'rood']);
const isoDate = z.string().describe('YYYY-MM-DD');
const moment = z.string().describe('ISO 8601, UTC');

export const werkagendaSchema = z.object({
  id: z.string(),
  title: z.string(),
  period: z.object({ from: isoDate, to: isoDate }),
  parties: z.array(z.object({ code: z.string(), name: z.string() })),
  actionLines: z.array(z.object({ number: z.number().int(), title: z.string() })),
});

export const milestoneSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  dueDate: isoDate,
  status: z.enum(['planned', 'in_progress', 'achieved', 'cancelled']),
  /** Past due and not achieved, on the day asked about. */
  late: z.boolean(),
  achievedLate: z.boolean().describe('Behaald, te laat: behaald na de streefdatum'),
  daysLate: z
    .number()
    .int()
    .describe('Dagen te laat: bij behaald, te laat tussen streefdatum en behaald; bij te laat tot vandaag; anders null')
    .nullable(),
  replanCount: z.number().int(),
});

/** `person`: a named actiehouder (personal data, opened in answers; "[verwijderd]" once forgotten). */
const actionHolder = z.object({ parties: z.array(z.string()), description: z.string(), person: z.string().nullish() });

export const actionSummarySchema = z.object({
  code: z.string(),
  actionLine: z.number().int(),
  title: z.string(),
  actionHolder,
  rag: rag.nullable(),
  milestones: z.array(milestoneSummarySchema),
  openKnelpunten: z.number().int(),
});

export const actionSchema = actionSummarySchema.omit({ milestones: true, openKnelpunten: true }).extend({
  startActivities: z.array(z.string()),
  milestones: z.array(
    milestoneSummarySchema.extend({
      originalDueDate: isoDate,
      dueDateText: z.string().nullable(),
      startedOn: isoDate.nullable(),
      achievedOn: isoDate.nullable(),
      replans: z.array(z.object({ dueDate: isoDate, previousDueDate: isoDate, reason: z.string(), at: z.string() })),
      cancelReason: z.string().nullable(),
      revision: z.number().int(),
    }),
  ),
  progressReports: z.array(z.object({ id: z.string(), rag, summary: z.string(), reportedAt: moment, reportedBy: z.string().nullable() })),
  knelpunten: z.array(
    z.object({
      id: z.string(),
      description: z.string(),
      escalatedTo: z.enum(['kerngroep', 'regiegroep']).nullable(),
      status: z.enum(['open', 'resolved']),
      raisedAt: moment,
      resolution: z.string().nullable(),
      resolvedAt: moment.nullable(),
      revision: z.number().int(),
    }),
  ),
  revision: z.number().int(),
});

export class Werkagenda extends createZodDto(werkagendaSchema) {}
export class ActionSummary extends createZodDto(actionSummarySchema) {}
export class ActionDetail extends createZodDto(actionSchema) {}
export class ActionHolderAssigned extends createZodDto(z.object({ code: z.string(), revision: z.number().int() })) {}
