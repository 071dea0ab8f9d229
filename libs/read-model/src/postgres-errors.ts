/** PostgreSQL's SQLSTATE of an error from pg or TypeORM (which wraps it as driverError), if any. */
export function sqlState(error: unknown): string | undefined {
  const e = error as { code?: unknown; driverError?: { code?: unknown } } | undefined;
  const code = e?.code ?? e?.driverError?.code;
  return typeof code === 'string' ? code : undefined;
}

export const LOCK_NOT_AVAILABLE = '55P03';
export const DEADLOCK = '40P01';

/**
 * Socket errors, connection failures (class 08), admin/crash shutdown and "cannot connect now"
 * (57P01–03), too many connections (53300), serialization failure and deadlock: the database,
 * not the message, is at fault.
 */
const TRANSIENT = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03', '53300', '40001', DEADLOCK]);

/**
 * True when the read-model database is unavailable or a transaction lost a race: trying the same
 * work again later can succeed. A consumer retries such errors without limit instead of
 * dead-lettering the message that met them.
 */
export function isTransientDatabaseError(error: unknown): boolean {
  const code = sqlState(error);
  if (code !== undefined && (TRANSIENT.has(code) || code.startsWith('08'))) return true;
  const message = (error as { message?: unknown } | undefined)?.message;
  return typeof message === 'string' && /Connection terminated|connection timeout/i.test(message);
}
