import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import { WerkagendaSeeder } from '@regie/actions';
import { CommitmentsSeeder, TK_IMPORT_BODY } from '@regie/commitments';
import { ReadModel } from '@regie/context';
import { MonitoringSeeder } from '@regie/monitoring';
import { holdLooksPerRequest } from '@regie/read-model';
import { PeopleModule } from './people/people.module';
import { PeopleSeeder } from './people/people.seed';
import { configureHttp, createLogger, ExpressServerAdapter, httpTracing, observedBus, startTracing, tracedStore } from '@regie/nest-kit';
import { Logger as PinoNestLogger } from 'nestjs-pino';
import type { Logger } from 'pino';
import { openAdapters, type OpenAdapters } from './adapters';
import { PlatformModule } from './app.module';
import type { PlatformConfig } from './config';
import { meteredScheduler } from './metrics/metered-scheduler';
import { meteredStore } from './metrics/metered-store';
import { PlatformMetrics } from './metrics/platform-metrics';
import { openApiDocument } from './openapi';
import { readModels } from './read-models';
import { SERVICE_MODULES, type ServiceName } from './services';

export interface RunningPlatform {
  app: INestApplication;
  adapters: OpenAdapters;
  seeded?: { commands: number };
  url: string;
  close(): Promise<void>;
}

/** The process's logger as the configuration asks for it. */
export const platformLogger = (config: PlatformConfig): Logger =>
  createLogger({ format: config.REGIE_LOG_FORMAT, level: config.REGIE_LOG_LEVEL });

/**
 * Boots the whole platform in one process on the configured adapters. `log` takes the adapters'
 * notices (a database adopted, the local accounts' password); Nest and every request log through
 * `logger`.
 */
export async function startPlatform(
  config: PlatformConfig,
  log: (line: string) => void,
  logger: Logger = platformLogger(config),
): Promise<RunningPlatform> {
  const metrics = new PlatformMetrics({ processMetrics: true });
  // Off (OTEL_TRACES_EXPORTER unset or none): no provider, no traced store, no HTTP span; see docs/operations.md.
  const tracing = startTracing({
    exporter: config.OTEL_TRACES_EXPORTER,
    serviceName: config.OTEL_SERVICE_NAME,
    zipkinEndpoint: config.OTEL_EXPORTER_ZIPKIN_ENDPOINT,
  });
  const opened = await openAdapters(config, log).catch(async (error) => {
    await tracing?.shutdown();
    throw error;
  });
  const metered = meteredStore(opened.store, metrics);
  const adapters = {
    ...opened,
    store: tracing ? tracedStore(metered) : metered,
    scheduler: meteredScheduler(opened.scheduler, metrics),
    // Lines logged while a consumed message is handled name its correlation id and event id.
    bus: observedBus(opened.bus, { traced: Boolean(tracing), logger }),
  };
  const app = await NestFactory.create<NestExpressApplication>(
    PlatformModule.forRoot({ ...adapters, metrics }, config.REGIE_SERVICES, {
      logger,
      readiness: { maxLag: config.REGIE_READY_MAX_LAG },
    }),
    new ExpressServerAdapter(),
    {
      bufferLogs: true, // until the pino logger below takes over
      bodyParser: false, // configureHttp reads bodies, with a limit per route
    },
  );
  app.useLogger(app.get(PinoNestLogger));
  if (tracing) app.use(httpTracing());
  app.use(metrics.httpMiddleware());
  // A `?asOf` look stays as it is until the request reading it has answered (then a later look may bring it forward).
  app.use(holdLooksPerRequest);
  configureHttp(app, { trustProxy: config.REGIE_TRUST_PROXY, largeBodies: [TK_IMPORT_BODY] });
  SwaggerModule.setup('api/docs', app, openApiDocument(app));
  // Seed and let the read model catch up before listening: once /health answers, reads are complete.
  await app.init();
  const seeded = config.REGIE_SEED ? await seed(app, config) : undefined;
  const head = await adapters.store.headPosition();
  for (const service of ['actions', 'commitments', 'monitoring'] as const) {
    if (hosts(config, service)) await app.select(SERVICE_MODULES[service]).get(ReadModel, { strict: true }).caughtUpTo(head);
  }
  await app.select(PeopleModule).get(ReadModel, { strict: true }).caughtUpTo(head);
  metrics.observe({
    store: adapters.store,
    pool: adapters.pool,
    scheduler: adapters.scheduler,
    bus: adapters.bus,
    readModels: readModels(adapters.databaseUrl).filter((model) => config.REGIE_SERVICES.some((service) => service === model.name)),
  });
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
      await tracing?.shutdown(); // the spans still buffered go out
    },
  };
}

const hosts = (config: PlatformConfig, service: ServiceName) => config.REGIE_SERVICES.includes(service);

/** The seed documents' history, through each hosted service's commands; idempotent. */
async function seed(app: INestApplication, config: PlatformConfig): Promise<{ commands: number }> {
  let commands = 0;
  if (hosts(config, 'actions')) commands += (await app.get(WerkagendaSeeder).seed()).commands;
  if (hosts(config, 'commitments')) commands += (await app.get(CommitmentsSeeder).seed()).commands;
  if (hosts(config, 'monitoring')) commands += (await app.get(MonitoringSeeder).seed()).commands;
  commands += (await app.get(PeopleSeeder).seed()).commands;
  return { commands };
}
