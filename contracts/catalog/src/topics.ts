import type { z } from 'zod';
import { ACTIONS_TOPIC_V1, ActionsEventV1 } from '@regie/contracts-actions';
import { COMMITMENTS_TOPIC_V1, CommitmentsEvent } from '@regie/contracts-commitments';
import { MEETINGS_TOPIC_V1, MeetingsEvent } from '@regie/contracts-meetings';
import { MONITORING_TOPIC_V1, MonitoringEventV1 } from '@regie/contracts-monitoring';

/** A message contract: a zod object whose `type` is the literal the message carries on the bus. */
export type MessageSchema = z.ZodObject<{ type: z.ZodLiteral<string> }>;

export interface Topic {
  /** The channel's id in the AsyncAPI document. */
  channel: string;
  address: string;
  description: string;
  /** Every message a consumer of the topic may meet: all versions still accepted. */
  messages: readonly MessageSchema[];
}

/** The topics the services publish, each with the union its consumers parse. */
export const TOPICS: readonly Topic[] = [
  {
    channel: 'actions',
    address: ACTIONS_TOPIC_V1,
    description: 'Werkagenda, acties, actiehouders, voortgangsrapportages, mijlpalen en knelpunten (context actions).',
    messages: ActionsEventV1.options,
  },
  {
    channel: 'commitments',
    address: COMMITMENTS_TOPIC_V1,
    description:
      'Toezeggingen aan de Kamer en bestuurlijke afspraken: registratie, uitstel, nakoming, intrekking, termijnen (context commitments).',
    messages: CommitmentsEvent.options,
  },
  {
    channel: 'meetings',
    address: MEETINGS_TOPIC_V1,
    description: 'Overlegreeksen, vergaderingen, agenda’s, besluiten en actiepunten (context meetings).',
    messages: MeetingsEvent.options,
  },
  {
    channel: 'monitoring',
    address: MONITORING_TOPIC_V1,
    description: 'Gepubliceerde versies van de kwartaalprojectie (context monitoring).',
    messages: MonitoringEventV1.options,
  },
];
