import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { ALL_MEETING_KINDS } from '../series/meeting-series';

/** What the meetings context answers: overlegvormen, overleggen, agenda and record, as the API shows them. */
const isoDate = z.string().describe('YYYY-MM-DD');
const moment = z.string().describe('ISO 8601, UTC');
const kind = z.enum(ALL_MEETING_KINDS);

export const meetingSeriesSchema = z.object({
  id: z.string(),
  werkagendaId: z.string(),
  kind,
  title: z.string(),
  purpose: z.string(),
  cadence: z.string(),
  interval: z.object({ unit: z.enum(['weeks', 'months']), every: z.number().int() }),
  participants: z.array(z.string()),
  chair: z.string().describe('De voorzitter, als die vastligt').nullable(),
  organiser: z.string(),
  firstOccurrence: z.object({ date: isoDate, time: z.string(), timeZone: z.string() }),
  /** The local start time as it stands now (firstOccurrence has the first one). */
  localTime: z.string(),
  durationMinutes: z.number().int(),
  /** A series the seed invented as an example, not one the werkagenda names. */
  example: z.boolean(),
  changes: z
    .array(
      z.object({
        from: isoDate,
        firstDate: isoDate,
        localTime: z.string(),
        durationMinutes: z.number().int(),
        cadence: z.string(),
        chair: z.string().nullable(),
        participants: z.array(z.string()),
        location: z.string().nullable(),
        reason: z.string(),
        at: moment,
      }),
    )
    .describe('Wijzigingen van ritme, voorzitter, deelnemers of locatie, elk vanaf een datum, met reden'),
  endsOn: isoDate.describe('Vanaf deze datum komt de overlegvorm niet meer bijeen').nullable(),
  endReason: z.string().describe('Waarom de overlegvorm beëindigd is').nullable(),
});

export const meetingSummarySchema = z.object({
  id: z.string(),
  kind,
  startsAt: moment,
  endsAt: moment,
  status: z.enum(['scheduled', 'agenda_published', 'held', 'minutes_approved', 'cancelled']),
  preparesFor: z.string().describe('Bij een kerngroep: het id van de regiegroep die zij voorbereidt').nullable(),
  notHeld: z
    .boolean()
    .describe('Afgeleid met de klok: het overleg is voorbij maar nooit als gehouden vastgelegd (en niet geannuleerd); "niet gehouden"'),
});

export const agendaItemSchema = z.object({
  id: z.string(),
  title: z.string(),
  source: z.object({ type: z.string(), ref: z.string() }),
  order: z.number().int(),
});

export const meetingSchema = meetingSummarySchema.extend({
  seriesId: z.string().describe('De overlegvorm; bij een los overleg het eigen id'),
  werkagendaId: z.string().describe('De werkagenda van het overleg').nullable(),
  title: z.string().describe('De naam van de overlegvorm of van het losse overleg').nullable(),
  adHoc: z.boolean().describe('Een los overleg, buiten een reeks'),
  actionCode: z.string().describe('Bij een kleinschalig overleg rond één actie: de sleutel van die actie').nullable(),
  participants: z.array(z.string()).describe('Deelnemers: partijen, functies of personen (id)'),
  chair: z
    .string()
    .describe('De voorzitter van dit overleg (functie of partij): van de overlegvorm, tenzij voor dit overleg gewijzigd')
    .nullable(),
  chairFromSeries: z.boolean().describe('De voorzitter is die van de overlegvorm (niet voor dit overleg gewijzigd)'),
  local: z.object({ date: isoDate, time: z.string() }),
  nominalDate: isoDate,
  movedBecause: z.string().describe('Waarom het overleg van zijn reguliere datum is verschoven').nullable(),
  reschedules: z.array(z.object({ previousStartsAt: moment, startsAt: moment, reason: z.string(), at: moment })),
  cancelReason: z.string().describe('De reden van afzeggen').nullable(),
  preparedBy: z.string().describe('Bij een regiegroep: het id van de kerngroep die haar voorbereidt').nullable(),
  agendaStatus: z
    .enum(['concept', 'gepubliceerd', 'niet-gepubliceerd'])
    .describe(
      'concept: stelt zich samen tot publicatie; gepubliceerd: ligt vast (ook als het vastleggen van het overleg haar bevroor); ' +
        'niet-gepubliceerd: gehouden voordat het vastleggen de agenda bevroor, de agenda is zoals zij nu samengesteld wordt',
    ),
  agendaFrozenBy: z
    .enum(['held'])
    .describe('held: de agenda is niet vooraf gepubliceerd maar vastgelegd zoals zij stond toen het overleg als gehouden werd vastgelegd')
    .nullable(),
  publishedAt: moment.nullable(),
  agenda: z.array(agendaItemSchema),
  decisions: z.array(
    z.object({
      id: z.string(),
      text: z.string(),
      kind: z.enum(['operationeel', 'strategisch']),
      recordedAt: moment,
      itemId: z.string().describe('Het agendapunt waar het besluit uit voortkwam').nullable(),
      status: z.enum(['geldig', 'gecorrigeerd', 'ingetrokken']),
      corrects: z.string().describe('De versie die dit besluit corrigeert').nullable(),
      reason: z.string().describe('Waarom het gecorrigeerd of ingetrokken is').nullable(),
    }),
  ),
  actionPoints: z.array(
    z.object({
      id: z.string(),
      text: z.string(),
      /** May name a person: opened for reading, "[verwijderd]" once forgotten. */
      owner: z.string(),
      dueDate: isoDate,
      done: z.boolean(),
      completedOn: isoDate.nullable(),
      overdue: z.boolean(),
      itemId: z.string().describe('Het agendapunt waar het actiepunt uit voortkwam').nullable(),
    }),
  ),
  heldAt: moment.describe('Wanneer het overleg gehouden is (het begin, als het pas na afloop is vastgelegd)').nullable(),
  heldRecordedAt: moment.describe('Wanneer vastgelegd is dat het overleg gehouden is').nullable(),
  minutesApprovedAt: moment.nullable(),
  revision: z.number().int(),
});

const onMeeting = z.object({ id: z.string(), meetingId: z.string(), revision: z.number().int() });

export class MeetingSeries extends createZodDto(meetingSeriesSchema) {}
export class MeetingSummary extends createZodDto(meetingSummarySchema) {}
export class MeetingDetail extends createZodDto(meetingSchema) {}
/** An agenda item, decision or action point recorded on a meeting, and the meeting's new revision. */
export class RecordedOnMeeting extends createZodDto(onMeeting) {}
export class AgendaPublished extends createZodDto(
  z.object({ id: z.string(), agenda: z.array(agendaItemSchema), revision: z.number().int() }),
) {}
