import { dutchDate, dutchLongDate, parseDutchDate } from './dutch';

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
