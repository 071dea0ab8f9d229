import { randomUUID } from 'node:crypto';
import { Upcasters, UpcastingEventStore } from '@regie/es-core';
import { type Grant, InvalidToken, type Principal, principalOf, TokenVerifier } from '@regie/nest-kit';
import { serviceTestApp, type ServiceTestApp } from '@regie/nest-kit/testing';
import { ActionsModule } from '../actions.module';
import { ACTIONS_UPCASTERS } from '../actions.upcasters';
import { WerkagendaSeeder } from '../seed/seed-werkagenda';

/** The store reads through the context's upcasters; `postgres` is the adapter underneath. */
export type ActionsTestApp = Omit<ServiceTestApp<UpcastingEventStore>, 'scheduler' | 'message'> & {
  /** A bearer header for a principal with exactly these grants (e.g. a coordinator of one werkagenda only). */
  bearerWith(username: string, grants: Grant[]): string;
};

/**
 * The local accounts hold grants in every werkagenda; tests of rights per werkagenda need
 * principals with grants in one. Tokens this verifier issued name such a principal; every other
 * token goes to the real verifier (the local accounts).
 */
class GrantingVerifier extends TokenVerifier {
  inner?: TokenVerifier;
  readonly issued = new Map<string, Principal>();

  async verify(token: string): Promise<Principal> {
    const principal = this.issued.get(token);
    if (principal) return principal;
    if (!this.inner) throw new InvalidToken('no verifier yet');
    return this.inner.verify(token);
  }
}

/**
 * The actions context over HTTP on a fresh database of the real test server, seeded,
 * with a manual clock (default: 2026-03-15, after the evaluation's replan).
 */
export async function actionsTestApp(label: string, now = new Date('2026-03-15T09:00:00Z')): Promise<ActionsTestApp> {
  const verifier = new GrantingVerifier();
  const harness = await serviceTestApp(label, {
    module: ActionsModule,
    now,
    storePoolSize: 30,
    store: (postgres) => new UpcastingEventStore(postgres, new Upcasters(ACTIONS_UPCASTERS)),
    configure: (builder) => builder.overrideProvider(TokenVerifier).useValue(verifier),
  });
  verifier.inner = harness.auth.accounts;
  await harness.app.get(WerkagendaSeeder).seed();
  return {
    ...harness,
    bearerWith: (username, grants) => {
      const token = `test-${randomUUID()}`;
      verifier.issued.set(token, principalOf(username, username, grants));
      return `Bearer ${token}`;
    },
  };
}
