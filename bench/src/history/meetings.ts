import type { Actor } from '@regie/es-core';
import {
  type AgendaItem,
  composeDraft,
  DECISION_KINDS,
  type DecisionKind,
  meetingDecider,
  type MeetingKind,
  meetingStream,
  preparations,
  type SeriesDefinition,
} from '@regie/meetings';
import { addMonths, defineSeries, LIFECYCLE, liveAsOf, type Occurrence, startAsOf, startIsoAsOf } from './meeting-plan';
import {
  asOf,
  type Context,
  LOOKAHEAD_DAYS,
  SCHEDULER,
  DAY,
  date,
  dayOf,
  type Inbound,
  iso,
  MINUTE,
  officeHours,
  Stream,
  today,
} from './recorder';

const AGENDA_ITEMS = [
  "Stand van zaken pilotregio's",
  'Terugkoppeling uit het bestuurlijk overleg',
  'Communicatie over de werkagenda',
  'Monitoring: eerste resultaten',
  'Inbreng van ervaringsdeskundigen',
];
const DECISIONS: Record<DecisionKind, string[]> = {
  operationeel: [
    'De werkgroep werkt het plan van aanpak uit voor de volgende kerngroep.',
    'De voortgangsrapportage wordt met de partijen gedeeld.',
    'De mijlpaal wordt opnieuw gepland na overleg met de actiehouder.',
  ],
  strategisch: [
    'De regiegroep stemt in met de bijgestelde planning van de werkagenda.',
    "De regiegroep besluit de pilot uit te breiden naar twee regio's.",
    'De middelen voor de evaluatie worden vrijgemaakt.',
  ],
};
const MEETING_RESCHEDULE_REASONS = [
  'Valt samen met een debat in de Kamer',
  'De voorzitter is verhinderd',
  'Te weinig deelnemers beschikbaar',
];
const MEETING_CANCEL_REASONS = ['Geen agendapunten', 'Zomerreces', 'Vervalt: de onderwerpen komen in het volgende overleg'];

/** What a meeting's agenda is composed from, besides the meeting itself. */
interface Surroundings {
  series: SeriesDefinition;
  occurrences: Occurrence[];
  plan: Map<MeetingKind, Occurrence[]>;
  byId: Map<string, Occurrence>;
  inbound: Inbound;
}

/** The four series of a werkagenda and their meetings over its period: scheduled, then a realistic part of their lifecycle. */
export function meetings(werkagendaId: string, start: number, end: number, ctx: Context): void {
  const director: Actor = { userId: `director-${werkagendaId}`, role: 'director' };
  // The platform reads knelpunten ORDER BY id, milestones and toezeggingen in no order (ties then keep it): by id, all three.
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
  const { inbound } = ctx;
  inbound.milestones.sort(byId);
  inbound.knelpunten.sort(byId);
  inbound.commitments.sort(byId);
  const series = defineSeries(werkagendaId, start, end, ctx.rnd, ctx.emit);
  const plan = new Map(series.map((s) => [s.definition.kind as MeetingKind, s.occurrences]));
  const meetingsById = new Map(series.flatMap((s) => s.occurrences.map((o) => [o.meetingId, o] as const)));
  for (const { definition, occurrences } of series) {
    const around: Surroundings = { series: definition, occurrences, plan, byId: meetingsById, inbound };
    for (const o of occurrences) meeting(o, around, director, ctx);
  }
}

/**
 * Scheduled by the horizon job (12 months ahead), perhaps rescheduled or cancelled; then items
 * added and the agenda published, held, besluiten recorded (strategisch by a director) and the
 * minutes approved, each with a chance per overlegvorm. The published agenda is what PublishAgenda
 * publishes in the platform: the draft composeDraft makes at that moment from the read model then.
 */
function meeting(o: Occurrence, around: Surroundings, director: Actor, ctx: Context): void {
  const { rnd, emit, coordinator } = ctx;
  const { meetingId } = o;
  const stream = new Stream(meetingDecider, meetingStream(meetingId), emit);
  const duration = around.series.durationMinutes * MINUTE;
  const life = LIFECYCLE[o.kind];
  stream.run(o.scheduledAt, SCHEDULER, {
    type: 'ScheduleMeeting',
    data: {
      meetingId,
      seriesId: o.seriesId,
      kind: o.kind,
      index: o.index,
      nominalDate: date(o.nominal),
      movedBecause: o.day !== o.nominal ? 'weekend' : null,
      startsAt: o.startsAtIso,
      endsAt: iso(o.startsAt + duration),
    },
  });
  let at = o.scheduledAt;
  if (o.cancelledAt !== null) {
    stream.run(o.cancelledAt, coordinator, { type: 'CancelMeeting', data: { meetingId, reason: rnd.pick(MEETING_CANCEL_REASONS) } });
    return;
  }
  if (o.moved) {
    at = o.moved.at;
    const reason = rnd.pick(MEETING_RESCHEDULE_REASONS);
    // The plan may move a meeting onto a feestdag: the coordinator confirms it (the events are the same).
    stream.run(at, coordinator, {
      type: 'RescheduleMeeting',
      data: { meetingId, startsAt: o.moved.toIso, reason, now: iso(at), confirmHoliday: true },
    });
  }
  const startsAt = o.moved?.to ?? o.startsAt;
  const day = dayOf(startsAt); // meetings start between 08:00 and 13:00 UTC: the UTC date is the local one
  const publish = rnd.chance(life.publish);
  if (publish) {
    const manual: { id: string; title: string }[] = [];
    for (let n = rnd.int(...life.items); n > 0; n--) {
      at = Math.max(at + MINUTE, officeHours(day - rnd.int(8, 14) * DAY, rnd));
      const item = { id: rnd.uuid(at), title: rnd.pick(AGENDA_ITEMS) };
      manual.push(item);
      stream.run(at, coordinator, { type: 'AddAgendaItem', data: { meetingId, itemId: item.id, title: item.title } });
    }
    at = Math.max(at + MINUTE, officeHours(day - rnd.int(3, 7) * DAY, rnd));
    stream.run(at, coordinator, { type: 'PublishAgenda', data: { meetingId, items: agenda(o, day, around, manual, at) } });
  }
  if (!rnd.chance(life.held)) return; // past, but never marked held
  at = Math.max(at + MINUTE, startsAt + duration + rnd.int(5, 24 * 60) * MINUTE);
  // Holding freezes a draft never published: the agenda as composed then is published with it
  // (held after its end, it is no longer the series' next meeting and collects nothing).
  const draft = publish ? [] : agenda(o, day, around, [], at, at <= startsAt + duration);
  stream.run(at, coordinator, { type: 'MarkMeetingHeld', data: { meetingId, now: iso(at), draft } });
  for (let n = rnd.int(...life.decisions); n > 0; n--) {
    const decisionKind: DecisionKind = DECISION_KINDS[o.kind].includes('strategisch') && rnd.chance(0.5) ? 'strategisch' : 'operationeel';
    at += rnd.int(1, 15) * MINUTE;
    // Only a director records a strategic besluit (MeetingRecordController).
    stream.run(at, decisionKind === 'strategisch' ? director : coordinator, {
      type: 'RecordDecision',
      data: { meetingId, decisionId: rnd.uuid(at), text: rnd.pick(DECISIONS[decisionKind]), decisionKind },
    });
  }
  if (rnd.chance(life.minutes)) {
    at = Math.max(at + MINUTE, officeHours(day + rnd.int(7, 28) * DAY, rnd));
    stream.run(at, coordinator, { type: 'ApproveMinutes', data: { meetingId, now: iso(at) } });
  }
}

/**
 * The agenda the platform publishes at `at` (MeetingsQueries.agendaOf, then composeDraft): the
 * previous meeting of the series, the regiegroep a kerngroep prepares, what the meetings read
 * model holds of this werkagenda's milestones, knelpunten and toezeggingen, the added items.
 */
function agenda(
  o: Occurrence,
  day: number,
  around: Surroundings,
  manual: { id: string; title: string }[],
  at: number,
  isNext = true,
): AgendaItem[] {
  const { occurrences, inbound } = around;
  let previous: number | null = null;
  for (let i = o.index - 1; i >= 0 && previous === null; i--) {
    const p = occurrences[i];
    if (liveAsOf(p, at) && startAsOf(p, at) < startAsOf(o, at)) previous = dayOf(startAsOf(p, at));
  }
  const { unit, every } = around.series.interval;
  previous ??= unit === 'weeks' ? day - 7 * every * DAY : addMonths(day, -every);
  return composeDraft({
    meeting: { id: o.meetingId, kind: o.kind, date: date(day) },
    isNext, // the earlier ones have ended: before its end this is the series' next scheduled meeting
    previousDate: date(previous),
    prepares: o.kind === 'kerngroep' ? prepared(o, around, at) : null,
    knelpunten: asOf(inbound.knelpunten, at),
    milestones: asOf(inbound.milestones, at),
    commitments: asOf(inbound.commitments, at),
    actionPoints: [],
    manual,
    withdrawn: [],
    order: null,
    today: today(at),
    lookaheadDays: LOOKAHEAD_DAYS,
  });
}

/** The regiegroep this kerngroep prepares by the platform's `preparations`, over the meetings scheduled and not cancelled at `at`. */
function prepared(kerngroep: Occurrence, around: Surroundings, at: number): { id: string; date: string } | null {
  const slots = (kind: MeetingKind) =>
    (around.plan.get(kind) as Occurrence[]).filter((x) => liveAsOf(x, at)).map((x) => ({ id: x.meetingId, startsAt: startIsoAsOf(x, at) }));
  const regie = around.byId.get(preparations(slots('kerngroep'), slots('regiegroep')).get(kerngroep.meetingId) ?? '');
  return regie ? { id: regie.meetingId, date: date(dayOf(startAsOf(regie, at))) } : null;
}
