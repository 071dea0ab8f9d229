import { daysBetween } from '@regie/calendar';

/** Still to be done: planned or in progress (achieved and cancelled milestones are closed). */
export const isOpen = (m: { status: string }): boolean => m.status === 'planned' || m.status === 'in_progress';

/**
 * *Te laat*, the one definition every count uses (projection, board; the actions context applies the
 * same rule): still open and its due date before today. Due today is not late yet; an achieved or
 * cancelled milestone is never late, whatever quarter it belongs to.
 */
export const isLate = (m: { status: string; dueDate: string }, today: string): boolean => isOpen(m) && m.dueDate < today;

/**
 * "behaald, te laat": a mijlpaal achieved after its due date, and by how many days; derived from
 * the facts, as late is. A mijlpaal still open past its date is `daysLate` days late on the day
 * asked about; any other has `daysLate` null.
 */
export function lateness(
  m: { status: string; dueDate: string; achievedOn: string | null },
  today: string,
): { achievedLate: boolean; daysLate: number | null } {
  if (isOpen(m)) return { achievedLate: false, daysLate: isLate(m, today) ? daysBetween(m.dueDate, today) : null };
  const achievedLate = m.status === 'achieved' && m.achievedOn !== null && m.achievedOn > m.dueDate;
  return { achievedLate, daysLate: achievedLate ? daysBetween(m.dueDate, m.achievedOn as string) : null };
}
