import type { Upcaster } from '@regie/es-core';
import { MILESTONE_UPCASTERS } from './milestone/milestone.upcasters';
import { WERKAGENDA_UPCASTERS } from './werkagenda/werkagenda.upcasters';

/** Every upcaster of the actions context: the store reads old events through them. */
export const ACTIONS_UPCASTERS: Upcaster[] = [...MILESTONE_UPCASTERS, ...WERKAGENDA_UPCASTERS];
