export { CoreModule, type CoreAdapters } from './core.module';
export { ProblemDetailsFilter, problemOf, validationProblem, type Problem } from './problem-details.filter';
export { Ctx, RequestContextMiddleware } from './request-context';
export { IdempotencyInterceptor, ensureIdempotencyTable } from './idempotency.interceptor';
export { PLATFORM_POOL, DATABASE_URL, MESSAGE_SOURCES } from './tokens';
export { withRevision } from './respond';
export { asOfParam, zodParam } from './param.pipe';
export * from './auth';
export { UnsealInterceptor, KeepSealed } from './unseal.interceptor';
