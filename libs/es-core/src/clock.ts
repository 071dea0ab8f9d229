import { amsterdamDate } from '@regie/calendar';

/** The one source of "now". Nothing in the platform calls Date.now() directly. */
export abstract class Clock {
  abstract now(): Date;

  /** Today's date (YYYY-MM-DD) in Europe/Amsterdam, the werkagenda's calendar. */
  today(): string {
    return amsterdamDate(this.now());
  }
}

export { amsterdamDate };

/**
 * Real time, optionally shifted: `startAt` (from REGIE_NOW) becomes "now" at construction
 * and the clock runs on from there.
 */
export class SystemClock extends Clock {
  private readonly offsetMs: number;

  constructor(
    startAt?: Date,
    private readonly realNow: () => number = () => Date.now(),
  ) {
    super();
    this.offsetMs = startAt ? startAt.getTime() - realNow() : 0;
  }

  now(): Date {
    return new Date(this.realNow() + this.offsetMs);
  }

  static fromEnv(value: string | undefined): SystemClock {
    if (!value) return new SystemClock();
    const start = new Date(value);
    if (Number.isNaN(start.getTime())) {
      throw new Error(`REGIE_NOW must be an ISO timestamp such as 2026-05-01T09:00:00Z, got "${value}"`);
    }
    return new SystemClock(start);
  }
}

/** A clock that only moves when told to: for tests. */
export class ManualClock extends Clock {
  constructor(private current: Date) {
    super();
  }
  now(): Date {
    return new Date(this.current.getTime());
  }
  set(to: Date): void {
    this.current = new Date(to.getTime());
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}
