import { isDeepStrictEqual } from 'node:util';
import { Decider, DomainEvent, IllegalTransition, InvalidInput } from '@regie/es-core';
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

export type DefineMeetingSeries = { type: 'DefineMeetingSeries'; data: SeriesDefinition };
export type MeetingSeriesCommand = DefineMeetingSeries;

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

/** Equal as data: key order (PostgreSQL's jsonb sorts keys) and absent vs undefined do not count. */
const same = (a: SeriesDefinition, b: SeriesDefinition) => isDeepStrictEqual(asData(a), asData(b));
const asData = (value: SeriesDefinition): unknown => JSON.parse(JSON.stringify(value));

export const decide = (command: MeetingSeriesCommand, state: MeetingSeriesState): MeetingSeriesEvent[] => {
  switch (command.type) {
    case 'DefineMeetingSeries': {
      const d = command.data;
      // Defining the same series again (a second seed run) records nothing.
      if (state.exists && state.definition && same(state.definition, d)) return [];
      if (state.exists) throw new IllegalTransition(`overlegvorm ${d.kind} bestaat al met andere gegevens`);
      if (d.interval.every < 1) throw new InvalidInput('interval', 'de frequentie moet minstens 1 zijn');
      if (!/^\d{2}:\d{2}$/.test(d.localTime)) throw new InvalidInput('localTime', 'verwacht een tijd als 10:00');
      return [{ type: 'MeetingSeriesDefined', data: d }];
    }
    default: {
      const _exhaustive: never = command.type;
      throw new InvalidInput('type', `onbekend commando ${String(_exhaustive)}`);
    }
  }
};

export const meetingSeriesDecider: Decider<MeetingSeriesCommand, MeetingSeriesEvent, MeetingSeriesState> = {
  decide,
  evolve,
  initialState,
};
