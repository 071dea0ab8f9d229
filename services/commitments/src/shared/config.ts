import { z } from 'zod';

/** Configuration of the commitments context, from the environment, checked at start. */
export interface CommitmentsConfig {
  /** How many days before its due date a commitment is announced as due soon (default 6 weeks). */
  lookaheadDays: number;
}

export const COMMITMENTS_CONFIG = Symbol('COMMITMENTS_CONFIG');

const lookahead = z.coerce
  .number({ error: 'verwacht een aantal dagen' })
  .int('verwacht een geheel aantal dagen')
  .min(0, 'minimaal 0 dagen')
  .max(366, 'maximaal 366 dagen');

export function commitmentsConfigFromEnv(env: NodeJS.ProcessEnv = process.env): CommitmentsConfig {
  const raw = env.REGIE_COMMITMENT_LOOKAHEAD_DAYS;
  if (raw === undefined || raw === '') return { lookaheadDays: 42 };
  const parsed = lookahead.safeParse(raw);
  if (!parsed.success) {
    throw new Error(`Ongeldige configuratie:\n  REGIE_COMMITMENT_LOOKAHEAD_DAYS: ${parsed.error.issues[0].message} (kreeg "${raw}")`);
  }
  return { lookaheadDays: parsed.data };
}
