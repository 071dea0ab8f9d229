import { roleText, SYSTEM_ACTORS } from './actor-names';

describe('actors in words', () => {
  it('names a role in Dutch, an actiehouder with the codes of their actions', () => {
    expect(roleText([{ role: 'coordinator', actionCodes: [] }])).toBe('coördinator');
    expect(roleText([{ role: 'director', actionCodes: [] }])).toBe('directeur');
    expect(roleText([{ role: 'beheerder', actionCodes: [] }])).toBe('beheerder');
    expect(roleText([{ role: 'actiehouder', actionCodes: ['2.1'] }])).toBe('actiehouder actie 2.1');
    expect(roleText([{ role: 'actiehouder', actionCodes: ['2.10', '2.2', 'actieplan-dakloos-wlz-2025:1.1'] }])).toBe(
      'actiehouder acties 1.1, 2.2 en 2.10',
    );
    expect(
      roleText([
        { role: 'director', actionCodes: [] },
        { role: 'actiehouder', actionCodes: ['1.1'] },
      ]),
    ).toBe('directeur en actiehouder actie 1.1');
    expect(roleText([])).toBe('');
  });

  it('says what the platform itself did in words, not as an account', () => {
    expect(SYSTEM_ACTORS).toMatchObject({
      seed: 'eerste inrichting',
      scheduler: 'automatische controle',
      'regie-cli': 'beheer via de opdrachtregel',
    });
  });
});
