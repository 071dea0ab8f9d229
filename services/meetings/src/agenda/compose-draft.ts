import { stableId } from '@regie/es-core';
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
const COLLECTS: Record<MeetingKind, { milestones: boolean; commitments: boolean }> = {
  kerngroep: { milestones: true, commitments: true },
  regiegroep: { milestones: true, commitments: true },
  evaluatie: { milestones: true, commitments: false },
  jaaroverleg: { milestones: false, commitments: false },
};

const STANDING_START = [
  ['opening', 'Opening'],
  ['vaststellen-agenda', 'Vaststellen agenda'],
  ['verslag', 'Verslag vorige keer'],
] as const;
const STANDING_END = [['rondvraag', 'Rondvraag en sluiting']] as const;

/** The id of an item composed from a source: the same on every composition, so it can be withdrawn or reordered. */
export const itemIdOf = (meetingId: string, type: AgendaSourceType, ref: string): string => stableId(`agenda:${meetingId}:${type}:${ref}`);

const DUTCH_DATE = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
/** Intl formatting costs microseconds and a date's words never change: each date is formatted once. */
const DUTCH_DATES = new Map<string, string>();
const dutchDate = (date: string) => {
  let words = DUTCH_DATES.get(date);
  if (words === undefined) DUTCH_DATES.set(date, (words = DUTCH_DATE.format(new Date(`${date}T12:00:00Z`))));
  return words;
};

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

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
  if (input.prepares)
    items.push(item('regiegroep-preparation', input.prepares.id, `Voorbereiding regiegroep van ${dutchDate(input.prepares.date)}`));
  if (input.isNext) {
    for (const k of input.knelpunten.filter((k) => k.escalatedTo === meeting.kind)) {
      items.push(item('knelpunt', k.id, `Knelpunt actie ${k.actionCode}: ${k.description}`));
    }
    if (COLLECTS[meeting.kind].milestones) {
      const due = input.milestones
        .filter((m) => m.status !== 'cancelled' && m.dueDate > input.previousDate && m.dueDate <= meeting.date)
        .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.actionCode.localeCompare(b.actionCode, 'nl', { numeric: true }));
      for (const m of due) {
        const state =
          m.status === 'achieved'
            ? `behaald${m.achievedOn ? ` op ${dutchDate(m.achievedOn)}` : ''}`
            : m.dueDate < input.today
              ? 'te laat'
              : 'vervalt';
        items.push(item('milestone', m.id, `Mijlpaal actie ${m.actionCode}: ${m.title} (streefdatum ${dutchDate(m.dueDate)}, ${state})`));
      }
    }
    if (COLLECTS[meeting.kind].commitments) {
      const horizon = addDays(meeting.date, input.lookaheadDays);
      const soon = input.commitments
        .filter((c) => c.dueDate > input.previousDate && c.dueDate <= horizon)
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
