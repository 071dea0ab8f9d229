import { Upcasters, UpcastingEventStore } from '@regie/es-core';
import { serviceTestApp, type ServiceTestApp } from '@regie/nest-kit/testing';
import { ActionsModule } from '../actions.module';
import { MILESTONE_UPCASTERS } from '../milestone/milestone.upcasters';
import { WerkagendaSeeder } from '../seed/seed-werkagenda';

/** The store reads through the milestone upcasters; `postgres` is the adapter underneath. */
export type ActionsTestApp = Omit<ServiceTestApp<UpcastingEventStore>, 'scheduler' | 'message'>;

/**
 * The actions context over HTTP on a fresh database of the real test server, seeded,
 * with a manual clock (default: 2026-03-15, after the evaluation's replan).
 */
export async function actionsTestApp(label: string, now = new Date('2026-03-15T09:00:00Z')): Promise<ActionsTestApp> {
  const harness = await serviceTestApp(label, {
    module: ActionsModule,
    now,
    storePoolSize: 30,
    store: (postgres) => new UpcastingEventStore(postgres, new Upcasters(MILESTONE_UPCASTERS)),
  });
  await harness.app.get(WerkagendaSeeder).seed();
  return harness;
}
