import { z } from 'zod';
import { PersonalTextV1 } from '@regie/contracts-personal-data';
import { CommitmentRegisteredV1, CommitmentsEventV1 } from './events.v1';

/**
 * CommitmentRegisteredV2: as V1, but `madeBy` names its persons sealed (personal data never
 * crosses the bus as plain text; see contracts/personal-data). Published on the same topic
 * instead of V1 from schema v2 of the domain event on; V1 messages published before stay in the
 * topic and are still accepted. V1 is not edited.
 */
export const CommitmentRegisteredV2 = CommitmentRegisteredV1.extend({
  type: z.literal('CommitmentRegisteredV2'),
  madeBy: PersonalTextV1,
  /** The werkagenda the toezegging belongs to; absent in messages published before werkagenda's became tenants (the first one). */
  werkagendaId: z.string().optional(),
});
export type CommitmentRegisteredV2 = z.infer<typeof CommitmentRegisteredV2>;

/** Every message a consumer of `regie.commitments.v1` may meet: the V1 events and CommitmentRegisteredV2. */
export const CommitmentsEvent = z.discriminatedUnion('type', [...CommitmentsEventV1.options, CommitmentRegisteredV2]);
export type CommitmentsEvent = z.infer<typeof CommitmentsEvent>;
