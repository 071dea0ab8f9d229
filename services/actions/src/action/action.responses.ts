import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

/** What the actions context answers: the read models as the API shows them. */
const rag = z.enum(['groen', 'oranje', 'rood']);
const isoDate = z.string().describe('YYYY-MM-DD');
const moment = z.string().describe('ISO 8601, UTC');

/** A party; role, membership and bestuurlijke afspraken are null when not recorded. */
export const partySchema = z.object({
  code: z.string(),
  name: z.string(),
  role: z.enum(['penvoerder', 'partner', 'deelnemer']).nullable(),
  memberFrom: isoDate.nullable(),
  memberTo: isoDate.nullable(),
  bestuurlijkeAfspraken: z
    .object({ participates: z.boolean(), since: isoDate.nullable(), sinceText: z.string().nullable(), note: z.string().nullable() })
    .nullable()
    .describe('Deelname aan de bestuurlijke afspraken, los van het lidmaatschap van de werkagenda'),
});

export const werkagendaSchema = z.object({
  id: z.string(),
  title: z.string(),
  period: z.object({ from: isoDate, to: isoDate }),
  parties: z.array(partySchema),
  actionLines: z.array(z.object({ number: z.number().int(), title: z.string() })),
});

export const werkagendaEntrySchema = werkagendaSchema.extend({
  archived: z.boolean(),
  archiveReason: z.string().describe('Waarom de werkagenda is gearchiveerd').nullable(),
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
  key: z.string().describe('De sleutel van de actie: "2.1" in de eerste werkagenda, anders "<werkagendaId>:<code>"'),
  werkagendaId: z.string(),
  code: z.string().describe('De code binnen de werkagenda, zoals mensen hem lezen: "1.1"'),
  actiehouderPersonIds: z.array(z.uuid()),
  actionLine: z.number().int(),
  title: z.string(),
  actionHolder,
  rag: rag.nullable(),
  milestones: z.array(milestoneSummarySchema),
  openKnelpunten: z.number().int(),
  lastReportedAt: moment.nullable().describe('Wanneer de laatste voortgangsrapportage is gedaan (ISO 8601, UTC); null: nog nooit'),
});

export const actionSchema = actionSummarySchema.omit({ milestones: true, openKnelpunten: true, lastReportedAt: true }).extend({
  startActivities: z.array(z.string()),
  milestones: z.array(
    milestoneSummarySchema.extend({
      originalDueDate: isoDate,
      dueDateText: z.string().nullable(),
      regionSlug: z.string().nullable(),
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
  regions: z.array(
    z.object({
      slug: z.string(),
      name: z.string(),
      period: z.object({ from: isoDate, to: isoDate }).nullable(),
      status: z.enum(['aangemeld', 'gestart', 'plan_van_aanpak_gereed', 'afgerond']),
      statusChanges: z.array(z.object({ status: z.string(), on: isoDate, note: z.string().nullable() })),
    }),
  ),
  revision: z.number().int(),
});

export class Werkagenda extends createZodDto(werkagendaSchema) {}
export class ActionSummary extends createZodDto(actionSummarySchema) {}
export class ActionDetail extends createZodDto(actionSchema) {}
export class WerkagendaEntry extends createZodDto(werkagendaEntrySchema) {}
export class ActionKeyCreated extends createZodDto(z.object({ key: z.string(), code: z.string(), werkagendaId: z.string() })) {}
export class WerkagendaChangedAnswer extends createZodDto(z.object({ id: z.string(), revision: z.number().int() })) {}
export class ActionChangedAnswer extends createZodDto(z.object({ key: z.string(), revision: z.number().int() })) {}
export class ActionHolderAssigned extends createZodDto(z.object({ code: z.string(), revision: z.number().int() })) {}
