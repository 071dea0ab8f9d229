import { serviceTestApp, type ServiceTestApp, type ServiceTestAppBasics } from '@regie/nest-kit/testing';
import { MeetingsModule } from '../meetings.module';

export interface MeetingsTestApp extends ServiceTestAppBasics {
  scheduler: ServiceTestApp['scheduler'];
  /** Delivers another context's integration event to meetings' consumers (in-process, direct). */
  deliver(topic: string, type: string, payload: Record<string, unknown>, key?: string): Promise<void>;
}

/**
 * The meetings context over HTTP on a fresh database of the real test server, with a manual
 * clock (default 2026-03-15 10:00 Amsterdam). No other context runs: their integration events
 * are published on the in-process bus by the test, as the contracts describe them.
 */
export async function meetingsTestApp(label: string, now = new Date('2026-03-15T09:00:00Z')): Promise<MeetingsTestApp> {
  const harness = await serviceTestApp(label, { module: MeetingsModule, now, storePoolSize: 30 });
  const { bus, message } = harness;
  return {
    ...harness,
    deliver: (topic, type, payload, key = 'test') => bus.publish([message(topic, key, type, { type, ...payload })]),
  };
}
