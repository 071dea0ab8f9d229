import { z } from 'zod';
import { WERKAGENDA_ID_PATTERN } from '@regie/es-core';

/** Input rules shared by the actions endpoints; messages are Dutch because users read them. */
export const isoDate = z.iso.date({ error: 'verwacht een bestaande datum als 2026-05-31' });
export const text = (max: number) =>
  z.string({ error: 'verplicht tekstveld' }).trim().min(1, 'mag niet leeg zijn').max(max, `maximaal ${max} tekens`);
/** A code within a werkagenda: 0, 1.1, 2.5 (at most two digits per part). */
export const CODE_PATTERN = '(?:0|[1-9]\\d?(?:\\.[1-9]\\d?)?)';
/** A werkagenda id: lower case, digits and hyphens, e.g. actieplan-dakloos-wlz-2025. */
export { WERKAGENDA_ID_PATTERN };
export const actionCode = z
  .string({ error: 'verplicht: een actiecode' })
  .regex(new RegExp(`^${CODE_PATTERN}$`), 'een actiecode als 0, 1.1 of 2.5');
/** An action's key: its code in the first werkagenda ('2.1'), else '<werkagendaId>:<code>'. */
export const actionCodeParam = z
  .string()
  .regex(
    new RegExp(`^(?:${WERKAGENDA_ID_PATTERN}:)?${CODE_PATTERN}$`),
    'een actiecode als 0, 1.1 of 2.5, of een sleutel als actieplan-dakloos-wlz-2025:1.1',
  );
export const werkagendaIdParam = z
  .string({ error: 'verplicht: een werkagenda-id' })
  .regex(
    new RegExp(`^${WERKAGENDA_ID_PATTERN}$`),
    'een werkagenda-id: kleine letters, cijfers en koppeltekens, zoals actieplan-dakloos-wlz-2025',
  );
export const uuidParam = z.uuid('verwacht een id (uuid)');
