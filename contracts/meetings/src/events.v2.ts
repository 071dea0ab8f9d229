import { z } from 'zod';
import { SealedNameV1 } from '@regie/contracts-personal-data';
import { ActionPointAssignedV1, MeetingsEventV1 } from './events.v1';

/**
 * ActionPointAssignedV2: as V1, but the owner — who may be a person — is sealed (personal data
 * never crosses the bus as plain text; see contracts/personal-data). Published on the same topic
 * for owners recorded sealed; V1 remains for owners recorded before. V1 is not edited.
 */
export const ActionPointAssignedV2 = ActionPointAssignedV1.extend({ type: z.literal('ActionPointAssignedV2'), owner: SealedNameV1 });
export type ActionPointAssignedV2 = z.infer<typeof ActionPointAssignedV2>;

/** Every message a consumer of `regie.meetings.v1` may meet: the V1 events and ActionPointAssignedV2. */
export const MeetingsEvent = z.discriminatedUnion('type', [...MeetingsEventV1.options, ActionPointAssignedV2]);
export type MeetingsEvent = z.infer<typeof MeetingsEvent>;
