import type { Upcaster } from '@regie/es-core';

/**
 * CommitmentRegistered v1 → v2: v2 keeps the persons of `madeBy` sealed (personal data, see
 * made-by.ts); v1 stored one plain string, which reads as that text naming no sealed person. The
 * names in such a v1 text stay in the stored history: they cannot be shredded (README).
 */
export const COMMITMENT_UPCASTERS: Upcaster[] = [
  {
    type: 'CommitmentRegistered',
    fromVersion: 1,
    upcast: (data) => {
      const d = data as { madeBy: unknown };
      return typeof d.madeBy === 'string' ? { ...d, madeBy: { text: d.madeBy, persons: [] } } : d;
    },
  },
];
