import { z } from 'zod';
import type { SeededKind } from '../series/meeting-series';

/** Configuration of the meetings context, from the environment, checked at start. */
export interface MeetingsConfig {
  /** Configured first occurrences (local Amsterdam date and time); absent: the seed's example. */
  firstOccurrence: Partial<Record<SeededKind, { date: string; time: string }>>;
  /** How far ahead (days) toezeggingen due after a meeting still go on its agenda. */
  lookaheadDays: number;
  /** Months of occurrences kept scheduled ahead. */
  horizonMonths: number;
  seed: boolean;
}

export const MEETINGS_CONFIG = Symbol('MEETINGS_CONFIG');

const VARIABLES: Record<SeededKind, string> = {
  kerngroep: 'REGIE_FIRST_KERNGROEP',
  evaluatie: 'REGIE_FIRST_EVALUATIE',
  jaaroverleg: 'REGIE_FIRST_JAAROVERLEG',
  regiegroep: 'REGIE_FIRST_REGIEGROEP',
};

const localMoment = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'verwacht een lokale datum en tijd als 2026-04-14T10:00 (Europe/Amsterdam)')
  .refine((v) => !Number.isNaN(Date.parse(`${v}:00Z`)), 'geen bestaande datum');
const days = (max: number) => z.coerce.number({ error: 'verwacht een getal' }).int('verwacht een geheel getal').min(0).max(max);

export function meetingsConfigFromEnv(env: NodeJS.ProcessEnv = process.env): MeetingsConfig {
  const problems: string[] = [];
  const firstOccurrence: MeetingsConfig['firstOccurrence'] = {};
  for (const [kind, name] of Object.entries(VARIABLES) as [SeededKind, string][]) {
    const raw = env[name];
    if (!raw) continue;
    const parsed = localMoment.safeParse(raw);
    if (parsed.success) firstOccurrence[kind] = { date: raw.slice(0, 10), time: raw.slice(11, 16) };
    else problems.push(`  ${name}: ${parsed.error.issues[0].message} (kreeg "${raw}")`);
  }
  const number = (name: string, fallback: number, max: number): number => {
    const raw = env[name];
    if (!raw) return fallback;
    const parsed = days(max).safeParse(raw);
    if (parsed.success) return parsed.data;
    problems.push(`  ${name}: ${parsed.error.issues[0].message} (kreeg "${raw}")`);
    return fallback;
  };
  const config = {
    firstOccurrence,
    lookaheadDays: number('REGIE_MEETINGS_LOOKAHEAD_DAYS', 42, 366),
    horizonMonths: number('REGIE_MEETINGS_HORIZON_MONTHS', 12, 36),
    seed: env.REGIE_SEED !== 'false',
  };
  if (problems.length > 0) throw new Error(`Ongeldige configuratie:\n${problems.join('\n')}`);
  return config;
}
