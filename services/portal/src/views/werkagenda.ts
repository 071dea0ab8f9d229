import type { ActionSummary, Me, MilestoneSummary, Person, Region, RegionStatus } from '../api/regie-api.models';
import { formatMonth } from './format';
import { compareDutch, compareCodes } from '@regie/calendar';

/** The action's page: its key in the path, encoded (`actieplan-dakloos-wlz-2025%3A1.1`). */
export const actionHref = (key: string): string => `/acties/${encodeURIComponent(key)}`;

/**
 * A service's sentence with action keys in it ("Actie actieplan-dakloos-wlz-2025:1.1 is nooit
 * herpland") as people read it: the code within the werkagenda ("Actie 1.1 is nooit herpland").
 */
export const readableKeys = (text: string): string => text.replace(/\b[a-z][a-z0-9]*(?:-[a-z0-9]+)+:(\d+(?:\.\d+)*)\b/g, '$1');

/** How people name an action: by its code within the werkagenda ("actie 1.1"), never by its key. */
export const actionName = (action: { code: string }): string => `actie ${action.code}`;

export const REGION_STATUS_LABEL: Record<RegionStatus, string> = {
  aangemeld: 'aangemeld',
  gestart: 'gestart',
  plan_van_aanpak_gereed: 'plan van aanpak gereed',
  afgerond: 'afgerond',
};

/** "juli 2025 tot en met mei 2026", or that no period was given. */
export function regionPeriod(region: Pick<Region, 'period'>): string {
  if (!region.period) return 'geen looptijd bekend';
  const from = formatMonth(region.period.from.slice(0, 7));
  const to = formatMonth(region.period.to.slice(0, 7));
  return from === to ? from : `${from} tot en met ${to}`;
}

/** The next mijlpaal of an action: the earliest that is neither achieved nor cancelled (late ones first, being earliest). */
export function nextMilestone(milestones: MilestoneSummary[]): MilestoneSummary | undefined {
  return milestones
    .filter((m) => m.status !== 'achieved' && m.status !== 'cancelled')
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || compareDutch(a.title, b.title))[0];
}

/** Actions grouped by actielijn, in code order (`2.10` after `2.9`). */
export function byActionLine(actions: ActionSummary[]): Map<number, ActionSummary[]> {
  const lines = new Map<number, ActionSummary[]>();
  for (const action of [...actions].sort((a, b) => compareCodes(a.code, b.code))) {
    lines.set(action.actionLine, [...(lines.get(action.actionLine) ?? []), action]);
  }
  return lines;
}

export const lateCount = (actions: ActionSummary[]): number => actions.reduce((n, a) => n + a.milestones.filter((m) => m.late).length, 0);

/**
 * The actiehouders of an action by name, from the people directory (the action holds their ids).
 * A linked person the directory no longer lists (forgotten) is said so; the viewer who is that
 * person is named by their own name.
 */
export function actiehouderNames(
  action: Pick<ActionSummary, 'actiehouderPersonIds'>,
  people: readonly Pick<Person, 'id' | 'name'>[] = [],
  me?: Pick<Me, 'name' | 'personId'>,
): string[] {
  const byId = new Map(people.map((person) => [person.id, person.name] as const));
  return action.actiehouderPersonIds.map((id) => byId.get(id) ?? (me?.personId === id ? me.name : 'naam niet meer bekend'));
}

/** "VNG (Jan Jansen)", "VWS", or that no actiehouder has been named yet: never an id. */
export function holderText(holder: ActionSummary['actionHolder'], names: readonly string[] = []): string {
  const parties = holder.parties.join(', ');
  const persons = names.length > 0 ? names.join(', ') : holder.person;
  if (persons) return parties ? `${parties} (${persons})` : persons;
  return parties || 'Nog niet benoemd';
}
