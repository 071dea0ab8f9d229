import { toCsv } from './board.export';

describe('CSV for Dutch Excel', () => {
  it('separates by semicolons with a header row, decimal commas, ja/nee and a BOM', () => {
    expect(
      toCsv(
        ['periode', 'waarde', 'te laat'],
        [
          ['2026-10', 12.5, true],
          ['2026-11', null, false],
        ],
      ),
    ).toBe('\uFEFFperiode;waarde;te laat\r\n2026-10;12,5;ja\r\n2026-11;;nee\r\n');
  });

  it('quotes a field holding a semicolon, quote or line break', () => {
    expect(toCsv(['titel'], [['a; b'], ['zg. "plan"'], ['x\ny']])).toBe('\uFEFFtitel\r\n"a; b"\r\n"zg. ""plan"""\r\n"x\ny"\r\n');
  });

  it('keeps text that a spreadsheet would run as a formula from being run, and negative numbers as numbers', () => {
    expect(
      toCsv(
        ['titel', 'waarde'],
        [
          ['=HYPERLINK("http://x")', -3.5],
          ['@SUM(A1)', 0],
          ['-1+1', 1],
        ],
      ),
    ).toBe('\uFEFFtitel;waarde\r\n"\'=HYPERLINK(""http://x"")";-3,5\r\n\'@SUM(A1);0\r\n\'-1+1;1\r\n');
  });
});
