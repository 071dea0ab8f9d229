import { z } from 'zod';

/** Input rules shared by the meetings endpoints; messages are Dutch because users read them. */
export const isoDate = z.iso.date({ error: 'verwacht een bestaande datum als 2026-05-31' });
export const instant = z.iso.datetime({ offset: true, error: 'verwacht een tijdstip met tijdzone, zoals 2026-04-14T10:00:00+02:00' });
export const text = (max: number) =>
  z.string({ error: 'verplicht tekstveld' }).trim().min(1, 'mag niet leeg zijn').max(max, `maximaal ${max} tekens`);
export const uuidParam = z.uuid('verwacht een id (uuid)');
export const kindParam = z.enum(['kerngroep', 'evaluatie', 'jaaroverleg', 'regiegroep', 'overleg'], {
  error: 'kies kerngroep, evaluatie, jaaroverleg, regiegroep of overleg',
});
/** A local time of day, HH:mm. */
export const localTime = z
  .string({ error: 'verwacht een tijd als 10:00' })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'verwacht een tijd als 10:00');
/** A werkagenda's id as the actions context gives it, e.g. betekenisvol-leven-2025-2028. */
export const werkagendaIdParam = z
  .string()
  .regex(/^[a-z0-9][a-z0-9.-]{0,99}$/, 'verwacht het id van een werkagenda, zoals betekenisvol-leven-2025-2028');
