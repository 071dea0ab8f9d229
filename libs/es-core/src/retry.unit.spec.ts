import { backoffDelay, retry } from './retry';

describe('backoffDelay', () => {
  it('doubles from the base and stops at the cap', () => {
    const backoff = { baseMs: 200, maxMs: 30_000 };
    expect([1, 2, 3, 4, 8, 9, 50].map((n) => backoffDelay(n, backoff))).toEqual([200, 400, 800, 1600, 25_600, 30_000, 30_000]);
    expect(backoffDelay(5_000, backoff)).toBe(30_000); // no overflow however long an outage lasts
  });

  it('keeps a fixed pause with factor 1, and leaves out at most the jitter fraction', () => {
    expect([1, 2, 10].map((n) => backoffDelay(n, { baseMs: 1000, maxMs: 30_000, factor: 1 }))).toEqual([1000, 1000, 1000]);
    expect(backoffDelay(3, { baseMs: 100, maxMs: 10_000, jitter: 0.5 }, () => 0.999)).toBe(200);
    expect(backoffDelay(3, { baseMs: 100, maxMs: 10_000, jitter: 0.5 }, () => 0)).toBe(400);
  });
});

describe('retry', () => {
  const backoff = { baseMs: 1, maxMs: 2 };
  const failing = (errors: unknown[]) => {
    let calls = 0;
    const work = async () => {
      const error = errors[calls++];
      if (error !== undefined) throw error;
      return calls;
    };
    return { work, calls: () => calls };
  };

  it('tries again until the work succeeds, telling each retry', async () => {
    const { work } = failing([new Error('a'), new Error('b')]);
    const retries: number[] = [];
    await expect(retry(work, { backoff, onRetry: (_, attempt) => retries.push(attempt) })).resolves.toBe(3);
    expect(retries).toEqual([1, 2]);
  });

  it('stops at once on an error that is not retryable', async () => {
    const fatal = new Error('bad input');
    const run = failing([new Error('flaky'), fatal, new Error('never reached')]);
    await expect(retry(run.work, { backoff, retryable: (e) => e !== fatal })).rejects.toBe(fatal);
    expect(run.calls()).toBe(2);
  });

  it('gives up after the attempts, but does not count transient errors against them', async () => {
    const outage = Object.assign(new Error('connection refused'), { code: 'ECONNREFUSED' });
    const poison = new Error('cannot apply');
    const run = failing([outage, poison, outage, outage, poison, poison, 'unreached']);
    const transient = (e: unknown) => e === outage;
    await expect(retry(run.work, { backoff, attempts: 3, transient })).rejects.toBe(poison);
    expect(run.calls()).toBe(6);
  });

  it('stops waiting when aborted and throws the last error', async () => {
    const controller = new AbortController();
    const last = new Error('still down');
    const started = Date.now();
    const result = retry(
      async () => {
        throw last;
      },
      { backoff: { baseMs: 60_000, maxMs: 60_000 }, signal: controller.signal },
    );
    setTimeout(() => controller.abort(), 10);
    await expect(result).rejects.toBe(last);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
