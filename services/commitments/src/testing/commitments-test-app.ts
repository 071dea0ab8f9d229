import { serviceTestApp, type ServiceTestApp, type ServiceTestAppBasics } from '@regie/nest-kit/testing';
import { CommitmentsModule } from '../commitments.module';
import { ReadModel } from '@regie/context';
import { CommitmentsSeeder } from '../seed/seed-commitments';
import { COMMITMENTS_CONFIG } from '../shared/config';

export interface CommitmentsTestApp extends ServiceTestAppBasics {
  /** Not started: a test subscribes to the bus first, then calls `scheduler.start()` and `tick()`. */
  scheduler: ServiceTestApp['scheduler'];
  /** Waits until the read model has everything in the store. */
  settled(): Promise<void>;
}

/**
 * The commitments context over HTTP on a fresh database of the real test server, with a manual
 * clock (default 2026-11-23, when the "najaar 2026" promise is due within the look-ahead), an
 * in-process scheduler on that clock, and the toezeggingen seeded (as the platform does after the
 * actions seed), unless `seed: false`.
 */
export async function commitmentsTestApp(
  label: string,
  { now = new Date('2026-11-23T09:00:00Z'), seed = true, lookaheadDays = 42 }: { now?: Date; seed?: boolean; lookaheadDays?: number } = {},
): Promise<CommitmentsTestApp> {
  const harness = await serviceTestApp(label, {
    module: CommitmentsModule,
    now,
    storePoolSize: 20,
    busRetryDelayMs: 100,
    schedulerTickMs: 60_000,
    configure: (builder) => builder.overrideProvider(COMMITMENTS_CONFIG).useValue({ lookaheadDays }),
  });
  const { app, store } = harness;
  if (seed) await app.get(CommitmentsSeeder).seed();
  const settled = async () => void (await app.get(ReadModel).caughtUpTo(await store.headPosition()));
  await settled();
  return { ...harness, settled };
}
