import { createParamDecorator, ExecutionContext, Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { IncomingMessage } from 'node:http';
import { Clock, type CommandContext, InvalidInput, newId } from '@regie/es-core';

type WithContext = Request & { commandContext?: CommandContext };
type WithIds = IncomingMessage & { regieIds?: RequestIds };

export interface RequestIds {
  /** Made for this request: the causation id of what it records. */
  requestId: string;
  /** The caller's X-Correlation-Id, or this request's own id. */
  correlationId: string;
}

/**
 * The ids of a request, made once: the log middleware and the command context must name the same
 * correlation id whichever runs first.
 */
export function requestIdsOf(req: IncomingMessage): RequestIds {
  const withIds = req as WithIds;
  if (!withIds.regieIds) {
    const requestId = newId();
    withIds.regieIds = { requestId, correlationId: header(req, 'x-correlation-id') ?? requestId };
  }
  return withIds.regieIds;
}

/**
 * Builds the CommandContext of each request: actor, correlation and causation ids, the
 * clock's now, `If-Match` and `Idempotency-Key`. The actor is "anoniem" here; the AuthGuard
 * replaces it with the verified principal of the bearer token before any handler runs.
 */
@Injectable()
export class RequestContextMiddleware implements NestMiddleware {
  constructor(private readonly clock: Clock) {}

  use(req: WithContext, res: Response, next: NextFunction): void {
    const { requestId, correlationId } = requestIdsOf(req);
    res.setHeader('X-Correlation-Id', correlationId);
    // A write sent without a body (API.md lists several: start, achieve, publish, complete) is
    // an empty one, so its schema names what is missing instead of refusing "(body)".
    if (req.body === undefined && WRITES.has(req.method)) req.body = {};
    const ifMatch = header(req, 'if-match');
    req.commandContext = {
      actor: { userId: 'anoniem', role: 'geen' },
      correlationId,
      causationId: requestId,
      now: this.clock.now(),
      expectedRevision: ifMatch === undefined || ifMatch === '*' ? undefined : parseRevision(ifMatch), // *: any revision
      idempotencyKey: header(req, 'idempotency-key'),
    };
    next();
  }
}

/** The methods that may change something: the ones Idempotency-Key and an absent body apply to. */
export const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const header = (req: IncomingMessage, name: string): string | undefined => {
  const value = req.headers[name];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
};

const parseRevision = (value: string): number => {
  const revision = Number(value.replace(/^W\//, '').replace(/"/g, ''));
  if (!Number.isInteger(revision) || revision < 0)
    throw new InvalidInput('If-Match', 'If-Match moet een revisienummer zijn, bijvoorbeeld "3"');
  return revision;
};

/** `@Ctx() ctx: CommandContext` in a controller method. */
export const Ctx = createParamDecorator((_: unknown, host: ExecutionContext): CommandContext => {
  const req = host.switchToHttp().getRequest<WithContext>();
  if (!req.commandContext) throw new Error('RequestContextMiddleware is not installed');
  return req.commandContext;
});
