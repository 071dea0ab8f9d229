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
    expect(items.map((i) => i.source.ref)).toEqual(['due']);
    expect(items[0].title).toBe('Mijlpaal actie 1.1: due (streefdatum 31 maart 2026, vervalt)');
    // the open ones past their date are carried as one item of their action
    expect(refs({ milestones })).toContain('late-milestones:1.1');
  });

  it('takes toezeggingen due up to the look-ahead after the meeting', () => {
    const c = (id: string, dueDate: string) => ({ id, text: id, dueDate, actionCodes: [] });
    expect(refs({ commitments: [c('soon', '2026-05-12'), c('far', '2026-05-13')] })).toEqual(expect.arrayContaining(['commitment:soon']));
    expect(refs({ commitments: [c('far', '2026-05-13')] })).not.toContain('commitment:far');
  });

  it('puts the regiegroep preparation right after the standing opening items, naming the projection it prepares', () => {
    expect(refs({ prepares: { id: 'r1', date: '2026-06-19' } })[3]).toBe('regiegroep-preparation:r1');
    expect(composeDraft({ ...base, prepares: { id: 'r1', date: '2026-06-19' } })[3].title).toBe(
      'Voorbereiding regiegroep van 19 juni 2026, met de kwartaalprojectie 2e kwartaal 2026',
    );
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

describe('agendas that never lose an open obligation', () => {
  const december: Partial<DraftInput> = {
    meeting: { id: base.meeting.id, kind: 'kerngroep', date: '2026-12-15' },
    previousDate: '2026-11-24',
    today: '2026-12-05',
  };
  const c = (id: string, dueDate: string, text = id) => ({ id, text, dueDate, actionCodes: [] });
  const pilot = (n: number, status = 'planned') => ({
    id: `p${n}`,
    actionCode: '3.1',
    title: `Pilotplan regio ${n}`,
    dueDate: '2026-05-31',
    status,
    achievedOn: null,
  });
  const titles = (input: Partial<DraftInput>) => composeDraft({ ...base, ...december, ...input }).map((i) => i.title);

  it('carries an open toezegging past its date on the next kerngroep, with the date it became late, however long ago', () => {
    // given a toezegging due 30 November 2026, still open on 5 December (before the previous meeting's window closed, or long before)
    const commitments = [
      c('najaar', '2026-11-30', 'Kamer informeren over de voortgang'),
      c('voorjaar', '2026-04-30', 'Brief over de monitor'),
    ];
    // when the next kerngroep's draft is composed
    const items = titles({ commitments });
    // then both are on it as late, the oldest first
    expect(items).toEqual(
      expect.arrayContaining([
        'Toezegging te laat sinds 30 april 2026: Brief over de monitor',
        'Toezegging te laat sinds 30 november 2026: Kamer informeren over de voortgang',
      ]),
    );
    expect(items.indexOf('Toezegging te laat sinds 30 april 2026: Brief over de monitor')).toBeLessThan(
      items.indexOf('Toezegging te laat sinds 30 november 2026: Kamer informeren over de voortgang'),
    );
  });

  it('carries them on the regiegroep too, but not on a meeting that is not the next of its series, nor on the evaluatie', () => {
    const commitments = [c('najaar', '2026-11-30')];
    expect(refs({ ...december, meeting: { ...base.meeting, kind: 'regiegroep', date: '2026-12-15' }, commitments })).toContain(
      'commitment:najaar',
    );
    expect(refs({ ...december, isNext: false, commitments })).not.toContain('commitment:najaar');
    expect(refs({ ...december, meeting: { ...base.meeting, kind: 'evaluatie', date: '2026-12-15' }, commitments })).not.toContain(
      'commitment:najaar',
    );
  });

  it('keeps due-soon toezeggingen as they were: due from today up to the look-ahead', () => {
    expect(titles({ commitments: [c('soon', '2027-01-15', 'Jaarbrief')] })).toContain('Toezegging (uiterlijk 15 januari 2027): Jaarbrief');
  });

  it('groups the late, open mijlpalen of one action into one item, leaving out the achieved and the cancelled', () => {
    // given nine pilot plans of action 3.1 due 31 May 2026, one achieved and one cancelled since
    const milestones = [...[1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => pilot(n)), pilot(10, 'achieved'), pilot(11, 'cancelled')];
    // when the December kerngroep's draft is composed
    const late = composeDraft({ ...base, ...december, milestones }).filter((i) => i.source.type === 'late-milestones');
    // then one item names the nine, with the date they became late
    expect(late).toHaveLength(1);
    expect(late[0].source).toEqual({ type: 'late-milestones', ref: '3.1' });
    expect(late[0].title).toBe(
      '9 mijlpalen actie 3.1 te laat sinds 31 mei 2026: ' + [1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => `Pilotplan regio ${n}`).join('; '),
    );
  });

  it('names each late mijlpaal with its own date when they differ, one item per action in action order', () => {
    const milestones = [
      { ...pilot(1), actionCode: '10.2' },
      { ...pilot(2), dueDate: '2026-09-30' },
      pilot(3),
      { ...pilot(4), actionCode: '2.1', title: 'Regiokaart', dueDate: '2026-10-31' },
    ];
    expect(titles({ milestones }).filter((t) => t.includes('te laat sinds'))).toEqual([
      'Mijlpaal actie 2.1 te laat sinds 31 oktober 2026: Regiokaart',
      '2 mijlpalen actie 3.1 te laat sinds 31 mei 2026: Pilotplan regio 3 (streefdatum 31 mei 2026); Pilotplan regio 2 (streefdatum 30 september 2026)',
      'Mijlpaal actie 10.2 te laat sinds 31 mei 2026: Pilotplan regio 1',
    ]);
  });

  it('keeps the late item under the same id while it changes, so a withdrawal or an order holds', () => {
    const one = composeDraft({ ...base, ...december, milestones: [pilot(1)] }).find((i) => i.source.type === 'late-milestones');
    const two = composeDraft({ ...base, ...december, milestones: [pilot(1), pilot(2)] }).find((i) => i.source.type === 'late-milestones');
    expect(one?.id).toBe(two?.id);
  });

  it('says "behaald, te laat" of a mijlpaal achieved after its date in the window', () => {
    const milestones = [{ ...pilot(1, 'achieved'), dueDate: '2026-11-30', achievedOn: '2026-12-03' }];
    expect(titles({ milestones })).toContain(
      'Mijlpaal actie 3.1: Pilotplan regio 1 (streefdatum 30 november 2026, behaald op 3 december 2026, te laat)',
    );
  });

  it('puts the quarterly projection of its quarter on every regiegroep agenda, with its published version once known', () => {
    const regie = { meeting: { ...base.meeting, kind: 'regiegroep' as const, date: '2027-03-09' }, isNext: false };
    expect(titles(regie)).toContain('Kwartaalprojectie 1e kwartaal 2027 (nog niet gepubliceerd)');
    expect(titles({ ...regie, publishedProjections: { '2027-Q1': { version: 2, publishedOn: '2027-03-02' } } })).toContain(
      'Kwartaalprojectie 1e kwartaal 2027 (gepubliceerd op 2 maart 2027, versie 2)',
    );
    expect(refs({ ...december })).not.toContain('projection:2026-Q4');
  });
});
