import { FIRST_WERKAGENDA_ID } from '@regie/es-core';
import { zodParam } from '@regie/nest-kit';
import { werkagendaIdSchema } from './schemas';

/**
 * `?werkagendaId=`: the werkagenda a read or write of monitoring is about. Without it, the first
 * werkagenda (betekenisvol-leven-2025-2028): the callers from before werkagenda's were tenants keep working.
 */
export const werkagendaQuery = zodParam(
  'werkagendaId',
  werkagendaIdSchema.optional().transform((id) => id ?? FIRST_WERKAGENDA_ID),
);

/** Where a write without `?werkagendaId=` acts: the route parameter's kind that always names the first werkagenda. */
export const FIRST_WERKAGENDA_KIND = 'first-werkagenda';
