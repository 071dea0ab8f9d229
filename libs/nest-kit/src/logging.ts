import { type DynamicModule, Global, Inject, type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import { type Store, storage } from 'nestjs-pino/storage';
import pino, { type DestinationStream, type Logger } from 'pino';
import pretty from 'pino-pretty';
import type { CommandContext } from '@regie/es-core';
import { requestIdsOf } from './request-context';

export type LogFormat = 'json' | 'pretty';
/** The platform's levels, as REGIE_LOG_LEVEL names them (Nest's names). */
export type LogLevelName = 'error' | 'warn' | 'log' | 'debug';

const PINO_LEVELS = { error: 'error', warn: 'warn', log: 'info', debug: 'debug' } as const satisfies Record<LogLevelName, pino.Level>;

/**
 * The process's one logger: JSON lines for a log collector, or pino-pretty's readable lines for a
 * person at a terminal. Written asynchronously (a blocking write per request cost more than the rest
 * of a small read: docs/performance.md, part 10): lines queue while a write is under way and go out
 * together. None is lost at a `process.exit`: pino and pino-pretty flush their destination
 * synchronously at the process's exit.
 */
export function createLogger(options: { format: LogFormat; level: LogLevelName }, destination?: DestinationStream): Logger {
  const level = PINO_LEVELS[options.level];
  const base = { level, base: undefined, timestamp: pino.stdTimeFunctions.isoTime };
  if (destination) return pino(base, destination);
  if (options.format === 'json') return pino(base, pino.destination({ dest: 1, sync: false }));
  return pino(
    base,
    pretty({ sync: false, translateTime: 'SYS:HH:MM:ss.l', ignore: 'context', messageFormat: '{if context}[{context}] {end}{msg}' }),
  );
}

type LoggedRequest = IncomingMessage & { originalUrl?: string; commandContext?: CommandContext; traceId?: string };

const REQUEST_LOGGER = Symbol('REQUEST_LOGGER');

/**
 * Nest's logging through `logger` (use `app.useLogger(app.get(Logger))` from nestjs-pino): one line
 * per answered request with its correlation id, method, path, status, duration and actor (user id
 * and role: never a name, never a header, never the query string, which may hold search terms),
 * and the correlation id on every line written while handling it (and the trace id, with traces
 * on). /health is not logged: probes ask it every few seconds.
 */
export function loggingModule(logger: Logger): DynamicModule {
  return {
    module: RequestLogModule,
    // nestjs-pino for Nest's own lines; the request's logger comes from the middleware below.
    imports: [LoggerModule.forRoot({ pinoHttp: { logger }, useExisting: true, forRoutes: [] })],
    providers: [{ provide: REQUEST_LOGGER, useValue: logger }],
  };
}

/** Global, as nestjs-pino's module is: Nest mounts global modules' middleware first, so every answer is logged. */
@Global()
@Module({})
class RequestLogModule implements NestModule {
  constructor(@Inject(REQUEST_LOGGER) private readonly logger: Logger) {}

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(requestLog(this.logger)).forRoutes('{*path}'); // also '/' itself
  }
}

/**
 * Logs each answered request in one line and gives the lines written while handling it the
 * request's correlation id (nestjs-pino's Logger writes through the logger of the active store).
 * This is what pino-http did, without what cost the most per request: a child logger made for
 * every request (made here only when a line is written during it, which most requests do not),
 * serializer wrappers around the request and answer, and three listeners.
 */
function requestLog(logger: Logger) {
  return (req: LoggedRequest, res: ServerResponse, next: () => void): void => {
    const path = pathOf(req);
    if (path === '/health' || path.startsWith('/health/')) return next(); // the probes
    const started = performance.now();
    const { correlationId } = requestIdsOf(req);
    const bindings: Record<string, string> = { correlationId };
    if (req.traceId) bindings.traceId = req.traceId;
    res.once('close', () => {
      const actor = req.commandContext?.actor;
      const line = {
        ...bindings,
        req: { method: req.method, path },
        res: { status: res.statusCode },
        responseTime: Math.round(performance.now() - started),
        ...(actor ? { actor: { userId: actor.userId, role: actor.role } } : {}),
      };
      if (!res.writableFinished) logger.warn(line, `${req.method} ${path}: de verbinding werd gesloten voor het antwoord verstuurd was`);
      else if (res.statusCode >= 500) logger.error(line, `${req.method} ${path} ${res.statusCode}`);
      else logger.info(line, `${req.method} ${path} ${res.statusCode}`);
    });
    storage.run(new RequestStore(logger, bindings), next);
  };
}

/** nestjs-pino's store of a request, whose child logger is made when a line is first written. */
class RequestStore implements Store {
  #child?: Logger;

  constructor(
    private readonly root: Logger,
    private readonly bindings: Record<string, string>,
  ) {}

  get logger(): Logger {
    return (this.#child ??= this.root.child(this.bindings));
  }

  /** PinoLogger.assign: a child of this one with more fields. */
  set logger(logger: Logger) {
    this.#child = logger;
  }
}

/** The path without the query string. */
const pathOf = (req: IncomingMessage & { originalUrl?: string }): string => (req.originalUrl ?? req.url ?? '').split('?')[0];
