import { ACTIONS_TOPIC_V1, type ActionsEventV1 } from '@regie/contracts-actions';
import { COMMITMENTS_TOPIC_V1, type CommitmentsEventV1 } from '@regie/contracts-commitments';
import type { IntegrationMessage } from '@regie/es-core';
import { type Principal, principalFromClaims, TokenVerifier } from '@regie/nest-kit';
import { serviceTestApp, type ServiceTestAppBasics } from '@regie/nest-kit/testing';
import { MonitoringModule } from '../monitoring.module';
import { ReadModel } from '@regie/context';
import { MonitoringSeeder } from '../seed/seed-monitoring';

export interface MonitoringTestApp extends ServiceTestAppBasics {
  /** Publishes actions integration events (contract v1) as the actions relay would; returns their positions. */
  actions(...events: ActionsEventV1[]): Promise<number[]>;
  /** Publishes commitments integration events (contract v1); returns their positions. */
  commitments(...events: CommitmentsEventV1[]): Promise<number[]>;
  /** Publishes prepared messages (e.g. a duplicate delivery). */
  deliver(messages: IntegrationMessage[]): Promise<void>;
  settled(): Promise<void>;
  /**
   * An `Authorization` header for a caller with these grants (`coordinator@actieplan-x`, as an
   * OIDC provider's `regie_grants` claim carries them), read by the platform's own claim mapping.
   */
  as(username: string, ...grants: string[]): string;
}

/**
 * The local accounts hold only grants in every werkagenda; rights per werkagenda come from an
 * OIDC provider's `regie_grants`. This verifier stands in for that provider: a token
 * `grants:<user>:<grant>+<grant>` becomes the principal `principalFromClaims` makes of those
 * claims; every other token goes to the local accounts.
 */
class GrantsVerifier extends TokenVerifier {
  delegate?: TokenVerifier;

  async verify(token: string): Promise<Principal> {
    const match = /^grants:([^:]+):(.+)$/.exec(token);
    if (match) return principalFromClaims({ sub: match[1], regie_grants: match[2].split('+').join(' ') });
    return this.delegate!.verify(token);
  }
}

/**
 * Monitoring alone over HTTP on a fresh database, with a manual clock (default 2026-11-23), an
 * in-process bus on the store (no producer registered, so `bus.publish` delivers directly to
 * monitoring's consumers), and the indicator seeded.
 */
export async function monitoringTestApp(label: string, now = new Date('2026-11-23T09:00:00Z')): Promise<MonitoringTestApp> {
  const verifier = new GrantsVerifier();
  const harness = await serviceTestApp(label, {
    module: MonitoringModule,
    now,
    storePoolSize: 20,
    busRetryDelayMs: 100,
    configure: (builder) => builder.overrideProvider(TokenVerifier).useValue(verifier),
  });
  verifier.delegate = harness.auth.accounts;
  const { app, store, bus, message } = harness;
  await app.get(MonitoringSeeder).seed();
  const settled = async () => void (await app.get(ReadModel).caughtUpTo(await store.headPosition()));
  await settled();
  const publish = async (topic: string, key: (e: Record<string, unknown>) => string, events: { type: string }[]) => {
    const messages = events.map((payload) => message(topic, key(payload as Record<string, unknown>), payload.type, payload));
    await bus.publish(messages);
    return messages.map((m) => m.position);
  };
  return {
    ...harness,
    settled,
    actions: (...events) => publish(ACTIONS_TOPIC_V1, (e) => (e.milestoneId ? `milestone-${e.milestoneId}` : `action-${e.code}`), events),
    commitments: (...events) => publish(COMMITMENTS_TOPIC_V1, (e) => `commitment-${e.commitmentId}`, events),
    deliver: (messages) => bus.publish(messages),
    as: (username, ...grants) => `Bearer grants:${username}:${grants.join('+')}`,
  };
}
