/** A meeting as far as pairing is concerned: cancelled meetings do not take part. */
export interface Slot {
  id: string;
  startsAt: string;
}

/**
 * The kerngroep that prepares each regiegroep: the last kerngroep before it, that does not
 * already prepare an earlier regiegroep. Returns kerngroep id → regiegroep id. Derived from the
 * current dates, so a rescheduled or cancelled meeting moves the preparation with it.
 */
export function preparations(kerngroepen: Slot[], regiegroepen: Slot[]): Map<string, string> {
  const byTime = (a: Slot, b: Slot) => a.startsAt.localeCompare(b.startsAt);
  const kern = [...kerngroepen].sort(byTime);
  const result = new Map<string, string>();
  for (const regie of [...regiegroepen].sort(byTime)) {
    const before = kern.filter((k) => new Date(k.startsAt) < new Date(regie.startsAt));
    const last = before[before.length - 1];
    if (last && !result.has(last.id)) result.set(last.id, regie.id);
  }
  return result;
}
