import { diff } from './diff';

describe('diff of two published versions', () => {
  it('lists changed, added and removed values by path', () => {
    expect(diff({ a: 1, b: { c: 'x' }, gone: true }, { a: 2, b: { c: 'x' }, d: null })).toEqual([
      { path: 'a', kind: 'changed', from: 1, to: 2 },
      { path: 'gone', kind: 'removed', from: true, to: null },
      { path: 'd', kind: 'added', from: null, to: null },
    ]);
    expect(diff({ a: 1 }, { a: 1, d: 4 })).toEqual([{ path: 'd', kind: 'added', from: null, to: 4 }]);
  });

  it('matches list items by id, so a moved milestone shows as its changed fields', () => {
    const v1 = {
      due: [
        { id: 'm1', projectedQuarter: '2026-Q4' },
        { id: 'm2', projectedQuarter: '2026-Q4' },
      ],
    };
    const v2 = {
      due: [
        { id: 'm2', projectedQuarter: '2026-Q4' },
        { id: 'm1', projectedQuarter: '2027-Q1' },
        { id: 'm3', projectedQuarter: '2026-Q4' },
      ],
    };
    expect(diff(v1, v2)).toEqual([
      { path: 'due[id=m1].projectedQuarter', kind: 'changed', from: '2026-Q4', to: '2027-Q1' },
      { path: 'due[id=m3]', kind: 'added', from: null, to: { id: 'm3', projectedQuarter: '2026-Q4' } },
    ]);
  });

  it('compares lists without identity by position, and finds nothing between equal documents', () => {
    expect(diff({ reasons: ['a', 'b'] }, { reasons: ['a'] })).toEqual([{ path: 'reasons[1]', kind: 'removed', from: 'b', to: null }]);
    expect(diff({ actionLines: [{ actionLine: 2, rag: 'groen' }] }, { actionLines: [{ actionLine: 2, rag: 'rood' }] })).toEqual([
      { path: 'actionLines[actionLine=2].rag', kind: 'changed', from: 'groen', to: 'rood' },
    ]);
    expect(diff({ x: [1, { y: 2 }] }, { x: [1, { y: 2 }] })).toEqual([]);
  });
});
