import { validUntilMs, VerifiedTokens } from './verified-tokens';

describe('verified tokens', () => {
  it('remembers a token until the time it was stored with, and not a moment longer', () => {
    const tokens = new VerifiedTokens<string>();
    tokens.set('a.b.c', 'coordinator', 2_000, 1_000);
    expect(tokens.get('a.b.c', 1_999)).toBe('coordinator');
    expect(tokens.get('a.b.c', 2_000)).toBeUndefined();
    expect(tokens.get('a.b.c', 1_500)).toBeUndefined(); // dropped once found expired
    expect(tokens.get('x.y.z', 1_000)).toBeUndefined();
  });

  it('never remembers a token that is already expired or has no expiry', () => {
    const tokens = new VerifiedTokens<string>();
    tokens.set('a.b.c', 'coordinator', 1_000, 1_000);
    tokens.set('d.e.f', 'director', validUntilMs({}), 1_000);
    expect(tokens.size).toBe(0);
  });

  it('keeps at most its bound, dropping the least recently used first', () => {
    const tokens = new VerifiedTokens<number>(3);
    for (const n of [1, 2, 3]) tokens.set(`t${n}`, n, 10_000, 0);
    expect(tokens.get('t1', 0)).toBe(1); // t1 used: t2 is now the oldest
    tokens.set('t4', 4, 10_000, 0);
    expect(tokens.size).toBe(3);
    expect([tokens.get('t1', 0), tokens.get('t2', 0), tokens.get('t3', 0), tokens.get('t4', 0)]).toEqual([1, undefined, 3, 4]);
  });

  it('counts a token until its exp, and no later than iat + the longest lifetime', () => {
    expect(validUntilMs({ exp: 100 })).toBe(100_000);
    expect(validUntilMs({ exp: 100, iat: 10 }, 60)).toBe(70_000);
    expect(validUntilMs({ exp: 100, iat: 50 }, 60)).toBe(100_000);
  });
});
