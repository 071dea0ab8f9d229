import { stringify } from 'csv-stringify/sync';

type Cell = string | number | boolean | null;

/**
 * CSV as Dutch Excel opens it (written by csv-stringify): semicolon-separated, a header row, CRLF
 * line ends, UTF-8 with a byte-order mark (so "cliënten" survives), decimal comma, fields quoted
 * only when needed. Text that a spreadsheet would run as a formula (=, +, -, @, tab, CR first) is
 * prefixed with an apostrophe: titles and summaries are typed by users (CSV injection).
 */
export function toCsv(header: readonly string[], rows: readonly Cell[][]): string {
  return stringify([[...header], ...rows.map((row) => row.map(text))], {
    delimiter: ';',
    bom: true,
    record_delimiter: 'windows',
    quoted_match: /[\r\n]/,
  });
}

const text = (value: Cell): string => {
  if (value === null) return '';
  if (typeof value === 'number') return String(value).replace('.', ',');
  if (typeof value === 'boolean') return value ? 'ja' : 'nee';
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
};
