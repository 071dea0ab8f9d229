import { daysBetween } from '@regie/calendar';

/**
 * "behaald, te laat": a mijlpaal achieved after its due date, and by how many days; derived from
 * the facts, as late is. A mijlpaal still open past its date is `daysLate` days late on the day
 * asked about; any other has `daysLate` null.
 */
export function lateness(
  m: { status: string; dueDate: string; achievedOn: string | null },
  today: string,
): { achievedLate: boolean; daysLate: number | null } {
  const open = m.status === 'planned' || m.status === 'in_progress';
  if (open) return { achievedLate: false, daysLate: m.dueDate < today ? daysBetween(m.dueDate, today) : null };
  const achievedLate = m.status === 'achieved' && m.achievedOn !== null && m.achievedOn > m.dueDate;
  return { achievedLate, daysLate: achievedLate ? daysBetween(m.dueDate, m.achievedOn as string) : null };
}
