import { stableId } from '@regie/es-core';
import { planRecord, type TkPlan } from './tk-record';

const today = '2026-11-23';
/** A made-up record (example), in the shape of the Tweede Kamer open data. */
const record = (fields: Record<string, unknown> = {}) => ({
  Id: '0e0e0e0e-0000-4000-8000-0000000000aa',
  Nummer: 'TZ-VOORBEELD-AA',
  Tekst: 'Voorbeeld: de minister informeert de Kamer.',
  Naam: 'Voorbeeld, A.',
  Functie: 'Minister van Langdurige Zorg, Jeugd en Sport',
  Ministerie: 'Volksgezondheid, Welzijn en Sport',
  Status: 'Openstaand',
  DatumNakoming: '2027-06-30T00:00:00+02:00',
  ActiviteitNummer: '2026A09999',
  Aanmaakdatum: '2026-10-01T14:03:12.47+02:00',
  GewijzigdOp: '2026-10-02T09:00:00+02:00',
  Verwijderd: false,
  ...fields,
});
const plan = (fields: Record<string, unknown> = {}): TkPlan => {
  const planned = planRecord(record(fields), today);
  if (!planned.ok) throw new Error(JSON.stringify(planned.errors));
  return planned.plan;
};
const errorsOf = (raw: unknown) => {
  const planned = planRecord(raw, today);
  return planned.ok ? [] : planned.errors.map((e) => e.field);
};

describe('a Tweede Kamer Toezegging record', () => {
  it('maps to a registration: stable id from Id, madeBy from Functie and Naam, madeAt from Aanmaakdatum, due from DatumNakoming', () => {
    const p = plan();
    expect(p.commitmentId).toBe(stableId('tk:0e0e0e0e-0000-4000-8000-0000000000aa'));
    expect(p.registration).toMatchObject({
      madeBy: { text: 'Minister van Langdurige Zorg, Jeugd en Sport ({0})', persons: ['Voorbeeld, A.'] },
      madeAt: { date: '2026-10-01', source: 'Tweede Kamer, toezegging TZ-VOORBEELD-AA (activiteit 2026A09999)' },
      due: { text: '2027-06-30', date: '2027-06-30' },
      externalRef: {
        system: 'tweede-kamer',
        id: '0e0e0e0e-0000-4000-8000-0000000000aa',
        nummer: 'TZ-VOORBEELD-AA',
        changedAt: '2026-10-02T09:00:00+02:00',
      },
    });
    expect(p.target).toBe('open');
  });

  it('reads DatumNakoming 0001-01-01 (or none) as "no date"', () => {
    expect(plan({ DatumNakoming: '0001-01-01T00:00:00Z' }).registration?.due).toEqual({ text: 'onbekend', date: null });
    expect(plan({ DatumNakoming: null }).registration?.due).toEqual({ text: 'onbekend', date: null });
  });

  it('takes the Amsterdam date of a UTC timestamp', () => {
    expect(plan({ DatumNakoming: '2027-06-29T22:00:00Z' }).registration?.due.date).toBe('2027-06-30');
  });

  it.each([
    ['Openstaand', 'open'],
    ['Deels voldaan', 'open'],
    ['Voldaan', 'fulfilled'],
    ['Afgedaan', 'fulfilled'],
    ['Niet nagekomen', 'withdrawn'],
    ['Vervallen', 'withdrawn'],
  ])('maps status %s to %s', (status, target) => {
    expect(plan({ Status: status }).target).toBe(target);
  });

  it('fulfils a Voldaan record by the document "TK <Nummer>", dated on GewijzigdOp', () => {
    expect(plan({ Status: 'Voldaan', GewijzigdOp: '2026-10-15T10:00:00+02:00' }).fulfilment).toEqual({
      kenmerk: 'TK TZ-VOORBEELD-AA',
      title: 'Voldaan volgens Tweede Kamer',
      date: '2026-10-15',
    });
  });

  it('withdraws a deleted record, which may carry only Id and GewijzigdOp', () => {
    const planned = planRecord(
      { Id: '0e0e0e0e-0000-4000-8000-0000000000aa', GewijzigdOp: '2026-11-12T09:00:00+01:00', Verwijderd: true },
      today,
    );
    expect(planned).toMatchObject({ ok: true, plan: { deleted: true, target: 'withdrawn' } });
    expect(planned.ok && planned.plan.registration).toBeUndefined();
  });

  it('names every bad field of a malformed record', () => {
    expect(errorsOf(record({ Id: 'geen-guid', Tekst: '' }))).toEqual(['Id']);
    expect(errorsOf(record({ Tekst: ' ' }))).toEqual(['Tekst']);
    expect(errorsOf(record({ Status: 'Onbekend', DatumNakoming: 'volgend jaar' })).sort()).toEqual(['DatumNakoming', 'Status']);
    expect(errorsOf(record({ Functie: null, Naam: null, Ministerie: null }))).toEqual(['Functie']);
    expect(errorsOf(record({ Status: 'Voldaan', GewijzigdOp: '2026-12-01T09:00:00+01:00' }))).toEqual(['GewijzigdOp']);
    expect(errorsOf('geen object')).toEqual(['(record)']);
  });
});
