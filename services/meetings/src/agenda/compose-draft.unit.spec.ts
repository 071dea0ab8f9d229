import { applyOrder, composeDraft, type DraftInput, itemIdOf } from './compose-draft';

const base: DraftInput = {
  meeting: { id: '0196a4a2-7c1e-7000-8000-000000000001', kind: 'kerngroep', date: '2026-03-31' },
  isNext: true,
  previousDate: '2026-03-10',
  prepares: null,
  knelpunten: [],
  milestones: [],
  commitments: [],
  actionPoints: [],
  manual: [],
  withdrawn: [],
  order: null,
  today: '2026-03-15',
  lookaheadDays: 42,
};
const refs = (input: Partial<DraftInput>) => composeDraft({ ...base, ...input }).map((i) => `${i.source.type}:${i.source.ref}`);

describe('composing a draft agenda', () => {
  it('has the standing items only, numbered, when nothing else applies', () => {
    expect(composeDraft(base).map((i) => [i.order, i.title])).toEqual([
      [1, 'Opening'],
      [2, 'Vaststellen agenda'],
      [3, 'Verslag vorige keer'],
      [4, 'Rondvraag en sluiting'],
    ]);
  });

  it('gives items stable ids, so the coordinator can withdraw or reorder them', () => {
    expect(composeDraft(base)[0].id).toBe(itemIdOf(base.meeting.id, 'standing', 'opening'));
    expect(composeDraft(base)[0].id).toBe(composeDraft(base)[0].id);
  });

  it('takes knelpunten escalated to this overlegvorm only', () => {
    const knelpunten = [
      { id: 'k1', actionCode: '2.1', description: 'a', escalatedTo: 'kerngroep' },
      { id: 'k2', actionCode: '2.2', description: 'b', escalatedTo: 'regiegroep' },
    ];
    expect(refs({ knelpunten })).toContain('knelpunt:k1');
    expect(refs({ knelpunten })).not.toContain('knelpunt:k2');
  });

  it('collects events only on the next meeting of the series; standing and own items everywhere', () => {
    const input = {
      isNext: false,
      knelpunten: [{ id: 'k1', actionCode: '2.1', description: 'a', escalatedTo: 'kerngroep' }],
      manual: [{ id: 'm1', title: 'Eigen punt' }],
    };
    expect(refs(input)).toEqual(['standing:opening', 'standing:vaststellen-agenda', 'standing:verslag', 'manual:m1', 'standing:rondvraag']);
  });

  it('takes milestones due after the previous meeting up to this one, not cancelled, marking late ones', () => {
    const m = (id: string, dueDate: string, status = 'planned') => ({
      id,
      actionCode: '1.1',
      title: id,
      dueDate,
      status,
      achievedOn: null,
    });
    const milestones = [
      m('before', '2026-03-10'),
      m('late', '2026-03-12'),
      m('due', '2026-03-31'),
      m('after', '2026-04-01'),
      m('gone', '2026-03-20', 'cancelled'),
    ];
    const items = composeDraft({ ...base, milestones }).filter((i) => i.source.type === 'milestone');
    expect(items.map((i) => i.source.ref)).toEqual(['late', 'due']);
    expect(items[0].title).toContain('te laat');
  });

  it('takes toezeggingen due up to the look-ahead after the meeting', () => {
    const c = (id: string, dueDate: string) => ({ id, text: id, dueDate, actionCodes: [] });
    expect(refs({ commitments: [c('soon', '2026-05-12'), c('far', '2026-05-13')] })).toEqual(expect.arrayContaining(['commitment:soon']));
    expect(refs({ commitments: [c('far', '2026-05-13')] })).not.toContain('commitment:far');
  });

  it('puts the regiegroep preparation right after the standing opening items', () => {
    expect(refs({ prepares: { id: 'r1', date: '2026-06-19' } })[3]).toBe('regiegroep-preparation:r1');
  });

  it('leaves withdrawn items out', () => {
    expect(refs({ withdrawn: [itemIdOf(base.meeting.id, 'standing', 'verslag')] })).not.toContain('standing:verslag');
  });
});

describe('applying the coordinator order', () => {
  const items = ['a', 'b', 'c', 'd'].map((id) => ({ id }));
  it('follows the order given', () => {
    expect(applyOrder(items, ['d', 'c', 'b', 'a']).map((i) => i.id)).toEqual(['d', 'c', 'b', 'a']);
  });
  it('places an item the order does not name after its default predecessor, and ignores unknown ids', () => {
    expect(applyOrder(items, ['c', 'a', 'x', 'd']).map((i) => i.id)).toEqual(['c', 'a', 'b', 'd']);
  });
});
