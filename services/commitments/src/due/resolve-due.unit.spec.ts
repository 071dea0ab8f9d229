import { InvalidInput } from '@regie/es-core';
import { resolveDue } from './resolve-due';

/** Reference date = the date the promise was made (or the day of a postponement). */
const madeAt = '2026-02-27';

describe('resolveDue: a Dutch due period resolves to the last day of that period', () => {
  it.each([
    ['2026-12-20', '2026-12-20'],
    ['20-12-2026', '2026-12-20'],
    ['1/6/2026', '2026-06-01'],
    ['20 december 2026', '2026-12-20'],
    ['eind 2025', '2025-12-31'],
    ['einde van 2025', '2025-12-31'],
    ['voor het einde van 2025', '2025-12-31'],
    ['Q1 2026', '2026-03-31'],
    ['2026-Q4', '2026-12-31'],
    ['Q3-2026', '2026-09-30'],
    ['eerste kwartaal 2026', '2026-03-31'],
    ['het tweede kwartaal van 2025', '2025-06-30'],
    ['begin 2027', '2027-03-31'],
    ['voorjaar 2026', '2026-05-31'],
    ['voor de zomer 2026', '2026-06-30'],
    ['medio 2026', '2026-06-30'],
    ['zomer 2026', '2026-08-31'],
    ['najaar 2026', '2026-11-30'],
    ['in het najaar van 2026', '2026-11-30'],
    ['maart 2026', '2026-03-31'],
    ['februari 2028', '2028-02-29'],
    ['eind april 2025', '2025-04-30'],
  ])('"%s" -> %s', (text, date) => {
    expect(resolveDue(text, madeAt)).toEqual({ text, date });
  });

  it('takes the year of the reference date for "eind dit jaar" and "dit najaar"', () => {
    expect(resolveDue('eind dit jaar', '2025-06-19').date).toBe('2025-12-31');
    expect(resolveDue('dit najaar', '2025-03-11').date).toBe('2025-11-30');
  });

  it('resolves "voor de zomer" without a year to the next summer that has not begun to pass', () => {
    expect(resolveDue('voor de zomer', madeAt).date).toBe('2026-06-30');
    expect(resolveDue('voor de zomer', '2025-10-01').date).toBe('2026-06-30');
  });

  it('keeps the text as given (whitespace tidied) and ignores case', () => {
    expect(resolveDue('  Najaar   2026 ', madeAt)).toEqual({ text: 'Najaar 2026', date: '2026-11-30' });
  });

  it('resolves "onbekend" to no date', () => {
    expect(resolveDue('onbekend', madeAt)).toEqual({ text: 'onbekend', date: null });
  });

  it('refuses an unknown text with InvalidInput on "due", naming the accepted forms', () => {
    expect(() => resolveDue('binnenkort', madeAt)).toThrow(InvalidInput);
    expect(() => resolveDue('binnenkort', madeAt)).toThrow(/eind 2025.*Q1 2026.*najaar 2026/);
    expect(() => resolveDue('binnenkort', madeAt)).toThrow(expect.objectContaining({ field: 'due' }));
  });

  it('refuses a date that does not exist and a year out of range', () => {
    expect(() => resolveDue('2026-02-30', madeAt)).toThrow(/geen bestaande datum/);
    expect(() => resolveDue('najaar 3026', madeAt)).toThrow(InvalidInput);
  });

  it('refuses a day that does not exist, written the Dutch way, and names the forms without an ISO example', () => {
    expect(() => resolveDue('31-02-2026', madeAt)).toThrow(InvalidInput);
    expect(() => resolveDue('ooit', madeAt)).toThrow(/bijvoorbeeld 31 mei 2026 of 31-05-2026/);
  });

  describe('the parliamentary year (recess dates per year, Prinsjesdag = third Tuesday of September)', () => {
    it.each([
      ['voor het zomerreces', '2026-07-02'],
      ['voor het zomerreces 2024', '2024-07-04'], // cited: zomerreces 2024 begins Friday 5 July
      ['na de zomer', '2026-09-30'],
      ['na het zomerreces', '2026-09-30'],
      ['na het zomerreces 2023', '2023-09-30'], // cited: the Kamer sat again on Tuesday 5 September 2023
      ['rond Prinsjesdag', '2026-09-15'],
      ['Prinsjesdag 2027', '2027-09-21'],
      ['voor Prinsjesdag', '2026-09-14'],
      ['voor Prinsjesdag 2025', '2025-09-15'],
      ['voor de begrotingsbehandeling', '2026-12-17'],
      ['voor het kerstreces', '2026-12-17'],
      ['voor het kerstreces 2023', '2023-12-21'], // cited: kerstreces 2023 begins Friday 22 December
    ])('"%s" made on %s', (text, date) => {
      expect(resolveDue(text, madeAt)).toEqual({ text, date });
    });

    it("takes the next such moment when this year's has passed on the day the promise was made", () => {
      expect(resolveDue('voor het kerstreces', '2026-12-20').date).toBe('2027-12-23');
      expect(resolveDue('rond Prinsjesdag', '2026-10-01').date).toBe('2027-09-21');
      expect(resolveDue('na de zomer', '2026-10-01').date).toBe('2027-09-30');
      expect(resolveDue('voor het zomerreces', '2026-07-10').date).toBe('2027-07-01');
    });
  });

  describe('a term relative to the day the promise was made', () => {
    it.each([
      ['binnen een maand', '2026-03-27'],
      ['binnen één maand', '2026-03-27'],
      ['binnen drie maanden', '2026-05-27'],
      ['binnen 3 maanden', '2026-05-27'],
      ['binnen zes weken', '2026-04-10'],
    ])('"%s" -> %s', (text, date) => {
      expect(resolveDue(text, madeAt)).toEqual({ text, date });
    });

    it('ends a month after the 31st on the last day of a shorter month', () => {
      expect(resolveDue('binnen een maand', '2026-01-31').date).toBe('2026-02-28');
    });

    it('refuses a term of nothing', () => {
      expect(() => resolveDue('binnen 0 maanden', madeAt)).toThrow(InvalidInput);
    });
  });

  it('names the new forms when it refuses a phrase it does not understand', () => {
    expect(() => resolveDue('na de verkiezingen', madeAt)).toThrow(/na de zomer.*rond Prinsjesdag.*voor het kerstreces.*binnen een maand/);
  });
});
