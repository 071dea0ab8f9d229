import { addDays, addMonths, DUTCH_MONTHS, endOfMonth, isCalendarDate, parseDutchDate } from '@regie/calendar';
import { InvalidInput } from '@regie/es-core';
import { christmasRecess, dayBefore, prinsjesdag, summerRecess } from './parliamentary-year';

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
 * The parliamentary year (dates per year in parliamentary-year.ts: cited recess dates, or an
 * assumption marked as such; Prinsjesdag is the third Tuesday of September):
 *
 *   voor het zomerreces (2026)                     -> 2026-07-02 (the day before the zomerreces begins)
 *   na de zomer, na het zomerreces (2026)          -> 2026-09-30 (end of September: the Kamer sits again in the
 *                                                     last days of August or the first of September)
 *   rond Prinsjesdag, Prinsjesdag (2026)           -> 2026-09-15 (Prinsjesdag itself)
 *   voor Prinsjesdag (2026)                        -> 2026-09-14 (the day before)
 *   voor de begrotingsbehandeling (2026)           -> 2026-12-17 (the Kamer debates the departmental
 *                                                     budgets between Prinsjesdag and the kerstreces; the
 *                                                     phrase names no department: the day before the kerstreces)
 *   voor het kerstreces (2026)                     -> 2026-12-17 (the day before the kerstreces begins)
 *
 * Relative to the reference date (the date the promise was made), never with a year:
 *
 *   binnen een maand, binnen drie maanden, binnen 6 weken -> that many months / weeks after it
 *
 * Filler words are ignored: "in het najaar van 2026" = "najaar 2026". Anything else is refused
 * with InvalidInput('due') naming these forms. The same table is in services/commitments/README.md.
 */

const QUARTER_WORDS: Record<string, number> = { eerste: 1, '1e': 1, tweede: 2, '2e': 2, derde: 3, '3e': 3, vierde: 4, '4e': 4 };

export const ACCEPTED_FORMS =
  'een datum (bijvoorbeeld 31 mei 2026 of 31-05-2026) of een periode: eind 2025, eind dit jaar, Q1 2026 / eerste kwartaal 2026, begin 2026, ' +
  'voorjaar 2026, voor de zomer (2026), medio 2026, zomer 2026, na de zomer, najaar 2026, dit najaar, maart 2026, ' +
  'voor/na het zomerreces, rond Prinsjesdag, voor Prinsjesdag, voor de begrotingsbehandeling, voor het kerstreces, ' +
  'binnen een maand, binnen drie maanden, binnen zes weken, onbekend';

const COUNT_WORDS: Record<string, number> = {
  een: 1,
  één: 1,
  twee: 2,
  drie: 3,
  vier: 4,
  vijf: 5,
  zes: 6,
  zeven: 7,
  acht: 8,
  negen: 9,
  tien: 10,
  elf: 11,
  twaalf: 12,
};
const RELATIVE = new RegExp(`^binnen (?<n>\\d{1,2}|${Object.keys(COUNT_WORDS).join('|')}) (?<unit>maand|maanden|week|weken)$`);

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
  { pattern: /^voor zomerreces(?: (?<year>\d{4}))?$/, period: () => (year) => dayBefore(summerRecess(year).from) },
  { pattern: /^na (?:de zomer|zomerreces)(?: (?<year>\d{4}))?$/, period: () => fixed('09-30') },
  { pattern: /^(?:op )?prinsjesdag(?: (?<year>\d{4}))?$/, period: () => prinsjesdag },
  { pattern: /^voor prinsjesdag(?: (?<year>\d{4}))?$/, period: () => (year) => dayBefore(prinsjesdag(year)) },
  {
    pattern: /^voor (?:de )?(?:begrotingsbehandeling|kerstreces)(?: (?<year>\d{4}))?$/,
    period: () => (year) => dayBefore(christmasRecess(year).from),
  },
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
  const relative = normal.match(RELATIVE);
  if (relative) {
    const { n, unit } = relative.groups as { n: string; unit: string };
    const count = COUNT_WORDS[n] ?? Number(n);
    if (count < 1)
      throw new InvalidInput('due', `"${text}": noem een termijn van ten minste één ${unit.startsWith('maand') ? 'maand' : 'week'}`);
    return { text, date: unit.startsWith('maand') ? addMonths(reference, count) : addDays(reference, 7 * count) };
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
