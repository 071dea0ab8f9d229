import { dutchDate, inQuarter, type Quarter, quarterLabel, compareCodes } from '@regie/calendar';
import { actionCodeOf } from '@regie/es-core';
import {
  type DirectionFact,
  FORECAST_METHOD,
  forecastIndicator,
  type MeasurementFact,
  type TargetFact,
  type TargetVersionFact,
  targetsValidAt,
} from './forecast';
import { actionSlip, type ActionSlip, type MilestoneFacts, projectMilestone } from './slip';
import { isLate, isOpen, lateness } from '../shared/lateness';

export interface ActionFacts {
  code: string;
  actionLine: number;
  title: string;
}

export type CommitmentStatus = 'open' | 'postponed' | 'overdue' | 'fulfilled' | 'withdrawn';

export interface CommitmentFacts {
  id: string;
  text: string;
  dueText: string;
  dueDate: string | null;
  status: CommitmentStatus;
  actionCodes: string[];
  sources: number[];
}

export interface IndicatorFacts {
  id: string;
  title: string;
  unit: string;
  baseline: { value: number; reference: string; text: string; source: string } | null;
  /** The targets valid now. */
  targets: TargetFact[];
  /** Every set of targets with the day it applies from; the projection uses the set valid at the quarter's end. */
  targetHistory?: TargetVersionFact[];
  /** Lower is better when not given (the targets recorded before were upper bounds). */
  direction?: DirectionFact;
  measurements: MeasurementFact[];
  sources: number[];
}

export interface ProjectionInput {
  quarter: Quarter;
  today: string;
  computedAt: string;
  actions: ActionFacts[];
  milestones: MilestoneFacts[];
  commitments: CommitmentFacts[];
  indicators: IndicatorFacts[];
}

export const RULES = {
  milestones:
    'Mediane verschuiving per actie: de mediaan van alle herplanningen (nieuwe − vorige streefdatum, in dagen) van de mijlpalen van de actie, ' +
    'minimaal 0; een open mijlpaal wordt verwacht op huidige streefdatum + die mediaan, en niet eerder dan vandaag. Behaald: op de datum van behalen.',
  commitmentsAtRisk:
    'Een toezegging is in gevaar als zij in het kwartaal (of eerder) vervalt, niet is nagekomen of ingetrokken, en: zij over de termijn is, ' +
    'of een gekoppelde actie (actionCodes) een mijlpaal heeft die te laat is, of een open mijlpaal die vóór de termijn gepland stond maar na de termijn wordt verwacht.',
  rag:
    'Per actielijn: rood als een mijlpaal van de lijn te laat is (streefdatum voorbij, niet behaald) of een gekoppelde toezegging over de termijn is; ' +
    'anders oranje als een mijlpaal die in het kwartaal valt naar een later kwartaal wordt verwacht, of een gekoppelde toezegging in gevaar is; ' +
    'anders groen; grijs als de lijn geen (niet-geannuleerde) mijlpalen heeft.',
  forecast: FORECAST_METHOD,
} as const;

const PENDING = new Set<CommitmentStatus>(['open', 'postponed', 'overdue']);
function groupBy<T>(values: T[], keyOf: (value: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const value of values) {
    const group = groups.get(keyOf(value));
    if (group) group.push(value);
    else groups.set(keyOf(value), [value]);
  }
  return groups;
}

const uniq = (positions: number[]): number[] => [...new Set(positions)].sort((a, b) => a - b);

/** The quarterly projection, computed from facts only: a pure function of its input. */
export function computeProjection(input: ProjectionInput) {
  const { quarter, today } = input;
  const lineOf = new Map(input.actions.map((a) => [a.code, a.actionLine]));
  const slips = new Map<string, ActionSlip>();
  const milestonesOf = groupBy(input.milestones, (m) => m.actionCode);
  const slipOf = (code: string) => slips.get(code) ?? slips.set(code, actionSlip(code, milestonesOf.get(code) ?? [])).get(code)!;

  const items = input.milestones.map((m) => {
    const projection = projectMilestone(m, slipOf(m.actionCode), today);
    const open = isOpen(m);
    const late = isLate(m, today);
    return {
      id: m.id,
      actionCode: m.actionCode,
      actionLine: m.actionLine ?? lineOf.get(m.actionCode) ?? null,
      title: m.title,
      dueDate: m.dueDate,
      originalDueDate: m.originalDueDate,
      status: late ? 'late' : m.status,
      late,
      ...lateness(m, today),
      replannedTimes: m.replans.length,
      achievedOn: m.achievedOn,
      ...projection,
      open,
    };
  });
  const strip = ({ open: _open, ...item }: (typeof items)[number]) => item;
  const due = items.filter((m) => m.status !== 'cancelled' && inQuarter(m.dueDate, quarter));
  const achieved = items.filter((m) => m.status === 'achieved' && inQuarter(m.achievedOn, quarter));
  const projected = items.filter((m) => m.status !== 'cancelled' && inQuarter(m.projectedDate, quarter));
  const movedOut = items.filter(
    (m) => m.open && (inQuarter(m.dueDate, quarter) || inQuarter(m.originalDueDate, quarter)) && m.projectedDate! > quarter.end,
  );

  const commitments = input.commitments.map((c) => {
    const reasons: { text: string; sources: number[] }[] = [];
    const pending = PENDING.has(c.status);
    const inScope = pending && c.dueDate !== null && c.dueDate <= quarter.end;
    if (inScope) {
      if (c.status === 'overdue') reasons.push({ text: `over de termijn (${dutchDate(c.dueDate!)})`, sources: c.sources });
      for (const m of c.actionCodes.length ? items.filter((i) => i.open && c.actionCodes.includes(i.actionCode)) : []) {
        if (m.late)
          reasons.push({
            text: `mijlpaal "${m.title}" van actie ${actionCodeOf(m.actionCode)} is te laat (streefdatum ${dutchDate(m.dueDate)})`,
            sources: m.sources,
          });
        else if (m.dueDate <= c.dueDate! && m.projectedDate! > c.dueDate!) {
          reasons.push({
            text: `mijlpaal "${m.title}" van actie ${m.actionCode} wordt pas op ${dutchDate(m.projectedDate!)} verwacht, na de termijn (${dutchDate(c.dueDate!)})`,
            sources: m.sources,
          });
        }
      }
    }
    return {
      id: c.id,
      text: c.text,
      due: { text: c.dueText, date: c.dueDate },
      status: c.status,
      actionCodes: c.actionCodes,
      dueInQuarter: c.status !== 'withdrawn' && inQuarter(c.dueDate, quarter),
      atRisk: reasons.length > 0,
      why: reasons.map((r) => r.text),
      sources: uniq([...c.sources, ...reasons.flatMap((r) => r.sources)]),
    };
  });
  const commitmentsDue = commitments.filter((c) => c.dueInQuarter);
  const commitmentsAtRisk = commitments.filter((c) => c.atRisk);

  const indicators = input.indicators.map((i) => {
    // The targets as they were valid at the quarter's end: a target changed later does not rewrite this quarter.
    const targets = i.targetHistory?.length ? targetsValidAt(i.targetHistory, quarter.end) : i.targets;
    return {
      id: i.id,
      title: i.title,
      unit: i.unit,
      ...(i.direction ? { direction: i.direction } : {}),
      baseline: i.baseline,
      targets,
      ...forecastIndicator(i.measurements, targets, quarter.lastMonth, i.direction),
      sources: uniq([...i.sources, ...i.measurements.map((m) => m.position)]),
    };
  });

  const lines = [
    ...new Set([...input.actions.map((a) => a.actionLine), ...items.flatMap((m) => (m.actionLine === null ? [] : [m.actionLine]))]),
  ].sort((a, b) => a - b);
  const actionLines = lines.map((line) => {
    const codes = new Set([
      ...input.actions.filter((a) => a.actionLine === line).map((a) => a.code),
      ...items.filter((m) => m.actionLine === line).map((m) => m.actionCode),
    ]);
    const ms = items.filter((m) => m.actionLine === line && m.status !== 'cancelled');
    const linked = commitments.filter((c) => c.actionCodes.some((code) => codes.has(code)));
    const red = [
      ...ms
        .filter((m) => m.late)
        .map((m) => ({
          text: `mijlpaal "${m.title}" van actie ${actionCodeOf(m.actionCode)} is te laat sinds ${dutchDate(m.dueDate)}`,
          sources: m.sources,
        })),
      ...linked
        .filter((c) => c.status === 'overdue')
        .map((c) => ({
          text: `toezegging "${short(c.text)}" is over de termijn (${c.due.date ? dutchDate(c.due.date) : 'geen datum'})`,
          sources: c.sources,
        })),
    ];
    const amber = [
      ...movedOut
        .filter((m) => m.actionLine === line)
        .map((m) => ({
          text: `mijlpaal "${m.title}" (${m.actionCode}) wordt verwacht in het ${m.projectedQuarter ? quarterLabel(m.projectedQuarter) : 'onbekende kwartaal'}`,
          sources: m.sources,
        })),
      ...linked
        .filter((c) => c.atRisk && c.status !== 'overdue')
        .map((c) => ({ text: `toezegging "${short(c.text)}" is in gevaar`, sources: c.sources })),
    ];
    const rag = ms.length === 0 && red.length === 0 ? 'grijs' : red.length > 0 ? 'rood' : amber.length > 0 ? 'oranje' : 'groen';
    const because = rag === 'rood' ? red : rag === 'oranje' ? amber : [];
    const rule =
      rag === 'rood'
        ? 'rood: een mijlpaal te laat of een gekoppelde toezegging over de termijn'
        : rag === 'oranje'
          ? 'oranje: geen rood, maar een mijlpaal van dit kwartaal schuift naar later of een gekoppelde toezegging is in gevaar'
          : rag === 'groen'
            ? 'groen: geen mijlpaal te laat, niets schuift uit het kwartaal, geen gekoppelde toezegging in gevaar'
            : 'grijs: geen mijlpalen in beeld';
    return {
      actionLine: line,
      rag,
      rule,
      actions: [...codes].sort(compareCodes),
      reasons: because.map((r) => r.text),
      milestones: ms.length,
      sources: uniq(because.length ? because.flatMap((r) => r.sources) : ms.flatMap((m) => m.sources)),
    };
  });

  return {
    quarter: quarter.id,
    period: { from: quarter.start, to: quarter.end },
    today,
    computedAt: input.computedAt,
    rules: RULES,
    milestones: {
      counts: {
        due: due.length,
        achieved: achieved.length,
        projected: projected.length,
        movedOut: movedOut.length,
        /** Every milestone late today, whichever quarter it was due in: the number the board and the start page show. */
        late: items.filter((m) => m.late).length,
        /** Of those, the ones due in this quarter. */
        lateDue: due.filter((m) => m.late).length,
      },
      due: due.map(strip),
      achieved: achieved.map(strip),
      projected: projected.map(strip),
      movedOut: movedOut.map(strip),
      slips: [...slips.values()].filter((s) => s.slips.length > 0).map((s) => ({ id: s.actionCode, ...s })),
    },
    commitments: {
      counts: { due: commitmentsDue.length, atRisk: commitmentsAtRisk.length },
      due: commitmentsDue.map(({ dueInQuarter: _x, ...c }) => c),
      atRisk: commitmentsAtRisk.map(({ dueInQuarter: _x, ...c }) => c),
    },
    indicators,
    actionLines,
  };
}

export type QuarterlyProjection = ReturnType<typeof computeProjection>;

const short = (text: string): string => (text.length > 80 ? `${text.slice(0, 77)}…` : text);
