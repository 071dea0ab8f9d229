import { DomainEvent } from '@regie/es-core';
import type { Interval } from '../scheduling/occurrences';

/** The four recurring overleggen of the werkagenda (§4 Overlegstructuur). */
export type MeetingKind = 'kerngroep' | 'evaluatie' | 'jaaroverleg' | 'regiegroep';
export const MEETING_KINDS: readonly MeetingKind[] = ['kerngroep', 'evaluatie', 'jaaroverleg', 'regiegroep'];

export interface SeriesDefinition {
  seriesId: string;
  /** The werkagenda whose overlegstructuur this is: its drafts collect only that werkagenda's actions. */
  werkagendaId: string;
  kind: MeetingKind;
  title: string;
  /** "Doel" column of the werkagenda's table. */
  purpose: string;
  /** Dutch label as the werkagenda has it: driewekelijks, halfjaarlijks, jaarlijks, driemaandelijks. */
  cadence: string;
  interval: Interval;
  participants: string[];
  /** Only where the werkagenda names one (VWS chairs the kerngroep); otherwise null. */
  chair: string | null;
  /** VWS as coördinerende partij plans and organises the brede overleggen. */
  organiser: string;
  /** First occurrence: a local date and time in Europe/Amsterdam. */
  firstDate: string;
  localTime: string;
  durationMinutes: number;
  /** True when the first date is an example (the documents give none). */
  example: boolean;
}

export type MeetingSeriesDefined = DomainEvent<'MeetingSeriesDefined', SeriesDefinition>;
export type MeetingSeriesEvent = MeetingSeriesDefined;

export type MeetingSeriesState = { exists: boolean; definition?: SeriesDefinition };

export const meetingSeriesStream = (seriesId: string): string => 'meeting-series-' + seriesId;

export const initialState = (): MeetingSeriesState => ({ exists: false });

export const evolve = (state: MeetingSeriesState, event: MeetingSeriesEvent): MeetingSeriesState => {
  switch (event.type) {
    case 'MeetingSeriesDefined':
      return { exists: true, definition: event.data };
    default: {
      const _exhaustive: never = event.type;
      return state;
    }
  }
};
