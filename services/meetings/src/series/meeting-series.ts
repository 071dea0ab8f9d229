import { DomainEvent } from '@regie/es-core';
import type { Interval } from '../scheduling/occurrences';

/** The four recurring overleggen of the werkagenda (§4 Overlegstructuur), as the seed defines them. */
export type SeededKind = 'kerngroep' | 'evaluatie' | 'jaaroverleg' | 'regiegroep';
export const MEETING_KINDS: readonly SeededKind[] = ['kerngroep', 'evaluatie', 'jaaroverleg', 'regiegroep'];
/** Every overlegvorm: the seeded four, and `overleg` (a series or one meeting the coordinator sets up, e.g. a kleinschalig overleg). */
export type MeetingKind = SeededKind | 'overleg';
export const ALL_MEETING_KINDS: readonly MeetingKind[] = [...MEETING_KINDS, 'overleg'];
/** The kinds a coordinator may define a series of through the API. */
export const DEFINABLE_KINDS = ['kerngroep', 'regiegroep', 'overleg'] as const;

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
  /** Labels, party codes or person ids (a uuid names a person in the directory). */
  participants: string[];
  /** Only where the werkagenda names one (VWS chairs the kerngroep); otherwise null. A uuid names a person. */
  chair: string | null;
  /** VWS as coördinerende partij plans and organises the brede overleggen. */
  organiser: string;
  /** First occurrence: a local date and time in Europe/Amsterdam. */
  firstDate: string;
  localTime: string;
  durationMinutes: number;
  /** True when the first date is an example (the documents give none). */
  example: boolean;
  /** Holiday dates the coordinator confirmed: an occurrence on one of them is held there, not moved. */
  keepDates?: string[];
}

/**
 * The rhythm (and chair, participants, location) changed from a date on: occurrence `fromIndex`
 * and later follow it; earlier ones keep their history. `firstDate` is the nominal date of
 * occurrence `fromIndex` under the new rhythm.
 */
export interface SeriesChange {
  seriesId: string;
  werkagendaId: string;
  kind: MeetingKind;
  from: string;
  fromIndex: number;
  firstDate: string;
  localTime: string;
  durationMinutes: number;
  interval: Interval;
  cadence: string;
  chair: string | null;
  participants: string[];
  /** Where it meets from then on; null: as before (the series' location). */
  location: string | null;
  keepDates?: string[];
  reason: string;
}

/** The series ends: no occurrence from `from` (occurrence `fromIndex`) on; later unheld ones are cancelled. */
export interface SeriesEnd {
  seriesId: string;
  werkagendaId: string;
  kind: MeetingKind;
  from: string;
  fromIndex: number;
  reason: string;
}

export type MeetingSeriesDefined = DomainEvent<'MeetingSeriesDefined', SeriesDefinition>;
export type MeetingSeriesChanged = DomainEvent<'MeetingSeriesChanged', SeriesChange>;
export type MeetingSeriesEnded = DomainEvent<'MeetingSeriesEnded', SeriesEnd>;
export type MeetingSeriesEvent = MeetingSeriesDefined | MeetingSeriesChanged | MeetingSeriesEnded;

/** One stretch of the series with one rhythm: occurrences from `fromIndex` until the next segment's. */
export interface Segment {
  fromIndex: number;
  from: string;
  firstDate: string;
  localTime: string;
  durationMinutes: number;
  interval: Interval;
  cadence: string;
  chair: string | null;
  participants: string[];
  location: string | null;
  keepDates?: string[];
}

export type MeetingSeriesState = {
  exists: boolean;
  definition?: SeriesDefinition;
  /** The rhythms in order; the first is the definition's. */
  segments: Segment[];
  end?: { from: string; fromIndex: number };
};

export const meetingSeriesStream = (seriesId: string): string => 'meeting-series-' + seriesId;

export const initialState = (): MeetingSeriesState => ({ exists: false, segments: [] });

export const segmentOfDefinition = (d: SeriesDefinition): Segment => ({
  fromIndex: 0,
  from: d.firstDate,
  firstDate: d.firstDate,
  localTime: d.localTime,
  durationMinutes: d.durationMinutes,
  interval: d.interval,
  cadence: d.cadence,
  chair: d.chair,
  participants: d.participants,
  location: null,
  ...(d.keepDates ? { keepDates: d.keepDates } : {}),
});

export const segmentOfChange = (c: SeriesChange): Segment => ({
  fromIndex: c.fromIndex,
  from: c.from,
  firstDate: c.firstDate,
  localTime: c.localTime,
  durationMinutes: c.durationMinutes,
  interval: c.interval,
  cadence: c.cadence,
  chair: c.chair,
  participants: c.participants,
  location: c.location,
  ...(c.keepDates ? { keepDates: c.keepDates } : {}),
});

export const evolve = (state: MeetingSeriesState, event: MeetingSeriesEvent): MeetingSeriesState => {
  switch (event.type) {
    case 'MeetingSeriesDefined':
      return { exists: true, definition: event.data, segments: [segmentOfDefinition(event.data)] };
    case 'MeetingSeriesChanged':
      return {
        ...state,
        segments: [...state.segments.filter((s) => s.fromIndex < event.data.fromIndex), segmentOfChange(event.data)],
      };
    case 'MeetingSeriesEnded':
      return { ...state, end: { from: event.data.from, fromIndex: event.data.fromIndex } };
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
};
