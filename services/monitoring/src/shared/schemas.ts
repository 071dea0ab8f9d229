import { z } from 'zod';

/** Input rules of the monitoring endpoints; messages are Dutch because users read them. */
export const quarterParam = z.string().regex(/^\d{4}-Q[1-4]$/, 'verwacht een kwartaal als 2026-Q4');
export const indicatorIdParam = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,99}$/, 'verwacht een indicator-id als nieuwe-wlz-indicaties-ggz-wonen');
export const versionParam = z.coerce
  .number({ error: 'verwacht een versienummer' })
  .int('verwacht een versienummer')
  .min(1, 'versies beginnen bij 1');
export const monthPeriod = z
  .string({ error: 'verwacht een maand als 2026-10' })
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'verwacht een maand als 2026-10');
/** A monthly count of indications: never negative, and a billion is already far beyond the whole country. */
export const count = z
  .number({ error: 'verwacht een getal' })
  .min(0, 'verwacht een aantal van 0 of meer')
  .max(1_000_000_000, 'verwacht een aantal van hooguit 1 miljard');
/** A werkagenda id as the actions context gives it (e.g. betekenisvol-leven-2025-2028). */
export const werkagendaIdSchema = z
  .string({ error: 'verwacht een werkagenda-id als betekenisvol-leven-2025-2028' })
  .regex(/^[a-z0-9][a-z0-9-]{0,99}$/, 'verwacht een werkagenda-id als betekenisvol-leven-2025-2028');
/** A calendar day as 2026-03-01. */
export const isoDay = z.iso.date({ error: 'verwacht een datum als 2026-03-01' });
