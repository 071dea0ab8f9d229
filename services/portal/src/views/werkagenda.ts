import type { ActionSummary, MilestoneSummary } from '../api/regie-api.models';

/** The next mijlpaal of an action: the earliest that is neither achieved nor cancelled (late ones first, being earliest). */
export function nextMilestone(milestones: MilestoneSummary[]): MilestoneSummary | undefined {
  return milestones
    .filter((m) => m.status !== 'achieved' && m.status !== 'cancelled')
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.title.localeCompare(b.title, 'nl'))[0];
}

/** Actions grouped by actielijn, in code order (`2.10` after `2.9`). */
export function byActionLine(actions: ActionSummary[]): Map<number, ActionSummary[]> {
  const lines = new Map<number, ActionSummary[]>();
  for (const action of [...actions].sort((a, b) => a.code.localeCompare(b.code, 'nl', { numeric: true }))) {
    lines.set(action.actionLine, [...(lines.get(action.actionLine) ?? []), action]);
  }
  return lines;
}

export const lateCount = (actions: ActionSummary[]): number => actions.reduce((n, a) => n + a.milestones.filter((m) => m.late).length, 0);

/** "VNG (Jan Jansen)", "VWS", or that no actiehouder has been named yet. */
export function holderText(holder: ActionSummary['actionHolder']): string {
  const parties = holder.parties.join(', ');
  if (holder.person) return parties ? `${parties} (${holder.person})` : holder.person;
  return parties || 'Nog niet benoemd';
}
