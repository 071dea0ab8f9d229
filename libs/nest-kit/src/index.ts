export { configureHttp, type HttpOptions } from './http-setup';
export { ExpressServerAdapter, type AnswerStep } from './express-server';
export { inProcessHttp, type InProcessAnswer, type InProcessRequest } from './in-process-http';
export { DEFAULT_BODY_LIMIT, type LargeBody } from './request-bodies';
export { CoreModule, type CoreAdapters } from './core.module';
export { ErrorPages } from './error-pages';
export { ProblemDetailsFilter, problemOf, problemSchema, validationProblem, type Problem } from './problem-details.filter';
export { jsonArrayAnswer } from './json-array-stream';
export { OneAtATimeUnless } from './one-at-a-time';
export { Changed, Created, Operation, type OperationSpec, type Refusal } from './openapi';
export { Ctx, RequestContextMiddleware, requestIdsOf } from './request-context';
export { IdempotencyInterceptor, IdempotentWrites, ensureIdempotencyTable } from './idempotency.interceptor';
export { PLATFORM_POOL, DATABASE_URL, MESSAGE_SOURCES, TIME_TRAVEL_KEEP_UP, type TimeTravelKeepUp } from './tokens';
export { withRevision } from './respond';
export { asOfParam, zodParam } from './param.pipe';
export * from './auth';
export { asStored, AsStored, openingPersonalData } from './open-answers';
export { ActorNames, roleText, ROLE_WORDS, SYSTEM_ACTORS, UNKNOWN_ACTOR, ACCOUNTS_TABLE, PEOPLE_TABLE } from './actor-names';
export { createLogger, loggingModule, type LogFormat, type LogLevelName } from './logging';
export {
  contextFrom,
  inSpan,
  startTracing,
  SpanKind,
  traceCarrierOf,
  tracer,
  TRACES_EXPORTERS,
  type RunningTracing,
  type SpanOptions,
  type TraceCarrier,
  type TracesExporter,
  type TracingSettings,
} from './tracing';
export { observedBus, tracedStore, traceIdOf, type ObservedBusOptions } from './observed-bus';
export { httpTracing } from './http-tracing';
