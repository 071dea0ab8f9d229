import { join } from 'node:path';
import { z } from 'zod';

/**
 * Configuration from the environment, validated at start with a clear message per bad value.
 * Adapter choices are named here; the distributed ones arrive with the distributed issue.
 */
const schema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'verwacht postgres://user:pass@host:port/db' }).optional(),
  REGIE_DATA_DIR: z.string().default(join(process.cwd(), '.regie')),
  REGIE_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54320),
  REGIE_NOW: z.iso.datetime({ offset: true, error: 'verwacht een ISO-tijdstip zoals 2026-05-01T09:00:00Z' }).optional(),
  REGIE_EVENT_STORE: z.enum(['postgres']).default('postgres'),
  REGIE_BUS: z.enum(['inprocess']).default('inprocess'),
  REGIE_SCHEDULER: z.enum(['inprocess', 'bullmq']).default('inprocess'),
  REDIS_URL: z.url({ protocol: /^rediss?$/, error: 'verwacht redis://host:port' }).optional(),
  REGIE_SEED: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
  REGIE_LOG_LEVEL: z.enum(['error', 'warn', 'log', 'debug']).default('log'),
});

export type PlatformConfig = z.infer<typeof schema>;

const checked = schema.refine((c) => c.REGIE_SCHEDULER !== 'bullmq' || c.REDIS_URL, {
  path: ['REDIS_URL'],
  error: 'REGIE_SCHEDULER=bullmq heeft REDIS_URL nodig, bijvoorbeeld redis://127.0.0.1:6379',
});

export function loadConfig(env: NodeJS.ProcessEnv = process.env): PlatformConfig {
  // An empty variable (`DATABASE_URL=`) means "not set", as in most shells' configs.
  const result = checked.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
  throw new ConfigError(`Ongeldige configuratie:\n${lines.join('\n')}`);
}

export class ConfigError extends Error {}
