import { Injectable, SetMetadata } from '@nestjs/common';
import { isWerkagendaId, splitActionKey } from '@regie/es-core';

/**
 * Where a route finds the werkagenda it acts in, so that its rules count only the caller's grants
 * in that werkagenda (a coordinator of one werkagenda is refused in another):
 * - `{ param: 'code', kind: 'action' }`: a route parameter, looked up by kind (see WerkagendaLookups);
 * - `{ body: 'werkagendaId' }` / `{ query: 'werkagendaId' }`: the werkagenda named in the request.
 * The first source that yields a werkagenda wins. A value that cannot be a werkagenda id yields none:
 * the route's validation then refuses it with 400 naming the field (it records nothing either way). A body or query field the request may leave out
 * names its `fallback`: the werkagenda the handler then acts in (so the check is made there too).
 */
export type ScopeSource = { param: string; kind: string } | { body: string; fallback?: string } | { query: string; fallback?: string };

export const SCOPE_METADATA = 'regie:werkagenda-scope';
export const UNSCOPED = 'unscoped';

/** The werkagenda this route acts in (see ScopeSource). */
export const ScopedBy = (...sources: ScopeSource[]) => SetMetadata(SCOPE_METADATA, sources);

/**
 * A write that belongs to no single werkagenda (logout, a calendar token, creating a werkagenda):
 * its rules count the caller's grants in every werkagenda. Every write route is either scoped or
 * says this (a test walks the routes), so a forgotten scope cannot silently widen a right.
 */
export const Unscoped = () => SetMetadata(SCOPE_METADATA, UNSCOPED);

type Lookup = (id: string) => Promise<string | undefined>;

/**
 * How each kind of identifier leads to its werkagenda. Actions carry it in their key and a
 * werkagenda is its own; each context registers the kinds it owns (a meeting, a series, an
 * indicator) at start. An identifier that is not found yields no werkagenda: the handler answers 404.
 */
@Injectable()
export class WerkagendaLookups {
  private readonly lookups = new Map<string, Lookup>([
    ['action', async (key) => splitActionKey(key).werkagendaId],
    ['werkagenda', async (id) => id],
  ]);

  register(kind: string, lookup: Lookup): void {
    this.lookups.set(kind, lookup);
  }

  async resolve(kind: string, id: string): Promise<string | undefined> {
    const lookup = this.lookups.get(kind);
    if (!lookup) throw new Error(`no werkagenda lookup for kind "${kind}"`);
    return lookup(id);
  }

  /** The werkagenda of a request by its route's sources. */
  async ofRequest(
    sources: ScopeSource[],
    req: { params?: Record<string, unknown>; body?: unknown; query?: Record<string, unknown> },
  ): Promise<string | undefined> {
    for (const source of sources) {
      if ('param' in source) {
        const id = req.params?.[source.param];
        if (typeof id === 'string' && id.length > 0) {
          const found = await this.resolve(source.kind, id);
          if (found) return found;
        }
      } else if ('body' in source) {
        const body = req.body as Record<string, unknown> | undefined;
        const id = body && typeof body === 'object' ? body[source.body] : undefined;
        if (id === undefined && source.fallback) return source.fallback;
        if (typeof id === 'string' && isWerkagendaId(id)) return id;
      } else {
        const id = req.query?.[source.query];
        if (id === undefined && source.fallback) return source.fallback;
        if (typeof id === 'string' && isWerkagendaId(id)) return id;
      }
    }
    return undefined;
  }
}
