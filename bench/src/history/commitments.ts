import { commitmentDecider, type CommitmentEvent, commitmentStream, type Due, resolveDue } from '@regie/commitments';
import type { DueCommitment } from '@regie/meetings';
import type { SyntheticAction } from './actions';
import type { Draw } from './draw';
import {
  amsterdam,
  type Context,
  LOOKAHEAD_DAYS,
  SCHEDULER,
  DAY,
  date,
  dayOf,
  dutch,
  follow,
  HOUR,
  inWords,
  MINUTE,
  MONTHS,
  officeHours,
  Stream,
  today,
} from './recorder';

/** By function only: `madeBy` names no person (persons: []), so nothing in it is personal data. */
const BEWINDSPERSONEN = [
  'Minister voor Langdurige Zorg en Sport',
  'Staatssecretaris Langdurige en Maatschappelijke Zorg',
  'Staatssecretaris Jeugd, Preventie en Sport',
  'Minister van Volksgezondheid, Welzijn en Sport',
];
const DEBATES = [
  'Commissiedebat Ggz/Suïcidepreventie',
  'Commissiedebat Langdurige zorg',
  'Tweeminutendebat Ggz/Suïcidepreventie',
  'Schriftelijk overleg Langdurige zorg',
];
const PROMISES: ((code: string, title: string) => string)[] = [
  (code, title) => `De Kamer informeren over de voortgang van actie ${code} (${title}).`,
  (code, title) => `De Kamer een brief sturen over de uitkomsten van actie ${code}: ${title}.`,
  (code) => `De Kamer informeren over de evaluatie van actie ${code} en de vervolgstappen die de partijen daarop zetten.`,
  (code) =>
    `Met de partijen van de werkagenda in gesprek gaan over de financiering van actie ${code} en de Kamer over de uitkomst berichten.`,
];
const POSTPONE_REASONS = [
  'Het onderzoek loopt uit; de resultaten volgen later.',
  'Eerst bespreken met de partijen in de regiegroep.',
  'De afstemming met gemeenten en zorgkantoren kost meer tijd.',
];
const WITHDRAW_REASONS = [
  'Opgegaan in de voortgangsbrief over de hele werkagenda.',
  'Niet meer nodig: de Kamer is in het debat op een andere manier geïnformeerd.',
];
const LETTERS = ['Voortgang werkagenda langdurige ggz', 'Uitkomsten van de evaluatie', 'Stand van zaken en vervolgstappen'];

/** A due date in words as a bewindspersoon says it; resolveDue takes it to the last day of the period, never before `target`. */
function dueWords(target: number, rnd: Draw): string {
  const at = new Date(target);
  const year = at.getUTCFullYear();
  const month = at.getUTCMonth();
  switch (rnd.int(0, 4)) {
    case 0:
      return date(target);
    case 1:
      return `eind ${year}`;
    case 2:
      return `Q${Math.floor(month / 3) + 1} ${year}`;
    case 3:
      return month <= 5 ? `voor de zomer ${year}` : month >= 8 && month <= 10 ? `najaar ${year}` : `${MONTHS[month]} ${year}`;
    default:
      return inWords(target);
  }
}

/** 3–4 toezeggingen a year over the werkagenda's four years. */
export function commitments(werkagendaId: string, start: number, actions: SyntheticAction[], ctx: Context): void {
  for (let year = 0; year < 4; year++) {
    for (let n = ctx.rnd.int(3, 4); n > 0; n--) commitment(werkagendaId, start + (year * 365 + ctx.rnd.int(7, 364)) * DAY, actions, ctx);
  }
}

/**
 * Meetings keeps every open toezegging with a date (inbound_commitment): registered, announced as
 * due soon, postponed or overdue it has its current date; fulfilled or withdrawn, it leaves.
 */
function commitmentRow(row: DueCommitment | null, event: CommitmentEvent): DueCommitment | null {
  switch (event.type) {
    case 'CommitmentRegistered': {
      const { commitmentId: id, text, due, actionCodes } = event.data;
      return due.date === null ? null : { id, text, dueDate: due.date, actionCodes };
    }
    case 'CommitmentDueSoon': {
      const { commitmentId: id, text, dueDate, actionCodes } = event.data;
      return { id, text, dueDate, actionCodes };
    }
    case 'CommitmentPostponed':
      return event.data.due.date === null ? null : row && { ...row, dueDate: event.data.due.date };
    case 'CommitmentBecameOverdue':
      return row && { ...row, dueDate: event.data.dueDate };
    case 'CommitmentFulfilled':
    case 'CommitmentWithdrawn':
      return null;
    default:
      return row;
  }
}

/**
 * Registered, then up to twice postponed, then fulfilled, withdrawn or left open. The jobs run
 * where the platform's would (the start of the day in Amsterdam, 42 days before the due date and
 * the day after it) before each of the coordinator's commands; the decider decides whether they
 * record anything (a toezegging fulfilled in time never becomes overdue).
 */
function commitment(werkagendaId: string, madeOn: number, actions: SyntheticAction[], ctx: Context): void {
  const { rnd, emit, coordinator } = ctx;
  const registered = officeHours(dayOf(madeOn) + rnd.int(0, 14) * DAY, rnd);
  const commitmentId = rnd.uuid(registered);
  const stream = new Stream(
    commitmentDecider,
    commitmentStream(commitmentId),
    emit,
    follow(ctx.inbound.commitments, commitmentId, commitmentRow),
  );
  const action = rnd.pick(actions);
  const other = rnd.pick(actions);
  const actionCodes = other !== action && rnd.chance(0.3) ? [action.key, other.key] : [action.key];
  const text = rnd.pick(PROMISES)(action.code, action.title);
  const madeAt = {
    date: date(madeOn),
    source: rnd.chance(0.5) ? `Kamerstuk 25 424, nr. ${rnd.int(400, 999)}` : `${rnd.pick(DEBATES)} (${dutch(madeOn)})`,
  };
  const due = resolveDue(dueWords(madeOn + rnd.int(60, 540) * DAY, rnd), madeAt.date);
  const madeBy = { text: rnd.pick(BEWINDSPERSONEN), persons: [] };
  stream.run(registered, coordinator, {
    type: 'RegisterCommitment',
    data: { commitmentId, text, madeBy, madeAt, due, actionCodes, externalRef: null, werkagendaId },
  });
  let at = registered;
  /** The due date the toezegging has now, by its stream's state. */
  const dueDay = () => Date.parse((stream.state.due as Due).date as string);
  /** The jobs for the current due date that run before the coordinator's next command (at `next`); they record what the decider decides. */
  const jobs = (next: number) => {
    const day = dueDay();
    const dueDate = date(day);
    const soon = Math.max(at + MINUTE, amsterdam(day - LOOKAHEAD_DAYS * DAY, 0) + rnd.int(1, 59) * 1000);
    if (soon < next) {
      const data = { commitmentId, dueDate, today: today(soon), lookaheadDays: LOOKAHEAD_DAYS };
      if (stream.run(soon, SCHEDULER, { type: 'MarkCommitmentDueSoon', data }).length > 0) at = soon;
    }
    const overdue = Math.max(at + MINUTE, amsterdam(day + DAY, 0) + rnd.int(1, 59) * 1000);
    if (overdue < next) {
      const data = { commitmentId, dueDate, today: today(overdue) };
      if (stream.run(overdue, SCHEDULER, { type: 'MarkCommitmentOverdue', data }).length > 0) at = overdue;
    }
  };
  for (let p = rnd.chance(0.25) ? rnd.int(1, 2) : 0; p > 0; p--) {
    const day = dueDay();
    const next = Math.max(at + HOUR, officeHours(day + rnd.int(-30, 15) * DAY, rnd));
    jobs(next);
    const postponed = resolveDue(dueWords(day + rnd.int(60, 270) * DAY, rnd), date(next));
    const source = rnd.chance(0.6) ? `Kamerbrief van ${dutch(next)}` : null;
    stream.run((at = next), coordinator, {
      type: 'PostponeCommitment',
      data: { commitmentId, due: postponed, reason: rnd.pick(POSTPONE_REASONS), source },
    });
  }
  const day = dueDay();
  const end = rnd.next();
  if (end < 0.85) {
    const next = Math.max(at + HOUR, officeHours(day + rnd.int(-45, 20) * DAY, rnd));
    jobs(next);
    const kenmerk = `${rnd.int(3_000_000, 4_999_999)}-${rnd.int(1_000_000, 1_099_999)}-LZ`;
    const document = { kenmerk, title: `Kamerbrief '${rnd.pick(LETTERS)}' (actie ${action.code})`, date: date(next) };
    stream.run(next, coordinator, { type: 'FulfilCommitment', data: { commitmentId, document, today: today(next) } });
  } else if (end < 0.92) {
    const next = Math.max(at + HOUR, officeHours(day + rnd.int(-60, 10) * DAY, rnd));
    jobs(next);
    const source = rnd.chance(0.5) ? `Kamerbrief van ${dutch(next)}` : null;
    stream.run(next, coordinator, { type: 'WithdrawCommitment', data: { commitmentId, reason: rnd.pick(WITHDRAW_REASONS), source } });
  } else {
    jobs(Infinity); // still open: announced, then overdue
  }
}
