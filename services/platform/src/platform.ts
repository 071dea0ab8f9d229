import { INestApplication, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { cleanupOpenApiDoc } from 'nestjs-zod';
import { ActionsReadModelSync, WerkagendaSeeder, type SeedOutcome } from '@regie/actions';
import { openAdapters, type OpenAdapters } from './adapters';
import { PlatformModule } from './app.module';
import type { PlatformConfig } from './config';

export interface RunningPlatform {
  app: INestApplication;
  adapters: OpenAdapters;
  seeded?: SeedOutcome;
  url: string;
  close(): Promise<void>;
}

const LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug'];
export const logLevels = (config: PlatformConfig): LogLevel[] => LEVELS.slice(0, LEVELS.indexOf(config.REGIE_LOG_LEVEL) + 1);

/** Boots the whole platform in one process on the configured adapters. */
export async function startPlatform(config: PlatformConfig, log: (line: string) => void = console.log): Promise<RunningPlatform> {
  const adapters = await openAdapters(config, log);
  const app = await NestFactory.create(PlatformModule.forRoot(adapters, config.REGIE_SERVICES), { logger: logLevels(config) });
  const document = new DocumentBuilder()
    .setTitle('Regie API')
    .setDescription('Regie: de regiecyclus van de werkagenda "Een betekenisvol leven met een langdurige psychische aandoening"')
    .setVersion('1')
    .build();
  SwaggerModule.setup('api/docs', app, cleanupOpenApiDoc(SwaggerModule.createDocument(app, document)));
  // Seed and let the read model catch up before listening: once /health answers, reads are complete.
  await app.init();
  const hostsActions = config.REGIE_SERVICES.includes('actions');
  const seeded = config.REGIE_SEED && hostsActions ? await app.get(WerkagendaSeeder).seed() : undefined;
  if (hostsActions) await app.get(ActionsReadModelSync).caughtUpTo(await adapters.store.headPosition());
  await adapters.scheduler.start();
  await app.listen(config.PORT, '0.0.0.0');
  const port = (app.getHttpServer().address() as { port: number }).port;

  let closed = false;
  return {
    app,
    adapters,
    seeded,
    url: `http://localhost:${port}`,
    close: async () => {
      if (closed) return;
      closed = true;
      await app.close();
      await adapters.close();
    },
  };
}
