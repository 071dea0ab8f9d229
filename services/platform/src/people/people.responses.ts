import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

/** What the directory answers: names opened (or "[verwijderd]" once forgotten). */
const person = z.object({
  id: z.string(),
  name: z.string().describe('Weergavenaam, bijvoorbeeld "C. de Vries"; "[verwijderd]" als de persoon vergeten is'),
  function: z.string().describe('Functie, bijvoorbeeld "coördinator werkagenda"').nullable(),
  organisation: z.string().describe('Partijcode (VWS, ZN, VNG) of vrije tekst'),
  forgotten: z.boolean(),
  revision: z.number().int(),
});
export class PersonAnswer extends createZodDto(person) {}
export class ActorNamesAnswer extends createZodDto(
  z.record(z.string(), z.string()).describe('Per account-id hoe de actor heet, bijvoorbeeld "C. de Vries, coördinator werkagenda"'),
) {}
