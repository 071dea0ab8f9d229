import type { Upcaster } from '@regie/es-core';

/**
 * WerkagendaEstablished v1 → v2: v1 recorded parties as `{ code, name }` only; v2 adds each
 * party's role, membership dates and participation in the bestuurlijke afspraken. v1 events did
 * not record them, so they read as `null` ("not recorded"), never as an invented role.
 */
export const WERKAGENDA_UPCASTERS: Upcaster[] = [
  {
    type: 'WerkagendaEstablished',
    fromVersion: 1,
    upcast: (data) => {
      const v1 = data as { parties: { code: string; name: string }[] } & Record<string, unknown>;
      return {
        ...v1,
        parties: v1.parties.map((party) => ({ ...party, role: null, memberFrom: null, memberTo: null, bestuurlijkeAfspraken: null })),
      };
    },
  },
];
