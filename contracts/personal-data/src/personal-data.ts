import { z } from 'zod';

/**
 * How personal data crosses a service boundary: a person's name is never plain text in an
 * integration event (Kafka keeps topics forever), only sealed under the key of its data subject
 * (AES-256-GCM; see README "Personal data and erasure"). A consumer stores the sealed value as
 * it is; names are opened only when an answer is given, and read as "[verwijderd]" once the
 * person has been forgotten. The same shape as `SealedName`/`PersonalText` in @regie/es-core.
 */
const base64url = z.string().regex(/^[A-Za-z0-9_-]*$/, 'verwacht base64url');

export const SealedNameV1 = z.strictObject({
  subject: z.uuid(),
  alg: z.literal('A256GCM'),
  iv: base64url,
  ciphertext: base64url,
  tag: base64url,
});
export type SealedNameV1 = z.infer<typeof SealedNameV1>;

/** Text naming persons by placeholder: "Minister voor Langdurige Zorg en Sport ({0})", persons[0] sealed. */
export const PersonalTextV1 = z.strictObject({ text: z.string(), persons: z.array(SealedNameV1) });
export type PersonalTextV1 = z.infer<typeof PersonalTextV1>;
