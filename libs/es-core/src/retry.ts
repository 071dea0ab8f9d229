/** How long to wait between tries of something that failed: exponential, capped, optionally jittered. */
export interface Backoff {
  /** The pause before the first retry. */
  baseMs: number;
  /** No pause is longer than this. */
  maxMs: number;
  /** Growth per retry: 2 doubles (the default), 1 keeps a fixed pause. */
  factor?: number;
  /** Up to this fraction (0–1) of each pause is left out at random, so clients that failed together do not retry together. */
  jitter?: number;
}

/** The pause before retry `attempt` (1 = the first retry): baseMs × factor^(attempt − 1), at most maxMs. */
export function backoffDelay(attempt: number, backoff: Backoff, random: () => number = Math.random): number {
  const { baseMs, maxMs, factor = 2, jitter = 0 } = backoff;
  const delay = Math.min(baseMs * factor ** Math.max(0, attempt - 1), maxMs);
  return jitter > 0 ? Math.round(delay * (1 - jitter * random())) : delay;
}

export interface RetryOptions {
  backoff: Backoff;
  /** Tries in all for errors that count (see `transient`); unlimited when not given. */
  attempts?: number;
  /** False for an error that no retry can mend: `retry` rethrows it at once. Default: every error may be retried. */
  retryable?: (error: unknown) => boolean;
  /**
   * True for an error that is nobody's fault (the database or broker is down): it is retried
   * until it passes, and does not count against `attempts`.
   */
  transient?: (error: unknown) => boolean;
  /** Told before each pause, e.g. to log. */
  onRetry?: (error: unknown, attempt: number, delayMs: number) => void;
  /** Aborting stops retrying: the pending pause ends and the last error is thrown. */
  signal?: AbortSignal;
}

/** Runs `work` until it succeeds, pausing per `backoff` between tries; throws the error that ends the tries. */
export async function retry<T>(work: (attempt: number) => Promise<T>, options: RetryOptions): Promise<T> {
  const { attempts = Infinity, retryable = () => true, transient = () => false, signal } = options;
  for (let attempt = 1, counted = 0; ; attempt++) {
    try {
      return await work(attempt);
    } catch (error) {
      if (!retryable(error)) throw error;
      if (!transient(error) && ++counted >= attempts) throw error;
      if (signal?.aborted) throw error;
      const delayMs = backoffDelay(attempt, options.backoff);
      options.onRetry?.(error, attempt, delayMs);
      if (!(await pause(delayMs, signal))) throw error;
    }
  }
}

/** Resolves true after `ms`, or false as soon as `signal` aborts. */
function pause(ms: number, signal?: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    const done = (completed: boolean) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', aborted);
      resolve(completed);
    };
    const aborted = () => done(false);
    const timer = setTimeout(() => done(true), ms);
    signal?.addEventListener('abort', aborted, { once: true });
  });
}
