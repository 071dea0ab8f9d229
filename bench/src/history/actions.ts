import {
  actionDecider,
  actionStream,
  knelpuntDecider,
  type KnelpuntEvent,
  knelpuntStream,
  milestoneDecider,
  type MilestoneEvent,
  milestoneStream,
  partiesFrom,
  WERKAGENDA_SEED,
  werkagendaDecider,
  werkagendaStream,
} from '@regie/actions';
import { type Actor, actionKey } from '@regie/es-core';
import type { DueMilestone, OpenKnelpunt } from '@regie/meetings';
import { type Context, DAY, date, follow, HOUR, inWords, MINUTE, Stream, today } from './recorder';

const RAG = ['groen', 'groen', 'groen', 'oranje', 'oranje', 'rood'] as const;
const SUMMARIES = [
  'Op schema: de werkgroep heeft de uitgangspunten vastgesteld en de eerste bijeenkomst met de regio gehouden.',
  'Vertraging door capaciteitsgebrek bij de betrokken partijen; de planning wordt in de kerngroep besproken.',
  'De conceptrapportage is gedeeld met de partijen; reacties worden verwerkt voor de volgende regiegroep.',
  'Implementatie kost meer tijd dan voorzien; de afhankelijkheid van gemeentelijke inkoop is groter.',
];
const REPLAN_REASONS = [
  'Afhankelijkheid van de evaluatie',
  'Besluitvorming in de regiegroep schuift op',
  'Extra afstemming met zorgkantoren nodig',
];
const CANCEL_REASONS = ['Opgegaan in een andere mijlpaal', 'Niet meer nodig na besluit van de regiegroep'];
const KNELPUNTEN = [
  'Financiering na de pilotperiode is onzeker',
  'Gegevensdeling tussen gemeente en zorgkantoor ontbreekt',
  'Te weinig ervaringsdeskundigen beschikbaar',
];
const RESOLUTIONS = ['Besproken in de regiegroep; VWS stelt middelen beschikbaar', 'Convenant over gegevensdeling getekend'];

export interface SyntheticAction {
  /** The action key (`wa17:2.1`): streams, integration messages and read-model rows carry it. */
  key: string;
  /** The code within the werkagenda (`2.1`), as people read it. */
  code: string;
  title: string;
}

/** The beheerder who establishes every synthetic werkagenda (POST /api/v1/werkagendas). */
const BEHEERDER: Actor = { userId: 'beheerder', role: 'beheerder' };

/**
 * Werkagenda "wa<k>" set up as the beheer routes set one up: a beheerder establishes it with its
 * parties (POST /werkagendas), its coordinator adds the action lines (PATCH /werkagendas/{id}) and
 * defines the 12 actions of the real werkagenda (POST /werkagendas/{id}/actions: key
 * `wa<k>:<code>`, lead parties, no actiehouder persons). Then progress reports, a holder
 * sometimes assigned, milestones and knelpunten.
 */
export function werkagendaActions(werkagendaId: string, k: number, start: number, ctx: Context): SyntheticAction[] {
  const { rnd, emit, coordinator } = ctx;
  const seed = WERKAGENDA_SEED;
  const period = { from: date(start), to: date(start + 4 * 365 * DAY) };
  const werkagenda = new Stream(werkagendaDecider, werkagendaStream(werkagendaId), emit);
  werkagenda.run(start, BEHEERDER, {
    type: 'EstablishWerkagenda',
    data: { werkagendaId, title: `${seed.title} (synthetisch ${k})`, period, parties: partiesFrom({ ...seed, period }), actionLines: [] },
  });
  werkagenda.run(start + 30 * MINUTE, coordinator, {
    type: 'ReviseWerkagenda',
    data: { werkagendaId, actionLines: seed.actionLines.map(({ number, title }) => ({ number, title })) },
  });
  const actions = seed.actions.map((a) => ({ key: actionKey(werkagendaId, a.code), code: a.code, title: a.title }));
  seed.actions.forEach((a, i) => {
    const { key: code } = actions[i];
    const action = new Stream(actionDecider, actionStream(code), emit);
    const holder: Actor = { userId: `actiehouder-${code}`, role: 'actiehouder' };
    const defined = start + HOUR + i * MINUTE;
    const { actionLine, title, startActivities } = a;
    action.run(defined, coordinator, {
      type: 'DefineAction',
      data: {
        werkagendaId,
        code,
        actionLine,
        title,
        actionHolder: { parties: a.actionHolder.parties, description: '' },
        startActivities,
        actiehouderPersonIds: [],
      },
    });
    if (rnd.chance(0.5)) {
      const assigned = { parties: [rnd.pick(seed.parties).code], description: 'Actiehouder aangewezen in de mijlpalenplanning' };
      action.run(defined + rnd.int(7, 90) * DAY, coordinator, { type: 'AssignActionHolder', data: { code, actionHolder: assigned } });
    }
    const reports = rnd.int(18, 36);
    for (let j = 1; j <= reports; j++) {
      const at = defined + Math.floor((j * 1400 * DAY) / (reports + 1)) + rnd.int(0, HOUR);
      const reportedAt = new Date(at).toISOString();
      action.run(at, holder, {
        type: 'ReportProgress',
        data: { code, reportId: rnd.uuid(at), rag: rnd.pick(RAG), summary: rnd.pick(SUMMARIES), reportedAt },
      });
    }
    const titles = a.milestones.length
      ? a.milestones.map((m) => m.title)
      : ['Tussenrapportage aan de regiegroep', 'Plan van aanpak vastgesteld'];
    for (let j = rnd.int(4, 8); j > 0; j--) milestone(code, defined + rnd.int(1, 900) * DAY, `${rnd.pick(titles)} (${j})`, holder, ctx);
    for (let j = rnd.int(0, 4); j > 0; j--) knelpunt(code, defined + rnd.int(30, 1200) * DAY, holder, ctx);
  });
  return actions;
}

/** The row meetings keeps of a milestone (inbound_milestone): due milestones go on the agendas. */
function milestoneRow(row: DueMilestone | null, event: MilestoneEvent): DueMilestone | null {
  switch (event.type) {
    case 'MilestonePlanned': {
      const { milestoneId: id, actionCode, title, dueDate } = event.data;
      return { id, actionCode, title, dueDate, status: 'planned', achievedOn: null };
    }
    case 'MilestoneStarted':
      return row && { ...row, status: 'in_progress' };
    case 'MilestoneReplanned':
      return row && { ...row, dueDate: event.data.dueDate };
    case 'MilestoneAchieved':
      return row && { ...row, status: 'achieved', achievedOn: event.data.achievedOn };
    case 'MilestoneCancelled':
      return row && { ...row, status: 'cancelled' };
  }
}

/** Planned, then perhaps started, replanned up to twice, and achieved or cancelled or still open. */
function milestone(actionCode: string, planned: number, title: string, holder: Actor, ctx: Context): void {
  const { rnd, emit, coordinator } = ctx;
  const milestoneId = rnd.uuid(planned);
  const stream = new Stream(
    milestoneDecider,
    milestoneStream(milestoneId),
    emit,
    follow(ctx.inbound.milestones, milestoneId, milestoneRow),
  );
  let due = planned + rnd.int(30, 365) * DAY;
  let at = planned;
  const dueDateText = rnd.chance(0.3) ? inWords(due) : null;
  stream.run(at, holder, { type: 'PlanMilestone', data: { milestoneId, actionCode, title, dueDate: date(due), dueDateText } });
  if (rnd.chance(0.6)) {
    at += rnd.int(1, 60) * DAY;
    stream.run(at, holder, { type: 'StartMilestone', data: { milestoneId, startedOn: date(at) } });
  }
  for (let r = rnd.chance(0.35) ? rnd.int(1, 2) : 0; r > 0; r--) {
    due += rnd.int(30, 180) * DAY;
    at += rnd.int(1, 90) * DAY;
    stream.run(at, coordinator, { type: 'ReplanMilestone', data: { milestoneId, dueDate: date(due), reason: rnd.pick(REPLAN_REASONS) } });
  }
  const end = rnd.next();
  if (end < 0.6) {
    at += rnd.int(1, 120) * DAY;
    stream.run(at, holder, { type: 'AchieveMilestone', data: { milestoneId, achievedOn: date(at), today: today(at) } });
  } else if (end < 0.75) {
    at += rnd.int(1, 60) * DAY;
    stream.run(at, coordinator, { type: 'CancelMilestone', data: { milestoneId, reason: rnd.pick(CANCEL_REASONS) } });
  }
}

/** The row meetings keeps of a knelpunt (inbound_knelpunt): an open one escalated to an overlegvorm goes on its agendas. */
function knelpuntRow(row: OpenKnelpunt | null, event: KnelpuntEvent): OpenKnelpunt | null {
  switch (event.type) {
    case 'KnelpuntRaised': {
      const { knelpuntId: id, actionCode, description } = event.data;
      return { id, actionCode, description, escalatedTo: '' };
    }
    case 'KnelpuntEscalated':
      return row && { ...row, escalatedTo: event.data.to };
    case 'KnelpuntResolved':
      return null;
  }
}

/** Raised (sometimes escalated in the same command), perhaps escalated (further), mostly resolved. */
function knelpunt(actionCode: string, raised: number, holder: Actor, ctx: Context): void {
  const { rnd, emit, coordinator } = ctx;
  const knelpuntId = rnd.uuid(raised);
  const stream = new Stream(knelpuntDecider, knelpuntStream(knelpuntId), emit, follow(ctx.inbound.knelpunten, knelpuntId, knelpuntRow));
  const description = rnd.pick(KNELPUNTEN);
  const escalateTo = rnd.chance(0.2) ? rnd.pick(['kerngroep', 'regiegroep'] as const) : undefined;
  const raisedAt = new Date(raised).toISOString();
  stream.run(raised, holder, { type: 'RaiseKnelpunt', data: { knelpuntId, actionCode, description, raisedAt, escalateTo } });
  let at = raised;
  // The coordinator escalates one that is not yet with the regiegroep, the highest level.
  const level = stream.state.escalatedTo;
  if (level !== 'regiegroep' && rnd.chance(0.4)) {
    const to = level === null ? rnd.pick(['kerngroep', 'regiegroep'] as const) : 'regiegroep';
    at += rnd.int(7, 60) * DAY;
    stream.run(at, coordinator, { type: 'EscalateKnelpunt', data: { knelpuntId, to } });
  }
  if (rnd.chance(0.7)) {
    at += rnd.int(14, 180) * DAY;
    const resolvedAt = new Date(at).toISOString();
    stream.run(at, coordinator, { type: 'ResolveKnelpunt', data: { knelpuntId, resolution: rnd.pick(RESOLUTIONS), resolvedAt } });
  }
}
