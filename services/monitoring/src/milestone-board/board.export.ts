/**
 * CSV as Dutch Excel opens it: semicolon-separated, a header row, CRLF line ends, UTF-8 with a
 * byte-order mark (so "cliënten" survives), decimal comma, fields quoted only when needed.
 */
export function toCsv(header: readonly string[], rows: readonly (string | number | boolean | null)[][]): string {
  const cell = (v: string | number | boolean | null): string => {
    if (v === null) return '';
    const text = typeof v === 'number' ? String(v).replace('.', ',') : typeof v === 'boolean' ? (v ? 'ja' : 'nee') : v;
    return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return '\uFEFF' + [header, ...rows].map((r) => r.map(cell).join(';')).join('\r\n') + '\r\n';
}
