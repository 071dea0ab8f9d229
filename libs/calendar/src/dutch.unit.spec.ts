import { dutchDate, dutchLongDate } from './dutch';

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
});
