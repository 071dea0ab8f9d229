import { Pool } from 'pg';
import { type Clock, type IntegrationBus, InProcessBus, SystemClock } from '@regie/es-core';
import { PostgresEventStore } from '@regie/es-postgres';
import { type CoreAdapters } from '@regie/nest-kit';
import { ensureIdempotencyTable } from '@regie/nest-kit';
import type { PlatformConfig } from './config';
import { openDatabase, type PlatformDatabase } from './database';

export interface OpenAdapters extends CoreAdapters {
  store: PostgresEventStore;
  database: PlatformDatabase;
  clock: Clock;
  bus: IntegrationBus;
  close(): Promise<void>;
}

/** The adapters the configuration names, opened and checked; shared by the server and the CLI. */
export async function openAdapters(config: PlatformConfig, log: (line: string) => void): Promise<OpenAdapters> {
  const database = await openDatabase(config, log);
  const store = await PostgresEventStore.open({ connectionString: database.url });
  const pool = new Pool({ connectionString: database.url, max: 5 });
  pool.on('error', (error) => log(`database connection lost: ${error.message}`));
  await ensureIdempotencyTable(pool);
  const bus = new InProcessBus();
  const clock = SystemClock.fromEnv(config.REGIE_NOW);
  return {
    database, store, pool, bus, clock, databaseUrl: database.url,
    close: async () => {
      await bus.close();
      await store.close();
      await pool.end();
      await database.release();
    },
  };
}
