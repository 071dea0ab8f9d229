import { z } from 'zod';

/** Input rules shared by the actions endpoints; messages are Dutch because users read them. */
export const isoDate = z.iso.date({ error: 'verwacht een bestaande datum als 2026-05-31' });
export const text = (max: number) =>
  z.string({ error: 'verplicht tekstveld' }).trim().min(1, 'mag niet leeg zijn').max(max, `maximaal ${max} tekens`);
export const actionCodeParam = z.string().regex(/^(0|[1-9]\.[1-9])$/, 'een actiecode als 0, 1.1 of 2.5');
export const uuidParam = z.uuid('verwacht een id (uuid)');
