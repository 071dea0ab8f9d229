import { isDeepStrictEqual } from 'node:util';
import { Decider, IllegalTransition, InvalidInput } from '@regie/es-core';
import { MeetingSeriesEvent, MeetingSeriesState, SeriesDefinition, evolve, initialState } from './meeting-series';

export type DefineMeetingSeries = { type: 'DefineMeetingSeries'; data: SeriesDefinition };
export type MeetingSeriesCommand = DefineMeetingSeries;

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
