import type { Commitment, CommitmentSummary, Due } from '../api/regie-api.models';
import { formatDate } from './format';
import { eventLabel } from './labels';

/** Overdue first (they need action), then by due date; those without a date last. */
export const commitmentOrder = (a: CommitmentSummary, b: CommitmentSummary): number =>
  Number(b.status === 'overdue') - Number(a.status === 'overdue') || (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999');

/** `"2.1, 0 ;3.2"` → `['2.1', '0', '3.2']`. */
export const parseActionCodes = (text: string | undefined): string[] =>
  (text ?? '')
    .split(/[\s,;]+/)
    .map((code) => code.trim())
    .filter(Boolean);

export interface HistoryLine {
  at: string;
  actor: string;
  what: string;
  detail?: string;
}

/**
 * A toezegging's history in the user's words: each recorded change with who and when, and the
 * details the API keeps for it (a postponement's new date and reason, the fulfilling document…).
 */
export function commitmentHistory(c: Commitment): HistoryLine[] {
  let postponement = 0;
  return c.history.map((h) => {
    const line: HistoryLine = { at: h.at, actor: h.actor, what: eventLabel(h.type) };
    if (h.type === 'CommitmentRegistered') line.detail = `Termijn: ${dueText(c.originalDue)}.`;
    if (h.type === 'CommitmentPostponed') {
      const p = c.postponements[postponement++];
      if (p)
        line.detail = `Van ${dueText(p.previousDue)} naar ${dueText(p.due)}. Reden: ${p.reason}${p.source ? ` (bron: ${p.source})` : ''}`;
    }
    if (h.type === 'CommitmentFulfilled' && c.fulfilment) {
      const d = c.fulfilment.document;
      line.detail = `Met ${documentText(d)}.`;
    }
    if (h.type === 'CommitmentWithdrawn' && c.withdrawal) line.detail = `Reden: ${c.withdrawal.reason}`;
    if (h.type === 'CommitmentBecameOverdue')
      line.detail = 'De termijn is verstreken zonder dat de toezegging is nagekomen (vastgelegd door de termijnbewaking).';
    return line;
  });
}

/** "najaar 2026 (30 november 2026)", "30 november 2026", or the words alone when there is no date. */
export const dueText = (due: Due): string => {
  if (!due.date) return due.text ?? 'geen termijn';
  return due.text && due.text !== due.date ? `${due.text} (${formatDate(due.date)})` : formatDate(due.date);
};

export const documentText = (d: { title: string; kenmerk: string | null; date: string | null }): string =>
  [d.title, d.kenmerk && `kenmerk ${d.kenmerk}`, d.date && formatDate(d.date)].filter(Boolean).join(', ');
