import { INestApplication, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { cleanupOpenApiDoc } from 'nestjs-zod';
import { Pool } from 'pg';
import { EventStore, InProcessBus, SystemClock } from '@regie/es-core';
import { PostgresEventStore } from '@regie/es-postgres';
import { WerkagendaSeeder, type SeedOutcome } from '@regie/actions';
import { ensureIdempotencyTable } from '@regie/nest-kit';
import type { PlatformConfig } from './config';
import { openDatabase, type PlatformDatabase } from './database';
import { PlatformModule } from './app.module';

export interface RunningPlatform {
  app: INestApplication;
  store: EventStore;
  database: PlatformDatabase;
  seeded?: SeedOutcome;
  url: string;
  close(): Promise<void>;
}

const LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug'];

/** Boots the whole platform in one process on the configured adapters. */
export async function startPlatform(config: PlatformConfig, log: (line: string) => void = console.log): Promise<RunningPlatform> {
  const database = await openDatabase(config, log);
  const store = await PostgresEventStore.open({ connectionString: database.url });
  const pool = new Pool({ connectionString: database.url, max: 5 });
  pool.on('error', (error) => console.warn(`[platform] database connection lost: ${error.message}`));
  await ensureIdempotencyTable(pool);
  const bus = new InProcessBus();
  const clock = SystemClock.fromEnv(config.REGIE_NOW);

  const app = await NestFactory.create(PlatformModule.forRoot({ clock, store, bus, pool, databaseUrl: database.url }), {
    logger: LEVELS.slice(0, LEVELS.indexOf(config.REGIE_LOG_LEVEL) + 1),
  });
  app.enableShutdownHooks();
  const document = new DocumentBuilder()
    .setTitle('Regie API')
    .setDescription('Regie: de regiecyclus van de werkagenda "Een betekenisvol leven met een langdurige psychische aandoening"')
    .setVersion('1')
    .build();
  SwaggerModule.setup('api/docs', app, cleanupOpenApiDoc(SwaggerModule.createDocument(app, document)));
  await app.listen(config.PORT, '0.0.0.0');
  const port = (app.getHttpServer().address() as { port: number }).port;
  const seeded = config.REGIE_SEED ? await app.get(WerkagendaSeeder).seed() : undefined;

  let closed = false;
  return {
    app,
    store,
    database,
    seeded,
    url: `http://localhost:${port}`,
    close: async () => {
      if (closed) return;
      closed = true;
      await app.close();
      await bus.close();
      await store.close();
      await pool.end();
      await database.release();
    },
  };
}
