import { parseQuarter } from '@regie/calendar';
import { computeProjection, type CommitmentFacts, type ProjectionInput } from './compute-projection';
import type { MilestoneFacts } from './slip';

const ms = (id: string, actionCode: string, over: Partial<MilestoneFacts>): MilestoneFacts => ({
  id,
  actionCode,
  actionLine: null,
  title: `mijlpaal ${id}`,
  dueDate: '2026-12-01',
  originalDueDate: over.dueDate ?? '2026-12-01',
  status: 'planned',
  achievedOn: null,
  replans: [],
  sources: [],
  ...over,
});
const commitment = (id: string, over: Partial<CommitmentFacts>): CommitmentFacts => ({
  id,
  text: `toezegging ${id}`,
  dueText: 'eind 2026',
  dueDate: '2026-12-31',
  status: 'open',
  actionCodes: [],
  sources: [],
  ...over,
});

/**
 * Hand-worked example, 2026-Q4 seen on 2026-11-23:
 * - m21 (2.1) due 2026-10-15, replanned +30 twice → due 2026-12-14, projected 2027-01-13 (moves out).
 * - m22 (2.2) due 2026-10-31, achieved 2026-10-20.
 * - m11 (1.1) due 2026-06-30, not achieved → late; projected today.
 * - m31 (3.1) due 2026-12-01, never replanned → projected 2026-12-01.
 * - c1 due 2026-12-31 linked to 2.1 → at risk (m21 was due before it, now expected after it).
 * - c2 due 2026-11-30 linked to 3.1 → not at risk (m31 was planned after it anyway).
 * - c3 overdue since 2025-12-31 → at risk, not due in the quarter. c4 fulfilled, due 2026-10-15.
 */
const input: ProjectionInput = {
  quarter: parseQuarter('2026-Q4')!,
  today: '2026-11-23',
  computedAt: '2026-11-23T09:00:00.000Z',
  actions: [
    { code: '0', actionLine: 0, title: 'Evaluatie' },
    { code: '1.1', actionLine: 1, title: 'a' },
    { code: '2.1', actionLine: 2, title: 'b' },
    { code: '2.2', actionLine: 2, title: 'c' },
    { code: '3.1', actionLine: 3, title: 'd' },
  ],
  milestones: [
    ms('m21', '2.1', {
      dueDate: '2026-12-14',
      originalDueDate: '2026-10-15',
      sources: [1, 5, 6],
      replans: [
        { previousDueDate: '2026-10-15', dueDate: '2026-11-14', position: 5 },
        { previousDueDate: '2026-11-14', dueDate: '2026-12-14', position: 6 },
      ],
    }),
    ms('m22', '2.2', { dueDate: '2026-10-31', status: 'achieved', achievedOn: '2026-10-20', sources: [2, 7] }),
    ms('m11', '1.1', { dueDate: '2026-06-30', sources: [3] }),
    ms('m31', '3.1', { dueDate: '2026-12-01', sources: [4] }),
  ],
  commitments: [
    commitment('c1', { actionCodes: ['2.1'], sources: [10] }),
    commitment('c2', { dueDate: '2026-11-30', actionCodes: ['3.1'], sources: [11] }),
    commitment('c3', { dueDate: '2025-12-31', status: 'overdue', sources: [12, 13] }),
    commitment('c4', { dueDate: '2026-10-15', status: 'fulfilled', sources: [14] }),
  ],
  indicators: [],
};

describe('quarterly projection', () => {
  const p = computeProjection(input);
  const ids = (list: { id: string }[]) => list.map((m) => m.id).sort();

  it('lists milestones due, achieved, projected and moving out of the quarter', () => {
    // m11 was due in an earlier quarter and is still open: late today (the board's and start page's count), not due in this quarter.
    expect(p.milestones.counts).toEqual({ due: 3, achieved: 1, projected: 3, movedOut: 1, late: 1, lateDue: 0 });
    expect(p.milestones.projected.find((m) => m.id === 'm11')).toMatchObject({ late: true });
    expect(ids(p.milestones.due)).toEqual(['m21', 'm22', 'm31']);
    expect(ids(p.milestones.achieved)).toEqual(['m22']);
    expect(ids(p.milestones.projected)).toEqual(['m11', 'm22', 'm31']);
    expect(p.milestones.movedOut).toEqual([
      expect.objectContaining({
        id: 'm21',
        dueDate: '2026-12-14',
        projectedDate: '2027-01-13',
        projectedQuarter: '2027-Q1',
        replannedTimes: 2,
        sources: [1, 5, 6],
      }),
    ]);
    expect(p.milestones.movedOut[0].why).toMatch(/2 keer herpland .*mediaan 30 dagen later.*: 13 januari 2027, in het 1e kwartaal 2027/);
    expect(p.milestones.projected.find((m) => m.id === 'm11')).toMatchObject({ status: 'late', projectedDate: '2026-11-23' });
  });

  it('flags toezeggingen at risk with the reason and the events behind it', () => {
    expect(ids(p.commitments.due)).toEqual(['c1', 'c2', 'c4']);
    expect(ids(p.commitments.atRisk)).toEqual(['c1', 'c3']);
    const c1 = p.commitments.atRisk.find((c) => c.id === 'c1')!;
    expect(c1.why).toEqual([
      'mijlpaal "mijlpaal m21" van actie 2.1 wordt pas op 13 januari 2027 verwacht, na de termijn (31 december 2026)',
    ]);
    expect(c1.sources).toEqual([1, 5, 6, 10]);
    expect(p.commitments.atRisk.find((c) => c.id === 'c3')!.why).toEqual(['over de termijn (31 december 2025)']);
  });

  it('gives each action line a RAG with the rule that produced it', () => {
    const rag = Object.fromEntries(p.actionLines.map((l) => [l.actionLine, l.rag]));
    expect(rag).toEqual({ 0: 'grijs', 1: 'rood', 2: 'oranje', 3: 'groen' });
    const line2 = p.actionLines.find((l) => l.actionLine === 2)!;
    expect(line2.rule).toMatch(/^oranje:/);
    expect(line2.reasons).toEqual([
      'mijlpaal "mijlpaal m21" (2.1) wordt verwacht in het 1e kwartaal 2027',
      'toezegging "toezegging c1" is in gevaar',
    ]);
    expect(line2.sources).toEqual([1, 5, 6, 10]);
    expect(p.actionLines.find((l) => l.actionLine === 1)!.reasons).toEqual([
      'mijlpaal "mijlpaal m11" van actie 1.1 is te laat sinds 30 juni 2026',
    ]);
    expect(p.rules.rag).toMatch(/rood als een mijlpaal/);
  });

  it('is a pure function of its input', () => {
    expect(JSON.stringify(computeProjection(input))).toBe(JSON.stringify(p));
  });

  it('judges an indicator against the targets valid at the quarter’s end, not the targets of today', () => {
    const target = (value: number) => ({ value, by: '2026-12', text: '', source: '' });
    const indicator = {
      id: 'instroom',
      title: 'Instroom',
      unit: 'per maand',
      direction: 'lager-is-beter' as const,
      baseline: null,
      targets: [target(150)],
      targetHistory: [
        { validFrom: '2025-11-01', targets: [target(200)] },
        { validFrom: '2026-03-01', targets: [target(150)] },
      ],
      measurements: ['2025-08', '2025-09', '2025-10', '2025-11'].map((period, i) => ({ period, value: 220 - 5 * i, position: 50 + i })),
      sources: [],
    };
    const at = (quarter: string) => computeProjection({ ...input, quarter: parseQuarter(quarter)!, indicators: [indicator] }).indicators[0];
    expect(at('2025-Q4')).toMatchObject({ targets: [target(200)], forecast: { value: 200 }, assessment: 'op koers' });
    expect(at('2026-Q1')).toMatchObject({ targets: [target(150)], forecast: { value: 185 }, assessment: 'niet op koers' });
    expect(at('2025-Q3')).toMatchObject({ targets: [], assessment: 'geen doel' });
  });
});
