import { type DynamicModule, RequestMethod } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
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

/**
 * Nest's logging through `logger` (use `app.useLogger(app.get(Logger))` from nestjs-pino): one line
 * per answered request with its correlation id, method, path, status, duration and actor (user id
 * and role: never a name, never a header, never the query string, which may hold search terms),
 * and the correlation id on every line written while handling it (and the trace id, with traces on). /health is not logged: probes ask
 * it every few seconds.
 */
export function loggingModule(logger: Logger): DynamicModule {
  return LoggerModule.forRoot({
    exclude: UNLOGGED,
    pinoHttp: {
      logger,
      genReqId: (req) => requestIdsOf(req).correlationId,
      customAttributeKeys: { reqId: 'correlationId' },
      quietReqLogger: true,
      customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : 'info'),
      customSuccessMessage: (req, res) => `${req.method} ${pathOf(req)} ${res.statusCode}`,
      customErrorMessage: (req, res) => `${req.method} ${pathOf(req)} ${res.statusCode}`,
      customProps: (req, res) => {
        const { commandContext, traceId } = req as LoggedRequest;
        const actor = commandContext?.actor;
        // The trace id (traces on): the way from a log line to the request's trace in Zipkin. Asked at the
        // start (the request's logger, so every line carries it) and again at the end: named once.
        const trace = traceId && !res.writableEnded ? { traceId } : {};
        return { ...(actor ? { actor: { userId: actor.userId, role: actor.role } } : {}), ...trace };
      },
      serializers: {
        req: (req: { method: string; raw: LoggedRequest }) => ({ method: req.method, path: pathOf(req.raw) }),
        res: (res: { statusCode: number }) => ({ status: res.statusCode }),
      },
    },
  });
}

/** /health, /health/live and /health/ready: the probes. */
const UNLOGGED = [
  { path: 'health', method: RequestMethod.ALL },
  { path: 'health/*path', method: RequestMethod.ALL },
];

/** The path without the query string. */
const pathOf = (req: IncomingMessage & { originalUrl?: string }): string => (req.originalUrl ?? req.url ?? '').split('?')[0];
