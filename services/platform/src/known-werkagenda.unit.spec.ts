import 'reflect-metadata';
import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { type EventStore, InvalidInput, NotFound } from '@regie/es-core';
import { ScopedBy, Unscoped } from '@regie/nest-kit';
import { KnownWerkagendaGuard, namedWerkagendas, refuseUnknownGrantWerkagendas } from './known-werkagenda';

class Routes {
  @ScopedBy({ body: 'werkagendaId' })
  series() {}
  @ScopedBy({ body: 'werkagendaId', fallback: 'betekenisvol-leven-2025-2028' })
  commitment() {}
  @ScopedBy({ param: 'id', kind: 'series' })
  change() {}
  @Unscoped()
  werkagenda() {}
}

/** The event store as far as the guard reads it: only the first werkagenda's stream exists. */
const store = {
  readStream: async (stream: string) => (stream === 'werkagenda-betekenisvol-leven-2025-2028' ? [{ type: 'WerkagendaEstablished' }] : []),
} as unknown as EventStore;

const request = (handler: keyof Routes, req: { method: string; body?: unknown; query?: unknown }) =>
  ({
    getType: () => 'http',
    getHandler: () => Routes.prototype[handler],
    getClass: () => Routes,
    switchToHttp: () => ({ getRequest: () => req }),
  }) as unknown as ExecutionContext;

const guard = new KnownWerkagendaGuard(new Reflector(), store);
/** What the guard says of a request: true (it goes on), or the refusal it throws. */
const admitted = async (ctx: ExecutionContext) => guard.canActivate(ctx);

describe('a write acts only in a werkagenda that was established', () => {
  it('refuses a series in a werkagenda nobody established: 404 naming it', async () => {
    const ctx = request('series', { method: 'POST', body: { werkagendaId: 'bestaat-niet' } });
    await expect(admitted(ctx)).rejects.toThrow(new NotFound('werkagenda bestaat-niet bestaat niet'));
  });

  it('lets a write in an established werkagenda through', async () => {
    const ctx = request('series', { method: 'POST', body: { werkagendaId: 'betekenisvol-leven-2025-2028' } });
    await expect(admitted(ctx)).resolves.toBe(true);
  });

  it('answers a read of a werkagenda nobody established with 404, and lets reads of known ones and without one through', async () => {
    await expect(admitted(request('series', { method: 'GET', query: { werkagendaId: 'bestaat-niet' } }))).rejects.toThrow(
      new NotFound('werkagenda bestaat-niet bestaat niet'),
    );
    for (const query of [{ werkagendaId: 'betekenisvol-leven-2025-2028' }, {}, { werkagendaId: 'Geen Id!' }])
      await expect(admitted(request('series', { method: 'GET', query }))).resolves.toBe(true);
  });

  it('leaves a left-out werkagenda (the fallback), a malformed one (400 by validation) and parameters alone', async () => {
    for (const ctx of [
      request('commitment', { method: 'POST', body: {} }),
      request('series', { method: 'POST', body: { werkagendaId: 'Geen Id!' } }),
      request('series', { method: 'POST', body: 'geen json' }),
      request('change', { method: 'PATCH', body: { werkagendaId: 'bestaat-niet' } }),
      request('werkagenda', { method: 'POST', body: { werkagendaId: 'bestaat-niet' } }),
    ])
      await expect(admitted(ctx)).resolves.toBe(true);
  });

  it('reads the werkagenda from a query field as well as the body', () => {
    expect(namedWerkagendas([{ query: 'werkagendaId' }], { query: { werkagendaId: 'actieplan-dakloos-wlz-2025' } })).toEqual([
      'actieplan-dakloos-wlz-2025',
    ]);
    expect(namedWerkagendas([{ body: 'werkagendaId' }, { query: 'werkagendaId' }], { body: {}, query: {} })).toEqual([]);
  });
});

describe('a grant names a werkagenda that exists, or every werkagenda', () => {
  it('refuses a grant in a werkagenda nobody established, naming the grant’s field', async () => {
    const grants = [{ werkagendaId: '*' }, { werkagendaId: 'betekenisvol-leven-2025-2028' }, { werkagendaId: 'betekenisvol-leven-2052' }];
    const refused = await refuseUnknownGrantWerkagendas(store, grants).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(InvalidInput);
    expect(refused).toMatchObject({
      field: 'grants.2.werkagendaId',
      message: expect.stringMatching(/^werkagenda betekenisvol-leven-2052 bestaat niet/),
    });
  });

  it('lets grants in existing werkagenda’s, in all, or no grants at all through', async () => {
    await expect(
      refuseUnknownGrantWerkagendas(store, [{ werkagendaId: '*' }, { werkagendaId: 'betekenisvol-leven-2025-2028' }]),
    ).resolves.toBeUndefined();
    await expect(refuseUnknownGrantWerkagendas(store, undefined)).resolves.toBeUndefined();
  });
});
