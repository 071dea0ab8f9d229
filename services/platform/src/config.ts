import { isIP } from 'node:net';
import { join } from 'node:path';
import { z } from 'zod';
import { parseBusKeys } from '@regie/bus-kafka';
import { CONTEXT_NAMES, SERVICE_NAMES } from './services';

/**
 * Configuration from the environment, validated at start with a clear message per bad value, so
 * a wrong setting stops the platform at once instead of failing on first use. Every adapter
 * choice is here, and the cross-field rules say which settings a choice needs.
 */
const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000), // 0: any free port (tests)
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'verwacht postgres://user:pass@host:port/db' }).optional(),
  REGIE_DATA_DIR: z.string().default(join(process.cwd(), '.regie')),
  REGIE_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54320),
  REGIE_NOW: z.iso.datetime({ offset: true, error: 'verwacht een ISO-tijdstip zoals 2026-05-01T09:00:00Z' }).optional(),
  REGIE_EVENT_STORE: z.enum(['postgres', 'kurrentdb']).default('postgres'),
  /** Wraps the keys of personal data (32 bytes, base64); without it the database keeps one itself. */
  REGIE_MASTER_KEY: z
    .base64({ error: 'verwacht 32 bytes in base64, bijvoorbeeld: openssl rand -base64 32' })
    .refine((v) => Buffer.from(v, 'base64').length === 32, 'verwacht precies 32 bytes (base64), bijvoorbeeld: openssl rand -base64 32')
    .optional(),
  /** Signs the event chain's seals and checkpoints (32 bytes, base64); without it, derived from REGIE_MASTER_KEY or kept in REGIE_DATA_DIR/chain.key. */
  REGIE_CHAIN_KEY: z
    .base64({ error: 'verwacht 32 bytes in base64, bijvoorbeeld: openssl rand -base64 32' })
    .refine((v) => Buffer.from(v, 'base64').length === 32, 'verwacht precies 32 bytes (base64), bijvoorbeeld: openssl rand -base64 32')
    .optional(),
  KURRENTDB_URL: z
    .string()
    .regex(/^(kurrentdb|esdb|kdb)(\+discover)?:\/\//, 'verwacht kurrentdb://host:2113?tls=false')
    .optional(),
  REGIE_BUS: z.enum(['inprocess', 'kafka']).default('inprocess'),
  KAFKA_BROKERS: z
    .string()
    .regex(/^[^,\s]+:\d+(,[^,\s]+:\d+)*$/, 'verwacht host:poort[,host:poort]')
    .optional(),
  /** The Kafka client under the bus (docs/distributed.md says why kafkajs is the default). */
  REGIE_KAFKA_CLIENT: z
    .enum(['kafkajs', 'platformatic'], {
      error: 'kies kafkajs (de standaard) of platformatic (@platformatic/kafka, onderhouden; zie docs/distributed.md)',
    })
    .default('kafkajs'),
  KAFKA_PARTITIONS: z.coerce.number().int().min(1).max(1000).default(6),
  KAFKA_NAMESPACE: z
    .string()
    .regex(/^[a-zA-Z0-9._-]*$/, 'letters, cijfers, punt, streep')
    .default(''),
  /**
   * The keys that sign and verify bus messages, `id:base64` (32 bytes or more) separated by commas;
   * every process of the platform needs the same. Required with REGIE_BUS=kafka.
   */
  REGIE_BUS_KEYS: z
    .string()
    .superRefine((v, ctx) => {
      try {
        parseBusKeys(v);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
      }
    })
    .optional(),
  /** The id of the key this process signs with (default: the first of REGIE_BUS_KEYS); switch it to rotate. */
  REGIE_BUS_SIGNING_KID: z.string().min(1).optional(),
  /** TLS to the brokers: `true`, with the brokers' CA (REGIE_KAFKA_CA_FILE) unless the system trusts it. */
  REGIE_KAFKA_SSL: z
    .enum(['true', 'false'], { error: 'verwacht true of false' })
    .default('false')
    .transform((v) => v === 'true'),
  /** PEM file of the CA that signed the brokers' certificates. */
  REGIE_KAFKA_CA_FILE: z.string().min(1).optional(),
  /** PEM files of a client certificate and its key, for brokers that ask for one (mutual TLS). */
  REGIE_KAFKA_CERT_FILE: z.string().min(1).optional(),
  REGIE_KAFKA_KEY_FILE: z.string().min(1).optional(),
  /** SASL authentication to the brokers; with REGIE_KAFKA_USERNAME and REGIE_KAFKA_PASSWORD. */
  REGIE_KAFKA_SASL_MECHANISM: z
    .enum(['plain', 'scram-sha-256', 'scram-sha-512'], { error: 'kies plain, scram-sha-256 of scram-sha-512' })
    .optional(),
  REGIE_KAFKA_USERNAME: z.string().min(1).optional(),
  REGIE_KAFKA_PASSWORD: z.string().min(1).optional(),
  /** Which services this process hosts: all (the embedded default) or some, e.g. `actions`. */
  REGIE_SERVICES: z
    .string()
    .default(SERVICE_NAMES.join(','))
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(SERVICE_NAMES, { error: `kies uit ${SERVICE_NAMES.join(', ')}` })).min(1)),
  REGIE_SCHEDULER: z.enum(['inprocess', 'bullmq']).default('inprocess'),
  REDIS_URL: z.url({ protocol: /^rediss?$/, error: 'verwacht redis://host:port' }).optional(),
  REGIE_SEED: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  /** Readiness (`/health/ready`) fails while a hosted read model is more than this many store events behind. */
  REGIE_READY_MAX_LAG: z.coerce
    .number({ error: 'verwacht een aantal events, bijvoorbeeld 1000' })
    .int('verwacht een geheel aantal events, bijvoorbeeld 1000')
    .min(0, 'verwacht 0 of meer events achterstand, bijvoorbeeld 1000')
    .default(1000),
  /**
   * Every this many minutes the time-travel snapshots are brought up to date in the background (the
   * first time 2 minutes after start), so that a look at a past moment replays little; 0: only when
   * someone looks.
   */
  REGIE_TIME_TRAVEL_KEEP_UP_MINUTES: z.coerce
    .number({ error: 'verwacht een aantal minuten, bijvoorbeeld 10' })
    .min(0, 'verwacht 0 (uit) of meer minuten, bijvoorbeeld 10')
    .default(10),
  REGIE_LOG_LEVEL: z.enum(['error', 'warn', 'log', 'debug']).default('log'),
  /** `json`: one JSON object a line, for a log collector; `pretty`: readable lines. Default: see `checked`. */
  REGIE_LOG_FORMAT: z
    .enum(['json', 'pretty'], { error: 'kies json (een JSON-object per regel, voor een logverzamelaar) of pretty (leesbaar)' })
    .optional(),
  /** Traces (OpenTelemetry's own settings): off unless an exporter is named. */
  OTEL_TRACES_EXPORTER: z
    .enum(['zipkin', 'otlp', 'none'], { error: 'kies zipkin, otlp (OTLP over HTTP) of none (geen traces)' })
    .default('none'),
  /** The name the traces give this process; default `regie-<hosted services>`. */
  OTEL_SERVICE_NAME: z.string().min(1, 'verwacht een naam, bijvoorbeeld regie-actions').optional(),
  OTEL_EXPORTER_ZIPKIN_ENDPOINT: z
    .url({ protocol: /^https?$/, error: 'verwacht de span-URL van Zipkin, bijvoorbeeld http://zipkin:9411/api/v2/spans' })
    .optional(),
  OTEL_EXPORTER_OTLP_ENDPOINT: z
    .url({ protocol: /^https?$/, error: 'verwacht de URL van de OTLP-collector, bijvoorbeeld http://otel-collector:4318' })
    .optional(),
  /** Where the portal finds the API when this process does not host the services (distributed shape). */
  REGIE_API_URL: z.url({ protocol: /^https?$/, error: 'verwacht een URL als http://regie-api:3000' }).optional(),
  /** `production` (or NODE_ENV=production) forbids the local accounts: tokens come from an OIDC provider. */
  REGIE_MODE: z.enum(['embedded', 'production']).default('embedded'),
  NODE_ENV: z.string().optional(),
  /** Who issues the tokens: the embedded local accounts, or the organisation's OIDC provider. */
  REGIE_AUTH: z.enum(['local', 'oidc']).optional(),
  REGIE_LOCAL_PASSWORD: z.string().min(8, 'minstens 8 tekens').optional(),
  /** How long a local account's token is valid; a logout revokes it sooner. */
  REGIE_TOKEN_LIFETIME_SECONDS: z.coerce
    .number({ error: 'verwacht een aantal seconden, bijvoorbeeld 28800' })
    .int('verwacht een geheel aantal seconden')
    .min(60, 'minstens 60 seconden')
    .max(86_400, 'hoogstens een dag (86400)')
    .default(8 * 3600),
  /** Wrong passwords for one account (within 15 minutes) before it is locked out. */
  REGIE_LOGIN_MAX_FAILURES: z.coerce
    .number({ error: 'verwacht een aantal pogingen, bijvoorbeeld 5' })
    .int('verwacht een geheel aantal pogingen')
    .min(1, 'minstens 1 poging')
    .max(100, 'hoogstens 100 pogingen')
    .default(5),
  /** The first lockout of an account; each next one within a day lasts twice as long. */
  REGIE_LOGIN_LOCKOUT_SECONDS: z.coerce
    .number({ error: 'verwacht een aantal seconden, bijvoorbeeld 900' })
    .int('verwacht een geheel aantal seconden')
    .min(1, 'minstens 1 seconde')
    .max(86_400, 'hoogstens een dag (86400)')
    .default(15 * 60),
  REGIE_OIDC_ISSUER: z
    .url({ error: 'verwacht de issuer-URL van de OIDC-provider, bijvoorbeeld https://login.example.nl/realms/vws' })
    .optional(),
  REGIE_OIDC_JWKS_URL: z.url({ protocol: /^https?$/, error: 'verwacht de JWKS-URL van de OIDC-provider' }).optional(),
  REGIE_OIDC_AUDIENCE: z.string().min(1).optional(),
  REGIE_OIDC_ROLES_CLAIM: z.string().min(1).default('roles'),
  REGIE_OIDC_ACTIONS_CLAIM: z.string().min(1).default('regie_actions'),
  /** Where the grants per werkagenda are (dotted path): `role@werkagendaId[:code,code]` strings or `{role, werkagendaId, actionCodes}` objects. */
  REGIE_OIDC_GRANTS_CLAIM: z.string().min(1).default('regie_grants'),
  /**
   * Which reverse proxies' X-Forwarded-For/-Proto to believe (Express `trust proxy`): `false` (none,
   * the default), a number of hops, or addresses and subnets. Only then does a request count as
   * https, which decides HSTS.
   */
  REGIE_TRUST_PROXY: z
    .string()
    .default('false')
    .refine((v) => /^(true|false|\d{1,2})$/.test(v) || v.split(',').every((p) => isProxyAddress(p.trim())), {
      error:
        'verwacht false, true, een aantal proxy-stappen (bijvoorbeeld 1) of adressen en subnetten van de proxy, bijvoorbeeld 10.0.0.0/8,loopback',
    })
    .transform((v): boolean | number | string => (v === 'true' ? true : v === 'false' ? false : /^\d+$/.test(v) ? Number(v) : v)),
});

/** An address, a subnet (address/prefix) or one of Express's names for address ranges. */
function isProxyAddress(value: string): boolean {
  if (['loopback', 'linklocal', 'uniquelocal'].includes(value)) return true;
  const [address, prefix, ...rest] = value.split('/');
  const version = isIP(address);
  if (!version || rest.length > 0) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128));
}

export type PlatformConfig = z.infer<typeof checked>;

const checked = schema
  .transform((c) => {
    const production = c.REGIE_MODE === 'production' || c.NODE_ENV === 'production';
    // A log collector reads production processes and those of the distributed shape; a person reads the embedded one.
    const distributed = c.REGIE_SERVICES.length < SERVICE_NAMES.length;
    return {
      ...c,
      production,
      REGIE_AUTH: c.REGIE_AUTH ?? (production ? ('oidc' as const) : ('local' as const)),
      REGIE_LOG_FORMAT: c.REGIE_LOG_FORMAT ?? (production || distributed ? ('json' as const) : ('pretty' as const)),
      // Each process of the distributed shape is its own service in the traces.
      OTEL_SERVICE_NAME: c.OTEL_SERVICE_NAME ?? (distributed ? `regie-${c.REGIE_SERVICES.join('-')}` : 'regie'),
    };
  })
  .refine((c) => !(c.production && c.REGIE_AUTH === 'local'), {
    path: ['REGIE_AUTH'],
    error:
      'lokale accounts kunnen niet aan in productie: configureer een OIDC-provider (REGIE_AUTH=oidc, REGIE_OIDC_ISSUER, REGIE_OIDC_JWKS_URL)',
  })
  .refine((c) => c.REGIE_AUTH !== 'oidc' || (c.REGIE_OIDC_ISSUER && c.REGIE_OIDC_JWKS_URL), {
    path: ['REGIE_OIDC_ISSUER'],
    error: 'OIDC heeft REGIE_OIDC_ISSUER en REGIE_OIDC_JWKS_URL nodig',
  })
  .refine((c) => c.REGIE_SCHEDULER !== 'bullmq' || c.REDIS_URL, {
    path: ['REDIS_URL'],
    error: 'REGIE_SCHEDULER=bullmq heeft REDIS_URL nodig, bijvoorbeeld redis://127.0.0.1:6379',
  })
  .refine((c) => c.REGIE_BUS !== 'kafka' || c.KAFKA_BROKERS, {
    path: ['KAFKA_BROKERS'],
    error: 'REGIE_BUS=kafka heeft KAFKA_BROKERS nodig, bijvoorbeeld localhost:9092',
  })
  .refine((c) => c.REGIE_BUS !== 'kafka' || c.REGIE_BUS_KEYS, {
    path: ['REGIE_BUS_KEYS'],
    error:
      'REGIE_BUS=kafka heeft REGIE_BUS_KEYS nodig: de sleutel waarmee de processen hun berichten ondertekenen, in elk proces dezelfde, bijvoorbeeld k1:$(openssl rand -base64 32)',
  })
  .refine(
    (c) =>
      !c.REGIE_BUS_KEYS ||
      !c.REGIE_BUS_SIGNING_KID ||
      c.REGIE_BUS_KEYS.split(',').some((k) => k.trim().startsWith(`${c.REGIE_BUS_SIGNING_KID}:`)),
    {
      path: ['REGIE_BUS_SIGNING_KID'],
      error: 'de ondertekensleutel staat niet in REGIE_BUS_KEYS',
    },
  )
  .refine((c) => !c.REGIE_KAFKA_SASL_MECHANISM || (c.REGIE_KAFKA_USERNAME && c.REGIE_KAFKA_PASSWORD), {
    path: ['REGIE_KAFKA_USERNAME'],
    error: 'REGIE_KAFKA_SASL_MECHANISM heeft REGIE_KAFKA_USERNAME en REGIE_KAFKA_PASSWORD nodig',
  })
  .refine((c) => !c.REGIE_KAFKA_CERT_FILE === !c.REGIE_KAFKA_KEY_FILE, {
    path: ['REGIE_KAFKA_KEY_FILE'],
    error: 'een clientcertificaat heeft REGIE_KAFKA_CERT_FILE én REGIE_KAFKA_KEY_FILE nodig',
  })
  .refine((c) => c.REGIE_EVENT_STORE !== 'kurrentdb' || c.KURRENTDB_URL, {
    path: ['KURRENTDB_URL'],
    error: 'REGIE_EVENT_STORE=kurrentdb heeft KURRENTDB_URL nodig, bijvoorbeeld kurrentdb://localhost:2113?tls=false',
  })
  .refine((c) => [0, CONTEXT_NAMES.length].includes(hostedContexts(c)) || c.REGIE_BUS === 'kafka', {
    path: ['REGIE_SERVICES'],
    error: 'losse services praten met elkaar via Kafka: zet REGIE_BUS=kafka',
  })
  .refine((c) => hostedContexts(c) > 0 || c.REGIE_API_URL, {
    path: ['REGIE_API_URL'],
    error: 'een proces met alleen het portaal heeft de API van de services nodig: zet REGIE_API_URL, bijvoorbeeld http://regie-api:3000',
  });

function hostedContexts(c: { REGIE_SERVICES: string[] }): number {
  return c.REGIE_SERVICES.filter((name) => (CONTEXT_NAMES as string[]).includes(name)).length;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): PlatformConfig {
  // An empty variable (`DATABASE_URL=`) means "not set", as in most shells' configs.
  const result = checked.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
  throw new ConfigError(`Ongeldige configuratie:\n${lines.join('\n')}`);
}

export class ConfigError extends Error {}
