import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { ALL_MEETING_KINDS } from '../series/meeting-series';

/** What the besluitenlijst, the actielijst and the verslag answer. */
const isoDate = z.string().describe('YYYY-MM-DD');
const moment = z.string().describe('ISO 8601, UTC');
const onMeeting = {
  meetingId: z.string(),
  meetingKind: z.enum(ALL_MEETING_KINDS),
  meetingDate: isoDate.describe('De datum van het overleg (Amsterdam)'),
  werkagendaId: z.string(),
  itemId: z.string().describe('Het agendapunt waar het uit voortkwam').nullable(),
  itemTitle: z.string().describe('Het agendapunt waaruit het voortkwam').nullable(),
};

export const decisionEntrySchema = z.object({
  id: z.string(),
  ...onMeeting,
  kind: z.enum(['operationeel', 'strategisch']),
  text: z.string(),
  status: z.enum(['geldig', 'gecorrigeerd', 'ingetrokken']),
  recordedAt: moment,
  corrects: z.string().describe('De versie die dit besluit corrigeert').nullable(),
  correctedBy: z.string().describe('De versie die dit besluit corrigeerde').nullable(),
  reason: z.string().describe('Waarom het besluit gecorrigeerd of ingetrokken is').nullable(),
  changedAt: moment.nullable(),
});

export const actionPointEntrySchema = z.object({
  id: z.string(),
  ...onMeeting,
  text: z.string(),
  /** May name a person: opened for reading, "[verwijderd]" once forgotten. */
  owner: z.string(),
  dueDate: isoDate,
  status: z.enum(['open', 'overdue', 'done']).describe('overdue: de datum is voorbij en het actiepunt is niet afgerond'),
  completedOn: isoDate.nullable(),
  reassignments: z.array(z.object({ previousOwner: z.string(), reason: z.string(), at: moment })),
});

export const minutesSchema = z.object({
  meetingId: z.string(),
  attendance: z.object({ present: z.array(z.string()), absent: z.array(z.string()), recordedAt: moment.nullable() }),
  notes: z.array(z.object({ itemId: z.string(), title: z.string(), notes: z.string(), recordedAt: moment })),
});

export class DecisionEntry extends createZodDto(decisionEntrySchema) {}
export class ActionPointEntry extends createZodDto(actionPointEntrySchema) {}
export class MeetingMinutes extends createZodDto(minutesSchema) {}
/** A recorded change and the meeting's new revision. */
export class MinutesChanged extends createZodDto(z.object({ id: z.string(), meetingId: z.string(), revision: z.number().int() })) {}
