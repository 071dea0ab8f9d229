import { resolveDue } from '../due/resolve-due';
import { TOEZEGGINGEN_SEED } from './toezeggingen.seed-data';

describe('the toezeggingen seed data', () => {
  it('gives every commitment a document source, a resolvable due date and steps in date order', () => {
    for (const seed of TOEZEGGINGEN_SEED) {
      expect(seed.source.document).toMatch(/\.txt$/);
      const due = resolveDue(seed.due, seed.madeAt.date);
      const dates = [seed.madeAt.date, ...seed.postponements.map((p) => p.knownOn), ...(seed.fulfilment ? [seed.fulfilment.knownOn] : [])];
      expect([...dates].sort()).toEqual(dates);
      for (const p of seed.postponements) expect(resolveDue(p.due, p.knownOn).date! > (due.date ?? '')).toBe(true);
    }
  });

  it('keys are unique', () => {
    const keys = TOEZEGGINGEN_SEED.map((s) => s.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('models the documented history of the nr. 727 promise: eind 2025, postponed to Q1 2026, fulfilled by the progress letter', () => {
    const promise = TOEZEGGINGEN_SEED.find((s) => s.key === 'voortgang-eind-2025')!;
    expect(resolveDue(promise.due, promise.madeAt.date).date).toBe('2025-12-31');
    expect(promise.postponements.map((p) => resolveDue(p.due, p.knownOn).date)).toEqual(['2026-03-31']);
    expect(promise.fulfilment?.document.kenmerk).toBe('4357720-1094902-LZ');
  });
});
