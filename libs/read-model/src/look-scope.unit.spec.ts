import { EventEmitter } from 'node:events';
import { holdingLooks, holdInScope, holdLooksPerRequest } from './look-scope';

describe('who is still reading a time-travel look', () => {
  it('holds a look taken inside a scope until the work settles, also after an await', async () => {
    let released = 0;
    await holdingLooks(async () => {
      await new Promise((r) => setTimeout(r, 1));
      expect(holdInScope(() => released++)).toBe(true);
      expect(released).toBe(0);
    });
    expect(released).toBe(1);
  });

  it('releases when the work fails too', async () => {
    let released = 0;
    await expect(
      holdingLooks(async () => {
        holdInScope(() => released++);
        throw new Error('the request failed');
      }),
    ).rejects.toThrow('the request failed');
    expect(released).toBe(1);
  });

  it('says so outside every scope, where nobody could release the look', () => {
    expect(holdInScope(() => undefined)).toBe(false);
  });

  it('holds what a request for a past moment takes until its response is closed', async () => {
    const res = new EventEmitter();
    let released = 0;
    holdLooksPerRequest({ url: '/api/v1/actions?asOf=2026-01-01' }, res, () => holdInScope(() => released++));
    await new Promise((r) => setTimeout(r, 1));
    expect(released).toBe(0);
    res.emit('close');
    await new Promise((r) => setTimeout(r, 1));
    expect(released).toBe(1);
  });

  it('leaves a request without asOf outside every scope: a look it took would never be changed', () => {
    let held: boolean | undefined;
    holdLooksPerRequest({ url: '/api/v1/actions?werkagendaId=w1' }, new EventEmitter(), () => (held = holdInScope(() => undefined)));
    expect(held).toBe(false);
  });
});
