import type { Type } from '@nestjs/common';
import { ActionsModule } from '@regie/actions';
import { CommitmentsModule } from '@regie/commitments';
import { MeetingsModule } from '@regie/meetings';
import { MonitoringModule } from '@regie/monitoring';
import { PortalModule } from '@regie/portal';

/**
 * The bounded contexts this platform can host, and the web portal. One process hosts all of them
 * (the embedded default) or a subset (REGIE_SERVICES), e.g. one per process in the distributed shape.
 * The portal is registered last: its pages call the API of the services (in this process, or at
 * REGIE_API_URL), so it holds no state and needs no bus.
 */
export const SERVICE_MODULES = {
  actions: ActionsModule,
  commitments: CommitmentsModule,
  meetings: MeetingsModule,
  monitoring: MonitoringModule,
  portal: PortalModule,
} satisfies Record<string, Type>;

export type ServiceName = keyof typeof SERVICE_MODULES;
export const SERVICE_NAMES = Object.keys(SERVICE_MODULES) as [ServiceName, ...ServiceName[]];

/** The services that own events and talk over the integration bus (all but the portal). */
export const CONTEXT_NAMES = SERVICE_NAMES.filter((name) => name !== 'portal');
