import { stringify } from 'csv-stringify/sync';

type Cell = string | null;

/**
 * CSV as Dutch Excel opens it (written by csv-stringify, RFC 4180 quoting): semicolon-separated,
 * a header row in Dutch, CRLF line ends, UTF-8 with a byte-order mark (so "cliënten" survives).
 * Dates are ISO (2026-05-31): spreadsheets read them as dates in every locale and they sort.
 * Text a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets an apostrophe in
 * front: decisions and action points are typed by users (CSV injection).
 */
export function toCsv(header: readonly string[], rows: readonly Cell[][]): string {
  return stringify(
    [[...header], ...rows.map((row) => row.map((cell) => (cell === null ? '' : /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell)))],
    {
      delimiter: ';',
      bom: true,
      record_delimiter: 'windows',
      quoted_match: /[\r\n]/,
    },
  );
}
