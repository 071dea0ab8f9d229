import type { Upcaster } from '@regie/es-core';

/**
 * ActionPointAssigned v1 → v2: v2 stores the owner sealed (personal data). A v1 owner was a plain
 * string and reads as such — it is kept as stored and cannot be shredded (README).
 */
export const MEETING_UPCASTERS: Upcaster[] = [{ type: 'ActionPointAssigned', fromVersion: 1, upcast: (data) => data }];
