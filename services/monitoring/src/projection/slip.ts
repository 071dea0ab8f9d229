import { addDays, daysBetween, dutchDate, quarterLabel, quarterOf } from '@regie/calendar';

/**
 * The projection rule for milestones ("mediane verschuiving"), documented in the README:
 *
 * 1. An action's replanning history is every MilestoneReplannedV1 of any of its milestones; each
 *    replan's slip is `dueDate − previousDueDate` in days.
 * 2. The action's slip is the median of those slips (the middle value; the mean of the two middle
 *    values for an even count), and 0 when the action was never replanned. A negative median
 *    counts as 0: a milestone is never projected earlier than its plan.
 * 3. An open milestone (planned or in progress) is projected at `current due date + slip`; if that
 *    day has already passed it is projected at today (it is not achieved, so it cannot be achieved
 *    earlier than today). An achieved milestone is "projected" at its achievement date; a cancelled
 *    one is not projected.
 *
 * Worked example (unit-tested): action 2.1 has one milestone due 2026-10-15, replanned to
 * 2026-11-14 (+30) and then to 2026-12-14 (+30). Slips [30, 30], median 30, projection
 * 2026-12-14 + 30 = 2027-01-13: due in 2026-Q4, projected into 2027-Q1.
 */

export type MilestoneState = 'planned' | 'in_progress' | 'achieved' | 'cancelled';

export interface ReplanFact {
  previousDueDate: string;
  dueDate: string;
  /** Global position of the MilestoneReplannedV1 behind it. */
  position: number;
}

export interface MilestoneFacts {
  id: string;
  actionCode: string;
  actionLine: number | null;
  title: string;
  dueDate: string;
  originalDueDate: string;
  status: MilestoneState;
  achievedOn: string | null;
  replans: ReplanFact[];
  /** Positions of every event behind this milestone (planned, started, replanned, achieved, …). */
  sources: number[];
}

export interface ActionSlip {
  actionCode: string;
  /** Each replan of the action's milestones, in event order. */
  slips: { milestoneId: string; days: number; position: number }[];
  medianDays: number;
  /** The shift the rule applies: max(0, medianDays). */
  appliedDays: number;
}

export interface MilestoneProjection {
  projectedDate: string | null;
  projectedQuarter: string | null;
  why: string;
  sources: number[];
}

/** A shift in words: "2 weken later", "10 dagen eerder", "geen verschuiving". */
export const shiftWords = (days: number): string => {
  if (days === 0) return 'geen verschuiving';
  const n = Math.abs(days);
  const amount = n % 7 === 0 ? (n === 7 ? '1 week' : `${n / 7} weken`) : n === 1 ? '1 dag' : `${n} dagen`;
  return `${amount} ${days > 0 ? 'later' : 'eerder'}`;
};

export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Rule steps 1–2 for one action, from all its milestones. */
export function actionSlip(actionCode: string, milestones: readonly MilestoneFacts[]): ActionSlip {
  const slips = milestones
    .filter((m) => m.actionCode === actionCode)
    .flatMap((m) => m.replans.map((r) => ({ milestoneId: m.id, days: daysBetween(r.previousDueDate, r.dueDate), position: r.position })))
    .sort((a, b) => a.position - b.position);
  const medianDays = median(slips.map((s) => s.days));
  return { actionCode, slips, medianDays, appliedDays: Math.max(0, Math.round(medianDays)) };
}

/** Rule step 3 for one milestone. */
export function projectMilestone(m: MilestoneFacts, slip: ActionSlip, today: string): MilestoneProjection {
  const slipSources = slip.slips.map((s) => s.position);
  const sources = [...new Set([...m.sources, ...slipSources])].sort((a, b) => a - b);
  if (m.status === 'cancelled')
    return { projectedDate: null, projectedQuarter: null, why: 'Geannuleerd: wordt niet meer verwacht.', sources };
  if (m.status === 'achieved' && m.achievedOn) {
    return {
      projectedDate: m.achievedOn,
      projectedQuarter: quarterOf(m.achievedOn),
      why: `Behaald op ${dutchDate(m.achievedOn)}.`,
      sources,
    };
  }
  const history =
    slip.slips.length === 0
      ? `Actie ${m.actionCode} is nooit herpland (mediane verschuiving: geen)`
      : `Actie ${m.actionCode} is ${slip.slips.length === 1 ? '1 keer' : `${slip.slips.length} keer`} herpland (verschuivingen ${slip.slips.map((s) => shiftWords(s.days)).join(', ')}; mediaan ${shiftWords(slip.medianDays)}${slip.medianDays < 0 ? ', telt als geen verschuiving' : ''})`;
  const shifted = addDays(m.dueDate, slip.appliedDays);
  const projectedDate = shifted < today ? today : shifted;
  const arithmetic =
    slip.appliedDays === 0
      ? `huidige streefdatum ${dutchDate(m.dueDate)}`
      : `huidige streefdatum ${dutchDate(m.dueDate)}, ${shiftWords(slip.appliedDays)}: ${dutchDate(shifted)}`;
  const clamp =
    shifted < today ? `; die datum is voorbij en de mijlpaal is niet behaald, dus op zijn vroegst vandaag (${dutchDate(today)})` : '';
  return {
    projectedDate,
    projectedQuarter: quarterOf(projectedDate),
    why: `${history}; ${arithmetic}${clamp}, in het ${quarterLabel(quarterOf(projectedDate))}.`,
    sources,
  };
}
