import { toCsv } from './csv';

describe('CSV for the besluitenlijst and actielijst', () => {
  it('writes a header row and rows as Dutch Excel reads them: BOM, semicolons, CRLF, quotes only where needed', () => {
    const csv = toCsv(
      ['Besluit', 'Datum'],
      [
        ['Pilot "verlengen"; tot 2027', '2026-05-31'],
        ['Twee\nregels', null],
      ],
    );
    expect(csv).toBe('\ufeffBesluit;Datum\r\n"Pilot ""verlengen""; tot 2027";2026-05-31\r\n"Twee\nregels";\r\n');
  });

  it('keeps text that a spreadsheet would run as a formula as text', () => {
    expect(toCsv(['Tekst'], [['=HYPERLINK("x")'], ['-5'], ['gewoon']])).toBe('\ufeffTekst\r\n"\'=HYPERLINK(""x"")"\r\n\'-5\r\ngewoon\r\n');
  });
});
