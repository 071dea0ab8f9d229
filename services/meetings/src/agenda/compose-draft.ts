import { addDays, dutchDate, quarterLabel, quarterOf, compareCodes } from '@regie/calendar';
import { actionCodeOf, stableId } from '@regie/es-core';
import type { AgendaItem, AgendaSourceType } from '../meeting/meeting';
import type { MeetingKind } from '../series/meeting-series';

export interface OpenKnelpunt {
  id: string;
  actionCode: string;
  description: string;
  escalatedTo: string;
}
export interface DueMilestone {
  id: string;
  actionCode: string;
  title: string;
  dueDate: string;
  status: string;
  achievedOn: string | null;
}
/** An open toezegging (not fulfilled or withdrawn) with its current due date. */
export interface DueCommitment {
  id: string;
  text: string;
  dueDate: string;
  actionCodes: string[];
}
/** The owner is personal data and never part of an agenda title (a published agenda is frozen in an event). */
export interface OpenActionPoint {
  id: string;
  text: string;
  dueDate: string;
}

/** Everything a draft is composed from; gathered by the queries from meetings' own tables. */
export interface DraftInput {
  meeting: { id: string; kind: MeetingKind; date: string };
  /** Only the next meeting of its series collects what happened elsewhere. */
  isNext: boolean;
  /** Local date of the previous meeting of the series, or the meeting date minus one interval. */
  previousDate: string;
  /** The regiegroep this kerngroep prepares (local date), if any. */
  prepares: { id: string; date: string } | null;
  /**
   * The published versions of quarterly projections the meetings context has heard of
   * (quarter → latest version); a regiegroep reviews the one of its own quarter.
   */
  publishedProjections?: Record<string, { version: number; publishedOn: string }>;
  knelpunten: OpenKnelpunt[];
  milestones: DueMilestone[];
  commitments: DueCommitment[];
  actionPoints: OpenActionPoint[];
  manual: { id: string; title: string }[];
  withdrawn: string[];
  order: string[] | null;
  today: string;
  lookaheadDays: number;
}

/** What each overlegvorm collects from the other contexts (werkagenda §4 "Doel"). */
const COLLECTS: Record<MeetingKind, { milestones: boolean; commitments: boolean; overdue: boolean }> = {
  kerngroep: { milestones: true, commitments: true, overdue: true },
  regiegroep: { milestones: true, commitments: true, overdue: true },
  evaluatie: { milestones: true, commitments: false, overdue: false },
  jaaroverleg: { milestones: false, commitments: false, overdue: false },
  // A coordinator's own overleg (or a kleinschalig one around an action): standing items and what is put on it.
  overleg: { milestones: false, commitments: false, overdue: false },
};

const OPEN_MILESTONE = (status: string) => status !== 'achieved' && status !== 'cancelled';
const byCode = compareCodes;

/** "Kwartaalprojectie 1e kwartaal 2027", with its published version once there is one. */
const projectionTitle = (quarter: string, published: { version: number; publishedOn: string } | undefined) =>
  `Kwartaalprojectie ${quarterLabel(quarter)}` +
  (published ? ` (gepubliceerd op ${dutchDate(published.publishedOn)}, versie ${published.version})` : ' (nog niet gepubliceerd)');

/**
 * Late, open mijlpalen of one action as one item: nine late pilot plans are one readable point,
 * each named with its due date unless they share it.
 */
function lateMilestonesTitle(code: string, late: DueMilestone[]): string {
  const since = late[0].dueDate;
  if (late.length === 1) return `Mijlpaal actie ${actionCodeOf(code)} te laat sinds ${dutchDate(since)}: ${late[0].title}`;
  const sameDate = late.every((m) => m.dueDate === since);
  const names = late.map((m) => (sameDate ? m.title : `${m.title} (streefdatum ${dutchDate(m.dueDate)})`)).join('; ');
  return `${late.length} mijlpalen actie ${actionCodeOf(code)} te laat sinds ${dutchDate(since)}: ${names}`;
}

const STANDING_START = [
  ['opening', 'Opening'],
  ['vaststellen-agenda', 'Vaststellen agenda'],
  ['verslag', 'Verslag vorige keer'],
] as const;
const STANDING_END = [['rondvraag', 'Rondvraag en sluiting']] as const;

/** The id of an item composed from a source: the same on every composition, so it can be withdrawn or reordered. */
export const itemIdOf = (meetingId: string, type: AgendaSourceType, ref: string): string => stableId(`agenda:${meetingId}:${type}:${ref}`);

/**
 * The draft agenda of a meeting: standing items, then what the other contexts' events put on
 * it, then the coordinator's own items, then the rondvraag; minus withdrawn items, in the
 * coordinator's order where given. Pure: the same input always gives the same agenda.
 */
export function composeDraft(input: DraftInput): AgendaItem[] {
  const { meeting } = input;
  const item = (type: AgendaSourceType, ref: string, title: string) => ({
    id: itemIdOf(meeting.id, type, ref),
    title,
    source: { type, ref },
  });
  const items: Omit<AgendaItem, 'order'>[] = STANDING_START.map(([ref, title]) => item('standing', ref, title));
  const quarter = quarterOf(meeting.date);
  if (meeting.kind === 'regiegroep')
    items.push(item('projection', quarter, projectionTitle(quarter, input.publishedProjections?.[quarter])));
  if (input.prepares) {
    const theirs = quarterOf(input.prepares.date);
    items.push(
      item(
        'regiegroep-preparation',
        input.prepares.id,
        `Voorbereiding regiegroep van ${dutchDate(input.prepares.date)}, met de kwartaalprojectie ${quarterLabel(theirs)}`,
      ),
    );
  }
  if (input.isNext) {
    for (const k of input.knelpunten.filter((k) => k.escalatedTo === meeting.kind)) {
      items.push(item('knelpunt', k.id, `Knelpunt actie ${actionCodeOf(k.actionCode)}: ${k.description}`));
    }
    const carriesOverdue = COLLECTS[meeting.kind].overdue;
    if (COLLECTS[meeting.kind].commitments) {
      // Past its date and still open: on every next draft until fulfilled, withdrawn or postponed.
      const late = carriesOverdue ? input.commitments.filter((c) => c.dueDate < input.today) : [];
      for (const c of [...late].sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.id.localeCompare(b.id))) {
        items.push(item('commitment', c.id, `Toezegging te laat sinds ${dutchDate(c.dueDate)}: ${c.text}`));
      }
    }
    if (COLLECTS[meeting.kind].milestones) {
      const lateOpen = carriesOverdue ? input.milestones.filter((m) => OPEN_MILESTONE(m.status) && m.dueDate < input.today) : [];
      const codes = [...new Set(lateOpen.map((m) => m.actionCode))].sort(byCode);
      for (const code of codes) {
        const late = lateOpen
          .filter((m) => m.actionCode === code)
          .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || compareCodes(a.title, b.title));
        items.push(item('late-milestones', code, lateMilestonesTitle(code, late)));
      }
      const grouped = new Set(lateOpen.map((m) => m.id));
      const due = input.milestones
        .filter((m) => !grouped.has(m.id) && m.status !== 'cancelled' && m.dueDate > input.previousDate && m.dueDate <= meeting.date)
        .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || byCode(a.actionCode, b.actionCode));
      for (const m of due) {
        const state =
          m.status === 'achieved'
            ? `behaald${m.achievedOn ? ` op ${dutchDate(m.achievedOn)}` : ''}${m.achievedOn && m.achievedOn > m.dueDate ? ', te laat' : ''}`
            : m.dueDate < input.today
              ? 'te laat'
              : 'vervalt';
        items.push(
          item(
            'milestone',
            m.id,
            `Mijlpaal actie ${actionCodeOf(m.actionCode)}: ${m.title} (streefdatum ${dutchDate(m.dueDate)}, ${state})`,
          ),
        );
      }
    }
    if (COLLECTS[meeting.kind].commitments) {
      const horizon = addDays(meeting.date, input.lookaheadDays);
      const soon = input.commitments
        .filter((c) => !(carriesOverdue && c.dueDate < input.today) && c.dueDate > input.previousDate && c.dueDate <= horizon)
        .sort((a, b) => a.dueDate.localeCompare(b.dueDate));
      for (const c of soon) items.push(item('commitment', c.id, `Toezegging (uiterlijk ${dutchDate(c.dueDate)}): ${c.text}`));
    }
    for (const a of [...input.actionPoints].sort((x, y) => x.dueDate.localeCompare(y.dueDate))) {
      const overdue = a.dueDate < input.today ? ', over de termijn' : '';
      items.push(item('action-point', a.id, `Actiepunt: ${a.text} (uiterlijk ${dutchDate(a.dueDate)}${overdue})`));
    }
  }
  for (const m of input.manual) items.push({ id: m.id, title: m.title, source: { type: 'manual', ref: m.id } });
  items.push(...STANDING_END.map(([ref, title]) => item('standing', ref, title)));
  const kept = items.filter((i) => !input.withdrawn.includes(i.id));
  return applyOrder(kept, input.order).map((i, n) => ({ ...i, order: n + 1 }));
}

/**
 * The coordinator's order for the items it names; an item it does not name (new since the
 * reorder) keeps its place after the item that precedes it in the default order.
 */
export function applyOrder<T extends { id: string }>(items: T[], order: string[] | null): T[] {
  if (!order) return items;
  const byId = new Map(items.map((i) => [i.id, i]));
  const result = order.filter((id) => byId.has(id)).map((id) => byId.get(id) as T);
  items.forEach((i, n) => {
    if (result.includes(i)) return;
    const predecessor = items
      .slice(0, n)
      .reverse()
      .find((p) => result.includes(p));
    result.splice(predecessor ? result.indexOf(predecessor) + 1 : 0, 0, i);
  });
  return result;
}
