import {
  CallHandler,
  ConflictException,
  ExecutionContext,
  Inject,
  Injectable,
  NestInterceptor,
  RequestMethod,
  UseInterceptors,
} from '@nestjs/common';
import { METHOD_METADATA } from '@nestjs/common/constants';
import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';
import type { Pool } from 'pg';
import { from, lastValueFrom, Observable } from 'rxjs';
import type { Principal } from './auth/principal';
import { WRITES } from './request-context';
import { PLATFORM_POOL } from './tokens';

/** How long a repeat waits for the first request with its key before answering 409. */
const IN_PROGRESS_WAIT_MS = 10_000;

/**
 * `Idempotency-Key` on a write: the first request with a key runs and its response is kept;
 * a repeat returns that response and records nothing new. A failed request frees its key.
 * A key reused for a different request (method, path or body) is refused with 409. A repeat that
 * arrives while the first is still running (a double click) waits for it and gets its answer.
 * Keys are per caller. On the writes of a controller marked `@IdempotentWrites()`.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(@Inject(PLATFORM_POOL) private readonly pool: Pool) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<Request>();
    const key = req.headers['idempotency-key'];
    if (!WRITES.has(req.method) || typeof key !== 'string' || key === '') return next.handle();
    // Keys are the caller's own (the guard has identified the caller by now): another user's
    // request with the same key neither gets this answer nor is refused as a reuse.
    const caller = (req as Request & { principal?: Principal }).principal?.username ?? '';
    return from(this.once(`${caller} ${key}`, req, context.switchToHttp().getResponse<Response>(), next));
  }

  private async once(key: string, req: Request, res: Response, next: CallHandler): Promise<unknown> {
    const fingerprint = createHash('sha256')
      .update(`${req.method} ${req.originalUrl} ${JSON.stringify(req.body ?? null)}`)
      .digest('hex');
    // A claim left by a process that died mid-request (no response after a minute) is taken
    // over: the command itself is idempotent by key (handleCommand), so running it again is safe.
    const claimed = await this.pool.query(
      `INSERT INTO platform.idempotency_keys (key, fingerprint) VALUES ($1, $2)
       ON CONFLICT (key) DO UPDATE SET created_at = now()
         WHERE platform.idempotency_keys.status IS NULL AND platform.idempotency_keys.fingerprint = $2
           AND platform.idempotency_keys.created_at < now() - interval '1 minute'
       RETURNING key`,
      [key, fingerprint],
    );
    if (claimed.rowCount === 0) return this.replay(key, fingerprint, req, res, next);
    try {
      const body = await lastValueFrom(next.handle(), { defaultValue: undefined });
      await this.pool.query(`UPDATE platform.idempotency_keys SET status = $2, body = $3, etag = $4 WHERE key = $1`, [
        key,
        res.statusCode,
        JSON.stringify(body ?? null),
        res.getHeader('ETag') ?? null,
      ]);
      return body;
    } catch (error) {
      // Free the key: a retry runs the command again, and events it already stored are found by key.
      await this.pool.query(`DELETE FROM platform.idempotency_keys WHERE key = $1`, [key]);
      throw error;
    }
  }

  private async replay(key: string, fingerprint: string, req: Request, res: Response, next: CallHandler): Promise<unknown> {
    let stored: { fingerprint: string; status: number | null; body: unknown; etag: string | null } | undefined;
    for (const deadline = Date.now() + IN_PROGRESS_WAIT_MS; ; await new Promise((r) => setTimeout(r, 50))) {
      stored = (await this.pool.query(`SELECT * FROM platform.idempotency_keys WHERE key = $1`, [key])).rows[0];
      // The first attempt failed and freed the key: this one runs the command itself.
      if (!stored) return this.once(key, req, res, next);
      if (stored.fingerprint !== fingerprint) throw new ConflictException('Deze Idempotency-Key is al gebruikt voor een ander verzoek.');
      if (stored.status !== null) break;
      if (Date.now() > deadline) throw new ConflictException('Een verzoek met deze Idempotency-Key is nog bezig; probeer het zo opnieuw.');
    }
    res.status(stored.status);
    if (stored.etag) res.setHeader('ETag', stored.etag);
    res.setHeader('Idempotent-Replayed', 'true');
    return stored.body;
  }
}

const WRITE_METHODS = new Set([RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE]);

/**
 * On an API controller: each of its writes (POST, PUT, PATCH, DELETE) honours `Idempotency-Key`
 * (IdempotencyInterceptor); its reads pass through no interceptor. Not a global interceptor: Nest
 * puts rxjs `defer`s, `AsyncResource`s and a `ReplaySubject` on every request of a route with an
 * interceptor, which cost a read more than the read itself (express-server.ts). A class decorator
 * runs after the decorators of its methods, so it sees their HTTP methods. A platform test holds
 * every API controller with writes to it.
 */
export const IdempotentWrites = (): ClassDecorator => (controller) => {
  const prototype = controller.prototype as Record<string, unknown>;
  for (const name of Object.getOwnPropertyNames(prototype)) {
    const descriptor = Object.getOwnPropertyDescriptor(prototype, name);
    const method: RequestMethod | undefined = descriptor && Reflect.getMetadata(METHOD_METADATA, descriptor.value as object);
    if (method !== undefined && WRITE_METHODS.has(method)) UseInterceptors(IdempotencyInterceptor)(prototype, name, descriptor!);
  }
};

export async function ensureIdempotencyTable(pool: Pool): Promise<void> {
  await pool.query(`
    CREATE SCHEMA IF NOT EXISTS platform;
    CREATE TABLE IF NOT EXISTS platform.idempotency_keys (
      key         text PRIMARY KEY,
      fingerprint text NOT NULL,
      status      integer,
      body        jsonb,
      etag        text,
      created_at  timestamptz NOT NULL DEFAULT now()
    );`);
}
