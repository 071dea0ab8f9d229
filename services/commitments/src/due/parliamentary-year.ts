import { DateTime } from 'luxon';
import { addDays, ZONE } from '@regie/calendar';

/** A recess of the Tweede Kamer: the first and the last day it does not sit (YYYY-MM-DD). */
export interface Recess {
  from: string;
  to: string;
  /** Where the dates come from; 'assumption' = derived by the rule below, not read from a source. */
  source: 'tweedekamer.nl' | 'assumption';
}

/*
 * Recess dates of the Tweede Kamer, per year, as published on https://www.tweedekamer.nl/debat_en_vergadering/recessen
 * (page "Recessen", consulted for this table; the Kamer publishes the schedule about a year ahead):
 *
 *   Zomerreces 2023: vrijdag 7 juli t/m maandag 4 september 2023
 *   Kerstreces 2023: vrijdag 22 december 2023 t/m maandag 15 januari 2024
 *   Zomerreces 2024: vrijdag 5 juli t/m maandag 2 september 2024
 *
 * Years not in the table are an ASSUMPTION derived from the pattern of the cited years, and are
 * marked as such (source 'assumption'): the zomerreces runs from the first Friday of July to the
 * Monday 8 weeks and 3 days later; the kerstreces from the last Friday on or before 24 December
 * to the Monday 3 weeks and 3 days later. Add a year's published dates here when the Kamer sets them.
 */
const SUMMER: Record<number, Recess> = {
  2023: { from: '2023-07-07', to: '2023-09-04', source: 'tweedekamer.nl' },
  2024: { from: '2024-07-05', to: '2024-09-02', source: 'tweedekamer.nl' },
};
const CHRISTMAS: Record<number, Recess> = {
  2023: { from: '2023-12-22', to: '2024-01-15', source: 'tweedekamer.nl' },
};

const iso = (d: DateTime): string => d.toISODate() as string;

export function summerRecess(year: number): Recess {
  if (SUMMER[year]) return SUMMER[year];
  const july = DateTime.fromObject({ year, month: 7, day: 1 }, { zone: ZONE });
  const firstFriday = july.plus({ days: (5 - july.weekday + 7) % 7 });
  return { from: iso(firstFriday), to: iso(firstFriday.plus({ days: 59 })), source: 'assumption' };
}

export function christmasRecess(year: number): Recess {
  if (CHRISTMAS[year]) return CHRISTMAS[year];
  const eve = DateTime.fromObject({ year, month: 12, day: 24 }, { zone: ZONE });
  const friday = eve.minus({ days: (eve.weekday - 5 + 7) % 7 });
  return { from: iso(friday), to: iso(friday.plus({ days: 24 })), source: 'assumption' };
}

/**
 * Prinsjesdag, the day the government presents its budget: by law (Grondwet art. 65) the third
 * Tuesday of September — a rule, no table needed.
 */
export function prinsjesdag(year: number): string {
  const first = DateTime.fromObject({ year, month: 9, day: 1 }, { zone: ZONE });
  return iso(first.plus({ days: ((2 - first.weekday + 7) % 7) + 14 }));
}

/** The day before `date`: the last day for something promised "voor" it. */
export const dayBefore = (date: string): string => addDays(date, -1);
