import { preparations } from './preparation';

const k = (id: string, startsAt: string) => ({ id, startsAt });

describe('the kerngroep that prepares a regiegroep', () => {
  const kern = [k('k1', '2026-05-19T08:00:00Z'), k('k2', '2026-06-09T08:00:00Z'), k('k3', '2026-06-30T08:00:00Z')];

  it('is the last kerngroep before the regiegroep', () => {
    expect(preparations(kern, [k('r1', '2026-06-19T12:00:00Z')])).toEqual(new Map([['k2', 'r1']]));
  });

  it('is not a kerngroep on the same moment or after', () => {
    expect(preparations(kern, [k('r1', '2026-06-09T08:00:00Z')])).toEqual(new Map([['k1', 'r1']]));
  });

  it('prepares one regiegroep only: a second regiegroep with no kerngroep in between gets none', () => {
    expect(preparations(kern, [k('r1', '2026-06-19T12:00:00Z'), k('r2', '2026-06-20T12:00:00Z')])).toEqual(new Map([['k2', 'r1']]));
  });

  it('follows the dates given, so a cancelled kerngroep (left out) hands the preparation to the one before', () => {
    expect(preparations([kern[0]], [k('r1', '2026-06-19T12:00:00Z')])).toEqual(new Map([['k1', 'r1']]));
  });
});
