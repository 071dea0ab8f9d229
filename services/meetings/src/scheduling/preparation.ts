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
  // Each instant is parsed once: a series' agenda asks this of every meeting of four years.
  const kern = [...kerngroepen].sort(byTime).map((k) => ({ id: k.id, at: Date.parse(k.startsAt) }));
  const result = new Map<string, string>();
  for (const regie of [...regiegroepen].sort(byTime)) {
    const at = Date.parse(regie.startsAt);
    let last: { id: string } | undefined;
    for (const k of kern) if (k.at < at) last = k;
    if (last && !result.has(last.id)) result.set(last.id, regie.id);
  }
  return result;
}
