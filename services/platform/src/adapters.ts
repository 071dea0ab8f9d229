import { Pool } from 'pg';
import {
  type Clock,
  type IntegrationBus,
  InProcessBus,
  InProcessScheduler,
  type JobScheduler,
  type PersonalDataVault,
  SystemClock,
} from '@regie/es-core';
import { BullMqScheduler } from '@regie/scheduler-bullmq';
import { KafkaBus, type KafkaBusOptions, PlatformaticKafkaBus } from '@regie/bus-kafka';
import { Logger } from '@nestjs/common';
import { EventStore, Upcasters, UpcastingEventStore } from '@regie/es-core';
import { ACTIONS_UPCASTERS, WERKAGENDA_ACTION_CODES } from '@regie/actions';
import { COMMITMENT_UPCASTERS } from '@regie/commitments';
import { MEETING_UPCASTERS } from '@regie/meetings';
import { MESSAGE_SOURCES } from './read-models';
import { KurrentDbEventStore } from '@regie/es-kurrentdb';
import { PostgresEventStore, PostgresPersonalDataVault } from '@regie/es-postgres';
import {
  type CoreAdapters,
  ensureIdempotencyTable,
  LocalAccounts,
  LoginThrottle,
  OidcVerifier,
  RevocableVerifier,
  RevocationList,
} from '@regie/nest-kit';
import { Accounts } from './accounts/accounts';
import { ACCOUNT_UPCASTERS } from './accounts/account.upcasters';
import { recordLockout } from './auth/login-lockout';
import { chainKeyOf } from './chain-key';
import { kafkaSettingsOf } from './kafka-settings';
import type { PlatformConfig } from './config';
import { type DatabaseUser, openDatabase, type PlatformDatabase } from './database';

export interface OpenAdapters extends CoreAdapters {
  store: EventStore;
  database: PlatformDatabase;
  clock: Clock;
  bus: IntegrationBus;
  scheduler: JobScheduler;
  vault: PersonalDataVault;
  /** The embedded default's accounts (login); absent when an OIDC provider issues the tokens. */
  localAccounts?: LocalAccounts;
  /** The local accounts' streams and their table, for the accounts API; with the local accounts only. */
  accounts?: Accounts;
  /** Attempts of the local login, counted for every process of the platform; with the local accounts only. */
  loginThrottle?: LoginThrottle;
  /** Logged-out tokens, refused by every process of the platform. */
  revocations: RevocationList;
  close(): Promise<void>;
}

const ALL_UPCASTERS = [...ACTIONS_UPCASTERS, ...COMMITMENT_UPCASTERS, ...MEETING_UPCASTERS, ...ACCOUNT_UPCASTERS];

/** Every upcaster the platform reads with: also for the audit log, which reads the PostgreSQL store underneath. */
export const PLATFORM_UPCASTERS = new Upcasters(ALL_UPCASTERS);

/** The PostgreSQL store underneath, for PostgreSQL-only tools (chain verification, audit log). */
export const postgresStoreOf = (store: EventStore): PostgresEventStore | undefined => {
  const inner = store instanceof UpcastingEventStore ? store.unwrapped : store;
  return inner instanceof PostgresEventStore ? inner : undefined;
};

/** The Kafka client's own lines, through the application's logger once Nest runs. */
const kafkaLogger = new Logger('kafka');

/** The adapters the configuration names, opened and checked; shared by the server and the CLI. */
export async function openAdapters(
  config: PlatformConfig,
  log: (line: string) => void,
  user: DatabaseUser = 'server',
): Promise<OpenAdapters> {
  const database = await openDatabase(config, log, user);
  const adapter: EventStore =
    config.REGIE_EVENT_STORE === 'kurrentdb' && config.KURRENTDB_URL
      ? await KurrentDbEventStore.open({ connectionString: config.KURRENTDB_URL })
      : await PostgresEventStore.open({ connectionString: database.url, chainKey: chainKeyOf(config, log) });
  // Old event versions are read through the services' upcasters; history is never rewritten.
  const store = new UpcastingEventStore(adapter, PLATFORM_UPCASTERS);
  const pool = new Pool({ connectionString: database.url, max: 5 });
  let closing = false;
  pool.on('error', (error) => closing || log(`database connection lost: ${error.message}`));
  await ensureIdempotencyTable(pool);
  // Keys of personal data, in the platform's PostgreSQL whatever the event store: shared by every service process.
  const vault = await PostgresPersonalDataVault.open({
    connectionString: database.url,
    masterKey: config.REGIE_MASTER_KEY ? Buffer.from(config.REGIE_MASTER_KEY, 'base64') : undefined,
    log,
  });
  const localAccounts =
    config.REGIE_AUTH === 'local'
      ? await LocalAccounts.open(pool, {
          password: config.REGIE_LOCAL_PASSWORD,
          tokenLifetimeSeconds: config.REGIE_TOKEN_LIFETIME_SECONDS,
          // As safe as the personal data's keys: in the database only when the master key is too.
          sealingKey: vault.derivedKey('jwt signing keys'),
          log,
          // An account linked to a person is named by the person's name (opened per request, so a forgotten one is not).
          vault,
          // Each account's principal is read once and remembered until its rows change (LISTEN/NOTIFY).
          rememberPrincipals: true,
        })
      : undefined;
  const clock = SystemClock.fromEnv(config.REGIE_NOW);
  // The local accounts as data (event streams, projected into auth.accounts), seeded on a fresh start;
  // by the server only: a tool (CLI) reads the table but neither projects nor seeds.
  const accounts =
    localAccounts && user === 'server'
      ? await Accounts.open({ store, pool, databaseUrl: database.url, clock, log, settled: () => localAccounts.settled() })
      : undefined;
  await accounts?.seed(WERKAGENDA_ACTION_CODES);
  const loginThrottle = localAccounts
    ? await LoginThrottle.open(pool, {
        maxFailures: config.REGIE_LOGIN_MAX_FAILURES,
        lockoutSeconds: config.REGIE_LOGIN_LOCKOUT_SECONDS,
        onLockout: recordLockout(store, clock, (account) => localAccounts.exists(account)),
      })
    : undefined;
  const revocations = await RevocationList.open(pool);
  const verifier =
    localAccounts ??
    new OidcVerifier({
      issuer: config.REGIE_OIDC_ISSUER ?? '',
      jwksUrl: config.REGIE_OIDC_JWKS_URL ?? '',
      audience: config.REGIE_OIDC_AUDIENCE,
      claims: { roles: config.REGIE_OIDC_ROLES_CLAIM, actions: config.REGIE_OIDC_ACTIONS_CLAIM, grants: config.REGIE_OIDC_GRANTS_CLAIM },
    });
  const auth = new RevocableVerifier(verifier, revocations);
  const kafka = (brokers: string): KafkaBusOptions => ({
    brokers: brokers.split(','),
    clientId: `regie-${config.REGIE_SERVICES.join('-')}`,
    partitions: config.KAFKA_PARTITIONS,
    namespace: config.KAFKA_NAMESPACE,
    ...kafkaSettingsOf(config),
    onDeadLetter: (topic, error) => log(`message from ${topic} sent to ${topic}.dlq: ${error}`),
    onConsumerRestart: (group, error) =>
      log(`Kafka consumer ${group} stopped (${error instanceof Error ? error.message : String(error)}); starting it again`),
    log: (level, message) => (level === 'info' ? kafkaLogger.log(message) : kafkaLogger[level](message)),
  });
  const bus: IntegrationBus =
    config.REGIE_BUS === 'kafka' && config.KAFKA_BROKERS
      ? config.REGIE_KAFKA_CLIENT === 'platformatic'
        ? new PlatformaticKafkaBus(kafka(config.KAFKA_BROKERS))
        : new KafkaBus(kafka(config.KAFKA_BROKERS))
      : new InProcessBus(store, { baseMs: 1000, maxMs: 30_000 }, (group, error) =>
          log(`consumer ${group} interrupted, retrying: ${String(error)}`),
        );
  const onJobError = (job: { name: string; key: string }, error: unknown) =>
    log(`job ${job.name} ${job.key} failed, will retry: ${String(error)}`);
  const scheduler: JobScheduler =
    config.REGIE_SCHEDULER === 'bullmq' && config.REDIS_URL
      ? new BullMqScheduler({ redisUrl: config.REDIS_URL, queue: 'regie-jobs', clock, onError: onJobError })
      : new InProcessScheduler(clock, 1000, onJobError);
  return {
    database,
    store,
    pool,
    bus,
    clock,
    scheduler,
    vault,
    auth,
    localAccounts,
    accounts,
    loginThrottle,
    revocations,
    databaseUrl: database.url,
    messageSources: MESSAGE_SOURCES,
    timeTravelKeepUp: keepUpOf(config.REGIE_TIME_TRAVEL_KEEP_UP_MINUTES),
    close: async () => {
      closing = true;
      await scheduler.stop();
      await accounts?.close();
      await bus.close();
      await store.close();
      await vault.close();
      await localAccounts?.close();
      await pool.end();
      await database.release();
    },
  };
}

/** REGIE_TIME_TRAVEL_KEEP_UP_MINUTES as the read models' schedule: first after 2 minutes (or the interval, if shorter). */
const keepUpOf = (minutes: number) =>
  minutes > 0 ? { firstAfterMs: Math.min(2, minutes) * 60_000, everyMs: minutes * 60_000 } : (false as const);
