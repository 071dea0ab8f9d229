/**
 * What this process has seen change, as one counter: whatever keeps something it showed before
 * (the portal's kept pages) keeps it only while the counter stands where it stood when that was
 * made. It moves at every commit of a read model written in this process (its kept answers go),
 * at every append to the event store here, and when a change of accounts, personal-data keys or
 * revoked tokens is heard from any process. One per process, as those changes are: the parts that
 * report them (the read models' answers, the store, the auth and privacy adapters) are made in
 * different modules and libraries, none of which knows the others.
 *
 * A part that is not written in this process (a standby's read models, written by the leader)
 * says so with `keepingOnlyWhile`: while it says false, nothing may be kept on the counter.
 */
export class ProcessChanges {
  private count = 0;
  private readonly conditions = new Set<() => boolean>();

  /** Where the counter stands: take it before reading, compare after. */
  get generation(): number {
    return this.count;
  }

  /** Something shown may have changed. */
  changed(): void {
    this.count++;
  }

  /** Whether every part keeps up with its changes in this process (no standby read model). */
  get keeping(): boolean {
    for (const condition of this.conditions) if (!condition()) return false;
    return true;
  }

  /** `condition` false: what this process sees of a part may be changed elsewhere unnoticed. Returns the undo. */
  keepingOnlyWhile(condition: () => boolean): () => void {
    this.conditions.add(condition);
    return () => this.conditions.delete(condition);
  }
}

/** This process's. */
export const processChanges = new ProcessChanges();
