import { isDeepStrictEqual } from 'node:util';
import { isWeekend } from '@regie/calendar';
import { Decider, IllegalTransition, InvalidInput, NotFound } from '@regie/es-core';
import { confirmedHolidays, refuseHoliday } from '../scheduling/holidays';
import { firstIndexFrom, type Interval, planOccurrence, type SeriesPlan } from '../scheduling/occurrences';
import { MeetingSeriesEvent, MeetingSeriesState, SeriesDefinition, evolve, initialState } from './meeting-series';

/**
 * `holidays`: 'refuse' (the API): a first date on a public holiday is refused unless confirmed;
 * 'keep': confirmed, that first meeting is held on the holiday. Absent (the seed): as before, an
 * occurrence on a holiday moves to the next working day.
 */
export type DefineMeetingSeries = { type: 'DefineMeetingSeries'; data: SeriesDefinition; holidays?: 'refuse' | 'keep' };
/** Changes the rhythm, chair, participants or location from a date on; absent fields stay as they are. */
export type ChangeMeetingSeries = {
  type: 'ChangeMeetingSeries';
  data: {
    seriesId: string;
    from: string;
    /** Today (local), from the command's clock: a change cannot start in the past. */
    today: string;
    reason: string;
    interval?: Interval;
    cadence?: string;
    firstDate?: string;
    localTime?: string;
    durationMinutes?: number;
    chair?: string | null;
    participants?: string[];
    location?: string | null;
    confirmHoliday?: boolean;
  };
};
export type EndMeetingSeries = { type: 'EndMeetingSeries'; data: { seriesId: string; from: string; today: string; reason: string } };
export type MeetingSeriesCommand = DefineMeetingSeries | ChangeMeetingSeries | EndMeetingSeries;

/** Equal as data: key order (PostgreSQL's jsonb sorts keys) and absent vs undefined do not count. */
const same = (a: SeriesDefinition, b: SeriesDefinition) => isDeepStrictEqual(asData(a), asData(b));
const asData = (value: SeriesDefinition): unknown => JSON.parse(JSON.stringify(value));

/** The Dutch label of a rhythm, as the werkagenda writes them. */
export function cadenceLabel(interval: Interval): string {
  const weeks: Record<number, string> = { 1: 'wekelijks', 2: 'tweewekelijks', 3: 'driewekelijks', 4: 'vierwekelijks' };
  const months: Record<number, string> = {
    1: 'maandelijks',
    2: 'tweemaandelijks',
    3: 'driemaandelijks',
    6: 'halfjaarlijks',
    12: 'jaarlijks',
  };
  return (
    (interval.unit === 'weeks' ? weeks : months)[interval.every] ??
    `elke ${interval.every} ${interval.unit === 'weeks' ? 'weken' : 'maanden'}`
  );
}

const checkRhythm = (interval: Interval, localTime: string, durationMinutes: number) => {
  if (interval.every < 1) throw new InvalidInput('interval', 'de frequentie moet minstens 1 zijn');
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(localTime)) throw new InvalidInput('localTime', 'verwacht een tijd als 10:00');
  if (durationMinutes < 1) throw new InvalidInput('durationMinutes', 'de duur moet minstens 1 minuut zijn');
};

/** The plan of occurrences as the state has it. */
export const planOf = (state: MeetingSeriesState): SeriesPlan => ({
  segments: state.segments,
  ...(state.end ? { endIndex: state.end.fromIndex } : {}),
});

const existing = (state: MeetingSeriesState, seriesId: string): SeriesDefinition => {
  if (!state.exists || !state.definition) throw new NotFound(`overlegvorm ${seriesId} bestaat niet`);
  if (state.end) throw new IllegalTransition('deze overlegvorm is beëindigd');
  return state.definition;
};

export const decide = (command: MeetingSeriesCommand, state: MeetingSeriesState): MeetingSeriesEvent[] => {
  switch (command.type) {
    case 'DefineMeetingSeries': {
      const d = command.data;
      // Defining the same series again (a second seed run) records nothing.
      if (state.exists && state.definition && same(state.definition, d)) return [];
      if (state.exists) throw new IllegalTransition(`overlegvorm ${d.kind} bestaat al met andere gegevens`);
      checkRhythm(d.interval, d.localTime, d.durationMinutes);
      if (command.holidays) {
        if (isWeekend(d.firstDate)) throw new InvalidInput('firstDate', 'de eerste datum valt in het weekend');
        refuseHoliday(d.firstDate, command.holidays === 'keep');
      }
      return [{ type: 'MeetingSeriesDefined', data: d }];
    }
    case 'ChangeMeetingSeries': {
      const d = command.data;
      const definition = existing(state, d.seriesId);
      if (d.from < d.today) throw new InvalidInput('from', 'een wijziging kan niet in het verleden ingaan');
      const plan = planOf(state);
      const fromIndex = firstIndexFrom(plan, d.from);
      const current = state.segments[state.segments.length - 1];
      const interval = d.interval ?? current.interval;
      const localTime = d.localTime ?? current.localTime;
      const durationMinutes = d.durationMinutes ?? current.durationMinutes;
      checkRhythm(interval, localTime, durationMinutes);
      // Without a new first date the dates stay on the cadence as it was: the next one is the anchor.
      const firstDate = d.firstDate ?? planOccurrence(plan, fromIndex).nominalDate;
      if (firstDate < d.from) throw new InvalidInput('firstDate', 'de eerste datum van het nieuwe ritme ligt vóór de ingangsdatum');
      if (d.firstDate) {
        if (isWeekend(d.firstDate)) throw new InvalidInput('firstDate', 'de eerste datum valt in het weekend');
        refuseHoliday(d.firstDate, d.confirmHoliday);
      }
      const keepDates = d.firstDate && d.confirmHoliday ? confirmedHolidays(d.firstDate) : [];
      return [
        {
          type: 'MeetingSeriesChanged',
          data: {
            seriesId: d.seriesId,
            werkagendaId: definition.werkagendaId,
            kind: definition.kind,
            from: d.from,
            fromIndex,
            firstDate,
            localTime,
            durationMinutes,
            interval,
            cadence: d.cadence ?? (d.interval ? cadenceLabel(interval) : current.cadence),
            chair: d.chair !== undefined ? d.chair : current.chair,
            participants: d.participants ?? current.participants,
            location: d.location !== undefined ? d.location : current.location,
            ...(keepDates.length > 0 ? { keepDates } : {}),
            reason: d.reason,
          },
        },
      ];
    }
    case 'EndMeetingSeries': {
      const d = command.data;
      const definition = existing(state, d.seriesId);
      if (d.from < d.today) throw new InvalidInput('from', 'een overlegvorm kan niet in het verleden eindigen');
      const fromIndex = firstIndexFrom(planOf(state), d.from);
      return [
        {
          type: 'MeetingSeriesEnded',
          data: {
            seriesId: d.seriesId,
            werkagendaId: definition.werkagendaId,
            kind: definition.kind,
            from: d.from,
            fromIndex,
            reason: d.reason,
          },
        },
      ];
    }
    default: {
      const _exhaustive: never = command;
      throw new InvalidInput('type', `onbekend commando ${(_exhaustive as { type: string }).type}`);
    }
  }
};

export const meetingSeriesDecider: Decider<MeetingSeriesCommand, MeetingSeriesEvent, MeetingSeriesState> = {
  decide,
  evolve,
  initialState,
};
