import type { AppendResult, ExpectedRevision, NewEvent } from '@regie/es-core';
import type { ChainParts } from './hash-chain';

/** One caller's append, waiting for its group. */
export interface PendingAppend {
  streamId: string;
  events: NewEvent[];
  expected: ExpectedRevision;
  /** The events' canonical JSON, prepared when the append arrives (while another group commits). */
  parts: ChainParts[];
  /** Set when tried again alone after its group failed on a unique violation. */
  retried?: boolean;
  resolve(result: AppendResult): void;
  reject(error: unknown): void;
}

export interface GroupCommitOptions {
  /** Commits one group in one transaction; settles every append in it (ok, refused or failed). */
  commit(group: PendingAppend[]): Promise<void>;
  /** Groups committing at once (each waits for the head lock of the one before). */
  maxInFlight: number;
  maxEvents: number;
}

/**
 * In-process group commit: appends that arrive while a group is committing wait and then go to
 * the database together, in one statement and one transaction (one WAL flush for all of them).
 * A lone append is sent at once, so it waits for nothing. Arrival order is kept within and across
 * groups. A group never holds the same event id twice (a retried append waits for the next group,
 * where it finds its twin stored), and never more than `maxEvents` events unless one append alone
 * is bigger.
 */
export class GroupCommit {
  private readonly queue: PendingAppend[] = [];
  /** The groups committing now. */
  private readonly committingNow = new Set<Promise<unknown>>();
  private readonly idle = new Set<() => void>();
  /** Groups committed and appends in them, for tests and the bench. */
  readonly stats = { groups: 0, appends: 0 };

  constructor(private readonly options: GroupCommitOptions) {}

  submit(append: PendingAppend): void {
    this.queue.push(append);
    this.pump();
  }

  /** Resolves when nothing is queued or committing. */
  drained(): Promise<void> {
    if (this.committingNow.size === 0 && this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.add(resolve));
  }

  /** Settles when the groups committing now have (not those queued after them); undefined when none is. */
  committing(): Promise<unknown> | undefined {
    return this.committingNow.size === 0 ? undefined : Promise.allSettled([...this.committingNow]);
  }

  private pump(): void {
    while (this.committingNow.size < this.options.maxInFlight && this.queue.length > 0) {
      const group = this.take();
      this.stats.groups++;
      this.stats.appends += group.length;
      const committed: Promise<unknown> = this.options
        .commit(group)
        .catch((error) => group.forEach((a) => a.reject(error))) // commit settles them; this is a last resort
        .finally(() => {
          this.committingNow.delete(committed);
          this.pump();
          if (this.committingNow.size === 0 && this.queue.length === 0) for (const resolve of this.idle) resolve();
          if (this.committingNow.size === 0 && this.queue.length === 0) this.idle.clear();
        });
      this.committingNow.add(committed);
    }
  }

  private take(): PendingAppend[] {
    const group: PendingAppend[] = [];
    const ids = new Set<string>();
    let events = 0;
    while (this.queue.length > 0) {
      const next = this.queue[0];
      if (group.length > 0 && (events + next.events.length > this.options.maxEvents || next.events.some((e) => ids.has(e.id)))) break;
      this.queue.shift();
      group.push(next);
      events += next.events.length;
      for (const e of next.events) ids.add(e.id);
    }
    return group;
  }
}
