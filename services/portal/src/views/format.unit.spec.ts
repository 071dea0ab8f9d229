import {
  amsterdamInstant,
  count,
  amsterdamLocal,
  formatDate,
  formatDateTime,
  formatQuarter,
  parsePeildatum,
  quarterOf,
  shiftQuarter,
} from './format';

describe('Dutch dates and quarters', () => {
  it('writes calendar dates and instants the Dutch way, instants in Amsterdam time', () => {
    expect(formatDate('2026-05-31')).toBe('31 mei 2026');
    expect(formatDate(null)).toBe('—');
    expect(formatDateTime('2026-12-08T09:00:00.000Z')).toBe('8 december 2026 om 10:00'); // winter: UTC+1
    expect(formatDateTime('2026-06-19T12:00:00.000Z')).toBe('19 juni 2026 om 14:00'); // summer: UTC+2
  });

  it('reads a wall-clock moment in Amsterdam as an instant; a date alone is the end of that day', () => {
    expect(amsterdamInstant('2026-12-08T10:00')).toBe('2026-12-08T09:00:00.000Z');
    expect(amsterdamInstant('2026-06-19T14:00')).toBe('2026-06-19T12:00:00.000Z');
    expect(amsterdamInstant('2026-12-08')).toBe('2026-12-08T22:59:59.999Z');
    expect(amsterdamInstant('2026-02-30')).toBeUndefined();
    expect(amsterdamInstant('gisteren')).toBeUndefined();
    expect(amsterdamLocal(new Date('2026-12-08T23:30:00Z'))).toEqual({ date: '2026-12-09', time: '00:30' });
    expect(amsterdamInstant('2026-12-08T10:00:30')).toBe('2026-12-08T09:00:30.000Z');
  });

  it('takes a peildatum as an exact instant (links from the audit timeline) or as Amsterdam wall-clock time (forms)', () => {
    expect(parsePeildatum('2026-12-08T09:31:12.344Z')).toBe('2026-12-08T09:31:12.344Z');
    expect(parsePeildatum('2026-12-08T10:31:12+01:00')).toBe('2026-12-08T09:31:12.000Z');
    expect(parsePeildatum('2026-12-08T10:00')).toBe('2026-12-08T09:00:00.000Z');
    expect(parsePeildatum('morgen')).toBeUndefined();
  });

  it('knows the quarter of a date and the quarters around it', () => {
    expect(quarterOf('2026-11-23')).toBe('2026-Q4');
    expect(quarterOf('2027-01-01')).toBe('2027-Q1');
    expect(shiftQuarter('2026-Q4', 1)).toBe('2027-Q1');
    expect(shiftQuarter('2027-Q1', -1)).toBe('2026-Q4');
    expect(formatQuarter('2026-Q4')).toBe('4e kwartaal 2026');
  });
});

describe('Dutch counts', () => {
  it('says one or many, with thousands as a Dutch reader writes them', () => {
    expect(count(1, 'actie', 'acties')).toBe('1 actie');
    expect(count(3, 'actie', 'acties')).toBe('3 acties');
    expect(count(1030438, 'gebeurtenis', 'gebeurtenissen')).toBe('1.030.438 gebeurtenissen');
  });
});
