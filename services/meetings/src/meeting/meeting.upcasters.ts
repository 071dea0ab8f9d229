import type { Upcaster } from '@regie/es-core';
import { SERIES_WERKAGENDA_ID } from '../seed/series.seed-data';

export const MEETING_UPCASTERS: Upcaster[] = [
  /**
   * ActionPointAssigned v1 → v2: v2 stores the owner sealed (personal data). A v1 owner was a plain
   * string and reads as such — it is kept as stored and cannot be shredded (README).
   */
  { type: 'ActionPointAssigned', fromVersion: 1, upcast: (data) => data },
  /**
   * MeetingSeriesDefined v1 → v2: v2 names the werkagenda the series belongs to. Series were only
   * ever defined by the seed, for the one werkagenda the platform then ran, so a v1 series is
   * that werkagenda's.
   */
  { type: 'MeetingSeriesDefined', fromVersion: 1, upcast: (data) => ({ werkagendaId: SERIES_WERKAGENDA_ID, ...(data as object) }) },
];
