import { DUTCH_MONTHS, endOfMonth, isCalendarDate, parseDutchDate } from '@regie/calendar';
import { InvalidInput } from '@regie/es-core';

/** A due date as it was said, and the date it resolves to; `date: null` = no date known. */
export interface Due {
  text: string;
  date: string | null;
}

/** The text for "no date known" (e.g. Tweede Kamer's DatumNakoming 0001-01-01). Never overdue. */
export const UNKNOWN_DUE = 'onbekend';

/*
 * THE RULE: a due date in words resolves to the LAST DAY of the period it names — the day by
 * which the promise must be kept. A period without a year resolves in the year of the
 * reference date (registration: the date the promise was made, madeAt.date; postponement: the
 * day of the postponement); with "dit"/"deze" it is always that year, without it is the first
 * such period that has not ended before the reference date ("voor de zomer" said in October is
 * next year's summer).
 *
 *   2026-05-31                                     -> 2026-05-31 (a date stays as it is)
 *   eind 2025, einde van 2025, voor het einde van 2025, eind dit jaar -> 2025-12-31
 *   Q1 2026, 2026-Q1, eerste kwartaal (van) 2026   -> 2026-03-31 (Q2 06-30, Q3 09-30, Q4 12-31)
 *   begin 2026                                     -> 2026-03-31 (the first quarter)
 *   voorjaar 2026                                  -> 2026-05-31 (meteorological spring, March–May)
 *   voor de zomer (2026), medio 2026               -> 2026-06-30
 *   zomer 2026                                     -> 2026-08-31 (June–August)
 *   najaar 2026, dit najaar                        -> 2026-11-30 (September–November)
 *   (eind) maart 2026                              -> 2026-03-31 (last day of the month)
 *   onbekend                                       -> no date: never overdue, never "due soon"
 *
 * Filler words are ignored: "in het najaar van 2026" = "najaar 2026". Anything else is refused
 * with InvalidInput('due') naming these forms. The same table is in services/commitments/README.md.
 */

const QUARTER_WORDS: Record<string, number> = { eerste: 1, '1e': 1, tweede: 2, '2e': 2, derde: 3, '3e': 3, vierde: 4, '4e': 4 };

export const ACCEPTED_FORMS =
  'een datum (bijvoorbeeld 31 mei 2026 of 31-05-2026) of een periode: eind 2025, eind dit jaar, Q1 2026 / eerste kwartaal 2026, begin 2026, ' +
  'voorjaar 2026, voor de zomer (2026), medio 2026, zomer 2026, najaar 2026, dit najaar, maart 2026, onbekend';

/** A period of a year: the month-day its last day falls on, per year. */
type Period = (year: number) => string;
const fixed =
  (monthDay: string): Period =>
  (year) =>
    `${year}-${monthDay}`;

/** Patterns after normalising; group "year" is optional where a period may omit it. */
const PERIODS: { pattern: RegExp; period: (m: RegExpMatchArray) => Period }[] = [
  { pattern: /^(?:voor )?eind(?:e)?(?: (?<year>\d{4}))?$/, period: () => fixed('12-31') },
  { pattern: /^q(?<q>[1-4])[ -]?(?<year>\d{4})?$/, period: (m) => quarter(Number(m.groups?.q)) },
  { pattern: /^(?<year>\d{4})[ -]?q(?<q>[1-4])$/, period: (m) => quarter(Number(m.groups?.q)) },
  {
    pattern: /^(?<w>eerste|tweede|derde|vierde|[1-4]e) kwartaal(?: (?<year>\d{4}))?$/,
    period: (m) => quarter(QUARTER_WORDS[m.groups?.w ?? '']),
  },
  { pattern: /^begin(?: (?<year>\d{4}))?$/, period: () => quarter(1) },
  { pattern: /^(?:voorjaar|lente)(?: (?<year>\d{4}))?$/, period: () => fixed('05-31') },
  { pattern: /^(?:voor (?:de )?zomer|medio)(?: (?<year>\d{4}))?$/, period: () => fixed('06-30') },
  { pattern: /^zomer(?: (?<year>\d{4}))?$/, period: () => fixed('08-31') },
  { pattern: /^(?:najaar|herfst)(?: (?<year>\d{4}))?$/, period: () => fixed('11-30') },
  {
    pattern: new RegExp(`^(?:eind(?:e)? )?(?<month>${DUTCH_MONTHS.join('|')})(?: (?<year>\\d{4}))?$`),
    period: (m) => (year) => endOfMonth(year, DUTCH_MONTHS.indexOf(m.groups?.month ?? '') + 1),
  },
];

const quarter =
  (q: number): Period =>
  (year) =>
    endOfMonth(year, q * 3);

/**
 * Resolves a due date given as a date or a Dutch period to the last day of that period.
 * `reference` (YYYY-MM-DD) supplies the year when the text names none.
 */
export function resolveDue(input: string, reference: string): Due {
  const text = input.trim().replace(/\s+/g, ' ');
  const normal = normalise(text);
  if (normal === UNKNOWN_DUE) return { text: UNKNOWN_DUE, date: null };
  const date = parseDutchDate(normal);
  if (date) {
    if (!isCalendarDate(date)) throw new InvalidInput('due', `${text} is geen bestaande datum`);
    return { text, date };
  }
  const thisYear = Number(reference.slice(0, 4));
  const explicitThis = /\b(?:dit|deze)\b/.test(normal);
  const words = normal
    .replace(/\b(?:dit|deze) jaar\b/, String(thisYear))
    .replace(/\b(?:dit|deze)\b ?/g, '')
    .trim();
  for (const { pattern, period } of PERIODS) {
    const match = words.match(pattern);
    if (!match) continue;
    const lastDay = period(match);
    const year = match.groups?.year;
    if (year) return { text, date: lastDay(checkedYear(Number(year), text)) };
    const inReferenceYear = lastDay(thisYear);
    return { text, date: explicitThis || inReferenceYear >= reference ? inReferenceYear : lastDay(thisYear + 1) };
  }
  throw new InvalidInput('due', `onbekende termijn "${text}"; gebruik ${ACCEPTED_FORMS}`);
}

/** Lower case, no punctuation, no filler words ("in het najaar van 2026" -> "najaar 2026"). */
const normalise = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[.,;:!?()]/g, ' ')
    .split(' ')
    .filter((word) => word !== '' && !['in', 'het', 'van', 'uiterlijk', 'rond', 'per'].includes(word))
    .join(' ');

const checkedYear = (year: number, text: string): number => {
  if (year < 1900 || year > 2200) throw new InvalidInput('due', `het jaar in "${text}" valt buiten 1900–2200`);
  return year;
};
