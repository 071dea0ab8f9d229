import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

/** What the monitoring context answers: the milestone board, indicators and quarterly projections. */
const isoDate = z.string().describe('YYYY-MM-DD');
const moment = z.string().describe('ISO 8601, UTC');
/** Global positions of the events an answer rests on, to look up in the audit log. */
const sources = z.array(z.number().int());
const int = z.number().int();

const boardMilestone = z.object({
  id: z.string(),
  title: z.string(),
  dueDate: isoDate,
  originalDueDate: isoDate,
  status: z.enum(['planned', 'in_progress', 'achieved', 'late', 'cancelled']),
  late: z.boolean(),
  achievedLate: z.boolean().describe('Behaald, te laat: behaald na de streefdatum'),
  daysLate: int
    .describe('Dagen te laat: bij behaald, te laat tussen streefdatum en behaald; bij te laat tot vandaag; anders null')
    .nullable(),
  replannedTimes: int,
  replanned: z.boolean(),
  label: z.string(),
  achievedOn: isoDate.nullable(),
  sourcePosition: int,
});
const boardAction = z.object({
  code: z.string(),
  actionLine: int.nullable(),
  title: z.string().describe('Null zolang monitoring alleen de mijlpalen van de actie kent').nullable(),
  milestones: z.array(boardMilestone),
});
const boardLine = z.object({
  actionLine: int.nullable(),
  counts: z.object({ total: int, planned: int, inProgress: int, achieved: int, late: int, cancelled: int, replanned: int }),
  actions: z.array(boardAction),
});

const overdueCommitment = z.object({
  id: z.string(),
  text: z.string(),
  madeBy: z.string(),
  due: z.object({ text: z.string(), date: isoDate.nullable() }),
  overdueSince: z.string().describe('YYYY-MM-DD: de termijn die verstreek').nullable(),
  postponements: int,
  actionCodes: z.array(z.string()),
  lateMilestones: z.array(z.object({ id: z.string(), actionCode: z.string(), title: z.string(), dueDate: isoDate })),
  sources,
});

/** Baseline and targets as the werkagenda words them; extra fields tell how a value was derived. */
const baseline = z.looseObject({ value: z.number(), reference: z.string(), text: z.string(), source: z.string() });
const target = z.looseObject({ value: z.number(), by: z.string().nullable(), text: z.string(), source: z.string() });
const direction = z
  .enum(['hoger-is-beter', 'lager-is-beter'])
  .describe('Welke kant beter is: het doel is een ondergrens of een bovengrens');
const targetVersion = z.object({
  validFrom: isoDate.describe('Vanaf deze dag gelden deze doelen; null: vanaf het begin').nullable(),
  targets: z.array(target),
  reason: z.string().describe('Waarom de doelen zijn gewijzigd (null bij de eerste doelen)').nullable(),
  changedBy: z.string().describe('Wie de doelen vastlegde').nullable(),
  changedAt: moment.nullable(),
  position: int,
});
const indicator = z.object({
  id: z.string(),
  title: z.string(),
  name: z.string().describe('Gelijk aan title'),
  werkagendaId: z.string(),
  actionCode: z.string().describe('De sleutel van de actie waar de indicator bij hoort').nullable(),
  direction,
  unit: z.string(),
  periodicity: z.string(),
  description: z.string(),
  source: z.string(),
  baseline: baseline.nullable(),
  assessments: z.array(z.object({ assessmentId: z.string(), asOf: z.string(), text: z.string(), source: z.string(), position: int })),
  revision: int,
  targets: z.array(target).describe('De doelen die nu gelden'),
  targetHistory: z.array(targetVersion).describe('Elke set doelen, oudste eerst: wanneer, door wie en waarom gewijzigd'),
  measurements: z.array(
    z.object({ period: z.string().describe('YYYY-MM'), value: z.number(), position: int, source: z.string().nullable(), corrections: int }),
  ),
  sources,
});

const projectedMilestone = z.object({
  id: z.string(),
  actionCode: z.string(),
  actionLine: int.nullable(),
  title: z.string(),
  dueDate: isoDate,
  originalDueDate: isoDate,
  status: z.string(),
  late: z.boolean(),
  achievedLate: z.boolean().describe('Behaald, te laat (ontbreekt in versies gepubliceerd voordat dit bestond)').optional(),
  daysLate: int.describe('Dagen te laat, of null (ontbreekt in versies gepubliceerd voordat dit bestond)').nullable().optional(),
  replannedTimes: int,
  achievedOn: isoDate.nullable(),
  projectedDate: isoDate.nullable(),
  projectedQuarter: z.string().nullable(),
  why: z.string(),
  sources,
});
const projectionCommitment = z.object({
  id: z.string(),
  text: z.string(),
  due: z.object({ text: z.string(), date: isoDate.nullable() }),
  status: z.enum(['open', 'postponed', 'overdue', 'fulfilled', 'withdrawn']),
  actionCodes: z.array(z.string()),
  atRisk: z.boolean(),
  why: z.array(z.string()),
  sources,
});
export const projectionSchema = z.object({
  quarter: z.string(),
  period: z.object({ from: isoDate, to: isoDate }),
  today: isoDate,
  computedAt: moment,
  /** The rules the projection applies, in words, so a reader can check every figure. */
  rules: z.object({ milestones: z.string(), commitmentsAtRisk: z.string(), rag: z.string(), forecast: z.string() }),
  milestones: z.object({
    counts: z.object({ due: int, achieved: int, projected: int, movedOut: int, late: int, lateDue: int.optional() }),
    due: z.array(projectedMilestone),
    achieved: z.array(projectedMilestone),
    projected: z.array(projectedMilestone),
    movedOut: z.array(projectedMilestone),
    slips: z.array(
      z.object({
        id: z.string(),
        actionCode: z.string(),
        slips: z.array(z.object({ milestoneId: z.string(), days: int, position: int })),
        medianDays: z.number(),
        appliedDays: z.number(),
      }),
    ),
  }),
  commitments: z.object({
    counts: z.object({ due: int, atRisk: int }),
    due: z.array(projectionCommitment),
    atRisk: z.array(projectionCommitment),
  }),
  indicators: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      unit: z.string(),
      direction: direction.optional(),
      baseline: baseline.nullable(),
      targets: z.array(target).describe('De doelen zoals die golden aan het eind van het kwartaal'),
      method: z.string(),
      status: z.enum(['ok', 'onvoldoende gegevens']),
      window: z.object({ from: z.string(), to: z.string() }).nullable(),
      points: int,
      trend: z.object({ slopePerMonth: z.number(), direction: z.enum(['dalend', 'stijgend', 'vlak']) }).nullable(),
      forecast: z.object({ period: z.string(), value: z.number(), low: z.number(), high: z.number(), residualSd: z.number() }).nullable(),
      target: target.nullable(),
      assessment: z.enum(['op koers', 'niet op koers', 'onzeker', 'onvoldoende gegevens', 'geen doel']),
      why: z.string(),
      sources,
    }),
  ),
  actionLines: z.array(
    z.object({
      actionLine: int,
      rag: z.enum(['groen', 'oranje', 'rood', 'grijs']),
      rule: z.string(),
      actions: z.array(z.string()),
      reasons: z.array(z.string()),
      milestones: int,
      sources,
    }),
  ),
});

const publication = { quarter: z.string(), werkagendaId: z.string(), version: int, publishedAt: moment, publishedBy: z.string(), sources };

export class BoardAction extends createZodDto(boardAction) {}
export class BoardActionLine extends createZodDto(boardLine) {}
export class OverdueCommitment extends createZodDto(overdueCommitment) {}
export class IndicatorDetail extends createZodDto(indicator) {}
export class IndicatorChanged extends createZodDto(
  z.object({
    changed: z.array(z.string()).describe('De vastgelegde gebeurtenissen (leeg: er veranderde niets)'),
    indicator,
  }),
) {}
export class MeasurementRecorded extends createZodDto(
  z.object({
    indicatorId: z.string(),
    period: z.string(),
    value: z.number(),
    revision: int,
    recorded: z.boolean(),
    previousValue: z.number().describe('De waarde die deze meting corrigeert').nullable(),
  }),
) {}
export class Projection extends createZodDto(projectionSchema) {}
/** A published version: the projection as it was frozen then. */
export class PublishedProjection extends createZodDto(
  z.object({
    ...publication,
    sha256: z.string().describe('sha256 (hex) van de bevroren tekst van het document, zoals /published/document die levert'),
    document: projectionSchema,
  }),
) {}
export class ProjectionComparison extends createZodDto(
  z.object({
    quarter: z.string(),
    from: z.object({ version: int, publishedAt: moment, sources }),
    to: z.object({ version: int, publishedAt: moment, sources }),
    changed: int,
    changes: z.array(z.object({ path: z.string(), kind: z.enum(['added', 'removed', 'changed']), from: z.unknown(), to: z.unknown() })),
  }),
) {}
