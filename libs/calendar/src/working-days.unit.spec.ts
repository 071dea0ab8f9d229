import { holidayOn, isWorkingDay, nextWorkingDay, publicHolidays, reasonNotWorking } from './working-days';

describe('working days (Dutch public holidays from date-holidays, weekends)', () => {
  it('knows Koningsdag, Christmas and Hemelvaart as public holidays, but not Bevrijdingsdag 2026', () => {
    expect(holidayOn('2026-04-27')).toBe('Koningsdag');
    expect(holidayOn('2026-12-25')).toBeDefined();
    expect(holidayOn('2026-05-14')).toBeDefined();
    expect(holidayOn('2026-05-05')).toBeUndefined(); // type "school" in date-holidays: not a public holiday
    expect([...publicHolidays(2026).keys()]).toContain('2026-04-06');
  });

  it('moves Koningsdag 2026 (a Monday) to Tuesday 28 April', () => {
    expect(nextWorkingDay('2026-04-27')).toBe('2026-04-28');
  });

  it('moves over a whole holiday weekend: Christmas on Friday 2026 → Monday 28 December', () => {
    expect(nextWorkingDay('2026-12-25')).toBe('2026-12-28');
    expect(isWorkingDay('2026-12-26')).toBe(false);
  });

  it('moves a Saturday to Monday and Easter Monday to Tuesday', () => {
    expect(nextWorkingDay('2026-03-14')).toBe('2026-03-16');
    expect(nextWorkingDay('2026-04-06')).toBe('2026-04-07');
  });

  it('leaves a working day where it is', () => {
    expect(nextWorkingDay('2026-04-14')).toBe('2026-04-14');
  });

  it('says in Dutch why a date is not a working day', () => {
    expect(reasonNotWorking('2026-04-27')).toBe('Koningsdag');
    expect(reasonNotWorking('2026-03-14')).toBe('weekend');
    expect(reasonNotWorking('2026-04-14')).toBeUndefined();
  });
});
