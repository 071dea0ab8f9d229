import type { Upcaster } from '@regie/es-core';

/**
 * MilestonePlanned v1 → v2: v2 records the words the due date came from (`dueDateText`, e.g.
 * 'eind april 2025'); v1 events did not, so they read as `null` ("not recorded").
 */
export const MILESTONE_UPCASTERS: Upcaster[] = [
  { type: 'MilestonePlanned', fromVersion: 1, upcast: (data) => ({ ...(data as object), dueDateText: null }) },
];
