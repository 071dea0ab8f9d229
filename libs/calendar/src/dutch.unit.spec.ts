import { compareCodes, compareDutch, dutchDate, dutchLongDate, parseDutchDate } from './dutch';

describe('Dutch dates', () => {
  it('writes a date as Dutch readers do, whatever the time zone or time of day', () => {
    expect(dutchDate('2026-11-30')).toBe('30 november 2026');
    expect(dutchDate('2026-03-01')).toBe('1 maart 2026');
    expect(dutchDate('2028-02-29')).toBe('29 februari 2028');
    expect(dutchDate('2026-10-25T23:30:00Z')).toBe('25 oktober 2026');
  });

  it('names the weekday in full', () => {
    expect(dutchLongDate('2026-11-30')).toBe('maandag 30 november 2026');
    expect(dutchLongDate('2026-03-29')).toBe('zondag 29 maart 2026');
  });

  it('reads a day as people write it: 31-05-2026, 1/6/2026, 31 mei 2026, or as stored', () => {
    expect(parseDutchDate('31-05-2026')).toBe('2026-05-31');
    expect(parseDutchDate(' 1/6/2026 ')).toBe('2026-06-01');
    expect(parseDutchDate('31 Mei 2026')).toBe('2026-05-31');
    expect(parseDutchDate('2026-05-31')).toBe('2026-05-31');
    expect(parseDutchDate('najaar 2026')).toBeUndefined();
    expect(parseDutchDate('05-31')).toBeUndefined();
  });
});

describe('Dutch order', () => {
  const codes = ['2.10', '2.9', '10.1', '1.1', '0', 'wa3:2.1', 'wa10:2.1', 'wa2:1.10', 'wa2:1.9', '3.1', 'A.2', 'a.10'];
  const titles = [
    'Één loket',
    'eerste stap',
    'Zorg',
    'zorgplan',
    'Ëvaluatie',
    'Evaluatie',
    'ijs',
    'IJsselland',
    'Fase 10',
    'Fase 2',
    "'s-Hertogenbosch",
    'Ábc',
  ];

  it('orders action codes by the value of their numbers: 2.9 before 2.10, wa3 before wa10', () => {
    expect([...codes].sort(compareCodes)).toEqual([
      '0',
      '1.1',
      '2.9',
      '2.10',
      '3.1',
      '10.1',
      'A.2',
      'a.10',
      'wa2:1.9',
      'wa2:1.10',
      'wa3:2.1',
      'wa10:2.1',
    ]);
  });

  it('orders as localeCompare with the Dutch locale does, with and without numbers by value', () => {
    for (const list of [codes, titles]) {
      expect([...list].sort(compareCodes)).toEqual([...list].sort((a, b) => a.localeCompare(b, 'nl', { numeric: true })));
      expect([...list].sort(compareDutch)).toEqual([...list].sort((a, b) => a.localeCompare(b, 'nl')));
    }
    expect(compareDutch('Fase 10', 'Fase 2')).toBeLessThan(0);
    expect(compareCodes('Fase 10', 'Fase 2')).toBeGreaterThan(0);
  });
});
