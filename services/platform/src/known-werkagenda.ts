import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { EventStore, InvalidInput, isWerkagendaId, NotFound } from '@regie/es-core';
import { SCOPE_METADATA, type ScopeSource } from '@regie/nest-kit';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** The actions context's stream of a werkagenda (services/actions/src/werkagenda/werkagenda.ts). */
const werkagendaStream = (id: string): string => 'werkagenda-' + id;

/**
 * A write that names its werkagenda in the request (`@ScopedBy({ body: 'werkagendaId' })`, or a
 * query field) acts only in a werkagenda that exists: a series, indicator or toezegging of a
 * werkagenda nobody established is refused with 404 and records nothing. The actions context owns
 * werkagenda's; the other contexts learn them only from their actions, so a werkagenda without
 * actions yet would be unknown to them. The platform asks the event store (the werkagenda's
 * stream), which knows a werkagenda the moment it is established. A read with `?werkagendaId=`
 * of a werkagenda never established answers 404 the same way. Only a process that hosts the
 * actions context checks (its store holds the werkagenda streams); a monitoring or meetings process
 * of its own, on a database of its own, leaves it to that one.
 *
 * The AuthGuard runs it once it let a request through (401/403 first: CoreAdapters.admission),
 * before validation; a value that cannot be a werkagenda id is left to validation (400). Not an
 * interceptor: a global interceptor puts Nest's rxjs machinery on every request (ExpressServerAdapter).
 */
@Injectable()
export class KnownWerkagendaGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly store: EventStore,
  ) {}

  /** True, or a refusal (404); synchronous when the request names no werkagenda to look up. */
  canActivate(context: ExecutionContext): true | Promise<true> {
    if (context.getType() !== 'http') return true;
    const req = context.switchToHttp().getRequest<Request>();
    if (!WRITES.has(req.method)) {
      // A read of a werkagenda nobody established answers 404, not an empty list that looks like a real one.
      const asked = (req.query as Record<string, unknown> | undefined)?.werkagendaId;
      return typeof asked === 'string' && isWerkagendaId(asked) ? this.established([asked]) : true;
    }
    const scope = this.reflector.getAllAndOverride<ScopeSource[] | string | undefined>(SCOPE_METADATA, [
      context.getHandler(),
      context.getClass(),
    ]);
    const named = Array.isArray(scope) ? namedWerkagendas(scope, req) : [];
    return this.established(named);
  }

  private established(ids: string[]): true | Promise<true> {
    return ids.every((id) => this.known.has(id)) ? true : this.lookUp(ids);
  }

  private async lookUp(ids: string[]): Promise<true> {
    for (const id of ids) if (!(await this.exists(id))) throw new NotFound(`werkagenda ${id} bestaat niet`);
    return true;
  }

  /** A werkagenda once established stays (archiving keeps it): the ones found are remembered, the others asked again. */
  private readonly known = new Set<string>();
  private async exists(id: string): Promise<boolean> {
    if (this.known.has(id)) return true;
    if (!(await werkagendaExists(this.store, id))) return false;
    if (this.known.size < 10_000) this.known.add(id);
    return true;
  }
}

/** The werkagenda ids a request names itself in its body or query fields (not a fallback, not a looked-up parameter). */
export function namedWerkagendas(sources: ScopeSource[], req: { body?: unknown; query?: unknown }): string[] {
  const ids: string[] = [];
  for (const source of sources) {
    const from = 'body' in source ? req.body : 'query' in source ? req.query : undefined;
    const field = 'body' in source ? source.body : 'query' in source ? source.query : undefined;
    if (field === undefined || !from || typeof from !== 'object') continue;
    const id = (from as Record<string, unknown>)[field];
    if (typeof id === 'string' && isWerkagendaId(id)) ids.push(id);
  }
  return [...new Set(ids)];
}

/** Whether a werkagenda was ever established (its stream in the actions context holds an event). */
export async function werkagendaExists(store: EventStore, id: string): Promise<boolean> {
  return (await store.readStream(werkagendaStream(id), { maxCount: 1 })).length > 0;
}

/**
 * Grants name werkagenda's that exist (or `*`, every werkagenda): a grant in a mistyped werkagenda
 * would give a right nowhere without anyone noticing. 400 naming the grant's field, records nothing.
 */
export async function refuseUnknownGrantWerkagendas(
  store: EventStore,
  grants: readonly { werkagendaId: string }[] | undefined,
): Promise<void> {
  for (const [i, grant] of (grants ?? []).entries()) {
    if (grant.werkagendaId === '*') continue;
    if (!isWerkagendaId(grant.werkagendaId) || !(await werkagendaExists(store, grant.werkagendaId)))
      throw new InvalidInput(
        `grants.${i}.werkagendaId`,
        `werkagenda ${grant.werkagendaId} bestaat niet; kies een bestaande werkagenda, of * voor alle`,
      );
  }
}
