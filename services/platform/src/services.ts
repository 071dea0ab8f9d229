import type { Type } from '@nestjs/common';
import { ActionsModule } from '@regie/actions';
import { CommitmentsModule } from '@regie/commitments';
import { MeetingsModule } from '@regie/meetings';
import { MonitoringModule } from '@regie/monitoring';

/**
 * The bounded contexts this platform can host. One process hosts all of them (the embedded
 * default) or a subset (REGIE_SERVICES), e.g. one per process in the distributed shape.
 */
export const SERVICE_MODULES = {
  actions: ActionsModule,
  commitments: CommitmentsModule,
  meetings: MeetingsModule,
  monitoring: MonitoringModule,
} satisfies Record<string, Type>;

export type ServiceName = keyof typeof SERVICE_MODULES;
export const SERVICE_NAMES = Object.keys(SERVICE_MODULES) as [ServiceName, ...ServiceName[]];
