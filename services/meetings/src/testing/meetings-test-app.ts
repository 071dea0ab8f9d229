import { randomUUID } from 'node:crypto';
import { type Principal, TokenVerifier } from '@regie/nest-kit';
import { serviceTestApp, type ServiceTestApp, type ServiceTestAppBasics } from '@regie/nest-kit/testing';
import { MeetingsModule } from '../meetings.module';

export interface MeetingsTestApp extends ServiceTestAppBasics {
  scheduler: ServiceTestApp['scheduler'];
  /** Delivers another context's integration event to meetings' consumers (in-process, direct). */
  deliver(topic: string, type: string, payload: Record<string, unknown>, key?: string): Promise<void>;
  /**
   * An `Authorization` header for a principal with the given grants (e.g. `principalOf(...)` of a
   * coordinator of one werkagenda only): the local accounts know only their fixed accounts.
   */
  bearerFor(principal: Principal): string;
}

/**
 * The meetings context over HTTP on a fresh database of the real test server, with a manual
 * clock (default 2026-03-15 10:00 Amsterdam). No other context runs: their integration events
 * are published on the in-process bus by the test, as the contracts describe them.
 */
export async function meetingsTestApp(label: string, now = new Date('2026-03-15T09:00:00Z')): Promise<MeetingsTestApp> {
  // Tokens the test made for a principal with grants; every other token goes to the local accounts.
  const principals = new Map<string, Principal>();
  let accounts: TokenVerifier | undefined;
  const verifier: Pick<TokenVerifier, 'verify'> = {
    verify: async (token) => principals.get(token) ?? (accounts as TokenVerifier).verify(token),
  };
  const harness = await serviceTestApp(label, {
    module: MeetingsModule,
    now,
    storePoolSize: 30,
    configure: (builder) => builder.overrideProvider(TokenVerifier).useValue(verifier),
  });
  accounts = harness.auth.accounts;
  const { bus, message } = harness;
  return {
    ...harness,
    deliver: (topic, type, payload, key = 'test') => bus.publish([message(topic, key, type, { type, ...payload })]),
    bearerFor: (principal) => {
      const token = `test-grants-${randomUUID()}`;
      principals.set(token, principal);
      return `Bearer ${token}`;
    },
  };
}
