import { Between, type DataSource, type FindOptionsWhere, In, MoreThanOrEqual } from 'typeorm';
import { NotFound } from '@regie/es-core';
import { queryPrepared } from '@regie/read-model';
import { addDays, addMonths, amsterdamInstant, amsterdamLocal, quarterOf } from '@regie/calendar';
import { composeDraft } from '../agenda/compose-draft';
import type { AgendaItem } from '../meeting/meeting';
import { preparations, type Slot } from '../scheduling/preparation';
import type { MeetingsConfig } from '../shared/config';
import { ActionPointRow, DecisionRow, LocationRow, MeetingRow, SeriesRow } from './entities';

const localDate = (instant: Date) => amsterdamLocal(instant).date;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * kerngroep id → the regiegroep id it prepares, from kerngroep and regiegroep meetings not
 * cancelled; a kerngroep prepares only a regiegroep of its own werkagenda.
 */
const preparationsOf = (slots: { id: string; kind: string; starts_at: string; werkagenda_id: string }[]): Map<string, string> => {
  // Grouped per werkagenda in one pass (with hundreds of werkagenda's, a filter per werkagenda was seconds).
  const byWerkagenda = new Map<string, { kerngroep: Slot[]; regiegroep: Slot[] }>();
  for (const r of slots) {
    if (r.kind !== 'kerngroep' && r.kind !== 'regiegroep') continue;
    let own = byWerkagenda.get(r.werkagenda_id);
    if (!own) byWerkagenda.set(r.werkagenda_id, (own = { kerngroep: [], regiegroep: [] }));
    own[r.kind].push({ id: r.id, startsAt: new Date(r.starts_at).toISOString() });
  }
  const pairs = new Map<string, string>();
  for (const own of byWerkagenda.values()) for (const [kern, regie] of preparations(own.kerngroep, own.regiegroep)) pairs.set(kern, regie);
  return pairs;
};

/** What a draft is composed from, as PostgreSQL's JSON functions write the rows (column names, dates as YYYY-MM-DD). */
interface DraftSources {
  series: { interval: SeriesRow['interval'] } | null;
  previous_starts_at: Date | null;
  next_id: string | null;
  slots: { id: string; kind: string; starts_at: string; werkagenda_id: string }[];
  knelpunten: { id: string; action_code: string; description: string; escalated_to: string | null }[];
  commitments: { id: string; text: string; due_date: string; action_codes: string[] }[];
  action_points: { id: string; text: string; owner: string; due_date: string }[];
  milestones: { id: string; action_code: string; title: string; due_date: string; status: string; achieved_on: string | null }[];
  projections: { quarter: string; version: number; published_on: string }[];
}

/** Read side of the meetings context: answers only from its own read-model tables. */
export class MeetingsQueries {
  constructor(
    private readonly ds: DataSource,
    private readonly config: MeetingsConfig,
  ) {}

  async series(werkagendaId?: string) {
    const rows = await this.ds.getRepository(SeriesRow).find({
      where: { adHoc: false, ...(werkagendaId ? { werkagendaId } : {}) },
      order: { title: 'ASC' },
    });
    const order = ['kerngroep', 'evaluatie', 'jaaroverleg', 'regiegroep', 'overleg'];
    return rows.sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind)).map((s) => this.seriesAnswer(s));
  }

  /** A series as the API shows it: its rhythm, chair and participants as they stand now (the last change), and the changes. */
  seriesAnswer(s: SeriesRow) {
    const current = s.changes.length > 0 ? s.changes[s.changes.length - 1] : undefined;
    return {
      id: s.id,
      werkagendaId: s.werkagendaId,
      kind: s.kind,
      title: s.title,
      purpose: s.purpose,
      cadence: current?.cadence ?? s.cadence,
      interval: current?.interval ?? s.interval,
      participants: current?.participants ?? s.participants,
      chair: current ? current.chair : s.chair,
      organiser: s.organiser,
      firstOccurrence: { date: s.firstDate, time: s.localTime, timeZone: 'Europe/Amsterdam' },
      localTime: current?.localTime ?? s.localTime,
      durationMinutes: current?.durationMinutes ?? s.durationMinutes,
      example: s.example,
      changes: s.changes.map((c) => ({
        from: c.from,
        firstDate: c.firstDate,
        localTime: c.localTime,
        durationMinutes: c.durationMinutes,
        cadence: c.cadence,
        chair: c.chair,
        participants: c.participants,
        location: c.location,
        reason: c.reason,
        at: c.at,
      })),
      endsOn: s.endsOn,
      endReason: s.endReason,
    };
  }

  /** The change of a series that occurrence `index` falls under (undefined: the definition). */
  private changeFor(series: SeriesRow | null | undefined, index: number) {
    return series?.changes.filter((c) => c.fromIndex <= index).pop();
  }

  /** The werkagenda of a series, a meeting, a decision or an action point: for the routes' scope (undefined: unknown). */
  async werkagendaOf(kind: 'series' | 'meeting' | 'decision' | 'action-point', id: string): Promise<string | undefined> {
    if (!UUID.test(id)) return undefined;
    const from = {
      series: `${this.s}.meeting_series ms WHERE ms.id = $1`,
      meeting: `${this.s}.meeting m JOIN ${this.s}.meeting_series ms ON ms.id = m.series_id WHERE m.id = $1`,
      decision: `${this.s}.decision d JOIN ${this.s}.meeting m ON m.id = d.meeting_id JOIN ${this.s}.meeting_series ms ON ms.id = m.series_id WHERE d.id = $1`,
      'action-point': `${this.s}.action_point a JOIN ${this.s}.meeting_series ms ON ms.id = a.series_id WHERE a.id = $1`,
    }[kind];
    const [row] = await this.ds.query(`SELECT ms.werkagenda_id FROM ${from}`, [id]);
    return row?.werkagenda_id;
  }

  /** Every series (not the rows of ad-hoc meetings), for the horizon job. */
  async seriesIds(): Promise<string[]> {
    return (await this.ds.getRepository(SeriesRow).find({ select: { id: true }, where: { adHoc: false } })).map((s) => s.id);
  }

  /** Which of these meetings the read model has: the horizon job proposes only the others. */
  async existingMeetings(ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows: { id: string }[] = await this.ds.query(`SELECT id FROM ${this.s}.meeting WHERE id = ANY($1::uuid[])`, [ids]);
    return new Set(rows.map((r) => r.id));
  }

  /** A series in a werkagenda with this title (not ended), for the duplicate check. */
  async seriesTitled(werkagendaId: string, title: string): Promise<SeriesRow | undefined> {
    const [row] = await this.ds.query(
      `SELECT id FROM ${this.s}.meeting_series WHERE werkagenda_id = $1 AND NOT ad_hoc AND ends_on IS NULL AND lower(title) = lower($2)`,
      [werkagendaId, title],
    );
    return row ? ((await this.ds.getRepository(SeriesRow).findOneBy({ id: row.id })) ?? undefined) : undefined;
  }

  /** The meetings of a series from occurrence `fromIndex` on, for moving or cancelling them with the series. */
  async meetingsOfSeriesFrom(seriesId: string, fromIndex: number): Promise<MeetingRow[]> {
    return this.ds.getRepository(MeetingRow).find({
      where: { seriesId, occurrenceIndex: MoreThanOrEqual(fromIndex) },
      order: { occurrenceIndex: 'ASC' },
    });
  }

  async list(filter: { kind?: string; from?: string; to?: string; werkagendaId?: string }, now: Date) {
    const where: FindOptionsWhere<MeetingRow> = {};
    if (filter.kind) where.kind = filter.kind;
    if (filter.werkagendaId) where.seriesId = In(await this.seriesOf(filter.werkagendaId));
    const from = filter.from ? new Date(amsterdamInstant(filter.from, '00:00')) : new Date('1970-01-01T00:00:00Z');
    const to = filter.to ? new Date(amsterdamInstant(addDays(filter.to, 1), '00:00')) : new Date('9999-01-01T00:00:00Z');
    where.startsAt = Between(from, new Date(to.getTime() - 1));
    const [rows, pairs] = await Promise.all([
      // Only what a summary shows: a meeting's agenda columns are large, and an unfiltered list holds every werkagenda's meetings.
      this.ds.getRepository(MeetingRow).find({
        where,
        order: { startsAt: 'ASC' },
        select: { id: true, kind: true, startsAt: true, endsAt: true, status: true },
      }),
      this.preparations(filter),
    ]);
    return rows.map((m) => ({ ...this.summary(m, now), preparesFor: pairs.get(m.id) ?? null }));
  }

  async one(id: string, now: Date) {
    const meeting = await this.meeting(id);
    const [series, decisions, actionPoints, [agenda, pairs]] = await Promise.all([
      this.ds.getRepository(SeriesRow).findOneBy({ id: meeting.seriesId }),
      this.ds.getRepository(DecisionRow).find({ where: { meetingId: id }, order: { recordedAt: 'ASC', id: 'ASC' } }),
      this.ds.getRepository(ActionPointRow).find({ where: { meetingId: id }, order: { dueDate: 'ASC', id: 'ASC' } }),
      this.draft(meeting, now).then(({ agenda, pairs }) => [agenda, pairs] as const),
    ]);
    const today = localDate(now);
    const preparedBy = [...pairs.entries()].find(([, regie]) => regie === id)?.[0] ?? null;
    const held = meeting.heldAt !== null;
    return {
      ...this.summary(meeting, now),
      seriesId: meeting.seriesId,
      werkagendaId: series?.werkagendaId ?? null,
      title: series?.title ?? null,
      adHoc: series?.adHoc ?? false,
      actionCode: series?.actionCode ?? null,
      participants: this.changeFor(series, meeting.occurrenceIndex)?.participants ?? series?.participants ?? [],
      chair: meeting.chair ?? (series ? this.seriesChair(series, meeting.occurrenceIndex) : null),
      chairFromSeries: meeting.chair === null,
      local: amsterdamLocal(meeting.startsAt),
      nominalDate: meeting.nominalDate,
      movedBecause: meeting.movedBecause,
      reschedules: meeting.reschedules,
      cancelReason: meeting.cancelReason,
      preparesFor: pairs.get(id) ?? null,
      preparedBy,
      // Frozen once held: a held meeting's agenda is never a concept (one held before holding froze it reads "niet gepubliceerd").
      agendaStatus: meeting.publishedAgenda ? 'gepubliceerd' : held ? 'niet-gepubliceerd' : 'concept',
      agendaFrozenBy: meeting.agendaFrozenBy === 'held' ? ('held' as const) : null,
      publishedAt: meeting.publishedAt?.toISOString() ?? null,
      agenda,
      decisions: decisions.map((d) => ({
        id: d.id,
        text: d.text,
        kind: d.kind,
        recordedAt: d.recordedAt.toISOString(),
        itemId: d.itemId,
        status: d.status,
        corrects: d.corrects,
        reason: d.changeReason,
      })),
      actionPoints: actionPoints.map((a) => ({
        id: a.id,
        text: a.text,
        owner: a.owner,
        dueDate: a.dueDate,
        done: a.done,
        completedOn: a.completedOn,
        overdue: !a.done && a.dueDate < today,
        itemId: a.itemId,
      })),
      heldAt: meeting.heldAt?.toISOString() ?? null,
      heldRecordedAt: meeting.heldRecordedAt?.toISOString() ?? meeting.heldAt?.toISOString() ?? null,
      minutesApprovedAt: meeting.minutesApprovedAt?.toISOString() ?? null,
      revision: meeting.revision,
    };
  }

  /**
   * The agenda as it stands: frozen once published, otherwise composed now from the sources,
   * collected on the series' next meeting (not cancelled, held or published; one under way still
   * counts, so that holding freezes what was collected for it),
   * which one statement reads (the series, the previous and next meeting, the kerngroep/regiegroep
   * slots, open knelpunten escalated to this overlegvorm, the open toezeggingen due up to the
   * look-ahead (the late ones included), open action points, and the milestones due since the
   * previous meeting or still open: composeDraft applies the exact rule, the SQL only bounds what
   * is read). Only the series' own werkagenda counts: its actions' mijlpalen and
   * knelpunten (and those of actions not known yet), the toezeggingen that name one of its
   * actions or none, and its own kerngroep and regiegroep meetings.
   */
  async agendaOf(meeting: MeetingRow, now: Date): Promise<AgendaItem[]> {
    return (await this.draft(meeting, now)).agenda;
  }

  /** The agenda, and which kerngroep prepares which regiegroep (read with the draft's sources). */
  private async draft(meeting: MeetingRow, now: Date): Promise<{ agenda: AgendaItem[]; pairs: Map<string, string> }> {
    if (meeting.publishedAgenda) return { agenda: meeting.publishedAgenda, pairs: await this.preparations({ ofSeries: meeting.seriesId }) };
    const date = localDate(meeting.startsAt);
    // A named statement: each connection plans it once, not at every read (planning costs more than running it).
    const [row] = await queryPrepared<DraftSources>(this.ds, {
      name: `meetings-draft:${this.s}`,
      text: `WITH s AS (SELECT * FROM ${this.s}.meeting_series WHERE id = $1),
            prev AS (SELECT starts_at FROM ${this.s}.meeting WHERE series_id = $1 AND status <> 'cancelled' AND starts_at < $2 ORDER BY starts_at DESC LIMIT 1),
            -- a lower bound of the previous meeting's local date (one day early; composeDraft applies the exact one)
            bounds AS (SELECT coalesce((SELECT (starts_at AT TIME ZONE 'Europe/Amsterdam')::date - 1 FROM prev),
                                       $5::date - (SELECT CASE WHEN s.interval->>'unit' = 'weeks' THEN 7 ELSE 31 END * (s.interval->>'every')::int FROM s)) AS since)
       SELECT (SELECT row_to_json(s) FROM s) AS series,
         (SELECT starts_at FROM prev) AS previous_starts_at,
         (SELECT id FROM ${this.s}.meeting WHERE series_id = $1 AND status = 'scheduled' AND ends_at >= $3 ORDER BY starts_at LIMIT 1) AS next_id,
         (SELECT coalesce(json_agg(json_build_object('id', m.id, 'kind', m.kind, 'starts_at', m.starts_at, 'werkagenda_id', ms.werkagenda_id)), '[]')
            FROM ${this.s}.meeting_series ms JOIN ${this.s}.meeting m ON m.series_id = ms.id
            WHERE ms.werkagenda_id = (SELECT werkagenda_id FROM s) AND ms.kind IN ('kerngroep', 'regiegroep') AND m.status <> 'cancelled') AS slots,
         (SELECT coalesce(json_agg(k ORDER BY k.id), '[]') FROM ${this.s}.inbound_knelpunt k WHERE k.status = 'open' AND k.escalated_to = $4
            AND (k.werkagenda_id = (SELECT werkagenda_id FROM s) OR k.werkagenda_id IS NULL)) AS knelpunten,
         (SELECT coalesce(json_agg(json_build_object('id', c.id, 'text', c.text, 'due_date', c.due_date, 'action_codes', c.action_codes)), '[]')
            FROM ${this.s}.inbound_commitment c
            WHERE c.due_date <= $5::date + $6::int
            -- by index: those of this werkagenda's actions, and those on every werkagenda's drafts
            AND (c.unplaced OR c.action_codes ?| ARRAY(SELECT code FROM ${this.s}.inbound_action WHERE werkagenda_id = (SELECT werkagenda_id FROM s)))
            AND (jsonb_array_length(c.action_codes) = 0 OR EXISTS (
              SELECT 1 FROM jsonb_array_elements_text(c.action_codes) AS named(code) LEFT JOIN ${this.s}.inbound_action a ON a.code = named.code
              WHERE a.werkagenda_id IS NULL OR a.werkagenda_id = (SELECT werkagenda_id FROM s)))) AS commitments,
         (SELECT coalesce(json_agg(a ORDER BY a.due_date), '[]') FROM ${this.s}.action_point a JOIN ${this.s}.meeting m ON m.id = a.meeting_id
            WHERE a.series_id = $1 AND a.done = false AND m.starts_at < $2) AS action_points,
         (SELECT coalesce(json_agg(i), '[]') FROM ${this.s}.inbound_milestone i WHERE i.status <> 'cancelled' AND i.due_date <= $5::date
            AND (i.werkagenda_id = (SELECT werkagenda_id FROM s) OR i.werkagenda_id IS NULL)
            AND (i.due_date > (SELECT since FROM bounds) OR i.status <> 'achieved')) AS milestones,
         (SELECT coalesce(json_agg(p), '[]') FROM ${this.s}.inbound_projection p WHERE p.quarter = $7) AS projections`,
      values: [meeting.seriesId, meeting.startsAt, now, meeting.kind, date, this.config.lookaheadDays, quarterOf(date)],
    });
    if (!row.series) throw new NotFound(`reeks ${meeting.seriesId} bestaat niet`);
    const interval = row.series.interval;
    const previousDate = row.previous_starts_at
      ? localDate(new Date(row.previous_starts_at))
      : interval.unit === 'weeks'
        ? addDays(date, -7 * interval.every)
        : addMonths(date, -interval.every);
    const pairs = preparationsOf(row.slots);
    const prepared = pairs.get(meeting.id);
    const regie = prepared ? row.slots.find((m) => m.id === prepared) : undefined;
    const agenda = composeDraft({
      meeting: { id: meeting.id, kind: meeting.kind as never, date },
      isNext: row.next_id === meeting.id,
      previousDate,
      prepares: regie ? { id: regie.id, date: localDate(new Date(regie.starts_at)) } : null,
      publishedProjections: Object.fromEntries(
        row.projections.map((p) => [p.quarter, { version: p.version, publishedOn: p.published_on }]),
      ),
      knelpunten: row.knelpunten.map((k) => ({
        id: k.id,
        actionCode: k.action_code,
        description: k.description,
        escalatedTo: k.escalated_to as string,
      })),
      milestones: row.milestones.map((m) => ({
        id: m.id,
        actionCode: m.action_code,
        title: m.title,
        dueDate: m.due_date,
        status: m.status,
        achievedOn: m.achieved_on,
      })),
      commitments: row.commitments.map((c) => ({ id: c.id, text: c.text, dueDate: c.due_date, actionCodes: c.action_codes })),
      actionPoints: row.action_points.map((a) => ({ id: a.id, text: a.text, owner: a.owner, dueDate: a.due_date })),
      manual: meeting.manualItems,
      withdrawn: meeting.withdrawn,
      order: meeting.agendaOrder,
      today: localDate(now),
      lookaheadDays: this.config.lookaheadDays,
    });
    return { agenda, pairs };
  }

  private async seriesOf(werkagendaId: string): Promise<string[]> {
    return (await this.ds.getRepository(SeriesRow).find({ select: { id: true }, where: { werkagendaId } })).map((s) => s.id);
  }

  /** A series by id, for commands about it. */
  async seriesById(id: string): Promise<SeriesRow> {
    const series = await this.ds.getRepository(SeriesRow).findOneBy({ id });
    if (!series) throw new NotFound(`overlegvorm ${id} bestaat niet`);
    return series;
  }

  async meeting(id: string): Promise<MeetingRow> {
    const meeting = await this.ds.getRepository(MeetingRow).findOneBy({ id });
    if (!meeting) throw new NotFound(`overleg ${id} bestaat niet`);
    return meeting;
  }

  /** The meeting an action point was assigned in, for commands on the meeting's stream. */
  async meetingOfActionPoint(actionPointId: string): Promise<string> {
    const point = await this.ds.getRepository(ActionPointRow).findOneBy({ id: actionPointId });
    if (!point) throw new NotFound(`actiepunt ${actionPointId} bestaat niet`);
    return point.meetingId;
  }

  /** Meetings for the calendar feed, cancelled ones included (they carry STATUS:CANCELLED). */
  async forCalendar(
    kind?: string,
    werkagendaId?: string | readonly string[],
  ): Promise<(MeetingRow & { series: SeriesRow; location: string | null })[]> {
    const of = werkagendaId === undefined ? {} : { werkagendaId: typeof werkagendaId === 'string' ? werkagendaId : In([...werkagendaId]) };
    const series = await this.ds.getRepository(SeriesRow).find({ where: of });
    const where: FindOptionsWhere<MeetingRow> = kind ? { kind } : {};
    if (werkagendaId) where.seriesId = In(series.map((s) => s.id));
    const rows = await this.ds.getRepository(MeetingRow).find({ where, order: { startsAt: 'ASC' } });
    const byId = new Map(series.map((s) => [s.id, s]));
    const places = new Map((await this.ds.getRepository(LocationRow).find()).map((l) => [`${l.target}-${l.targetId}`, l.location]));
    return rows.map((m) =>
      Object.assign(m, {
        series: byId.get(m.seriesId) as SeriesRow,
        // the meeting's own, else its series' as changed from a date on, else its series'
        location:
          places.get(`meeting-${m.id}`) ??
          this.changeFor(byId.get(m.seriesId), m.occurrenceIndex)?.location ??
          places.get(`series-${m.seriesId}`) ??
          null,
      }),
    );
  }

  /**
   * kerngroep id → the regiegroep id it prepares, from the meetings not cancelled: of one
   * werkagenda, of the werkagenda of a series, or of all.
   */
  private async preparations(scope: { werkagendaId?: string; ofSeries?: string } = {}): Promise<Map<string, string>> {
    const slots = await this.ds.query(
      `SELECT m.id, m.kind, m.starts_at, ms.werkagenda_id FROM ${this.s}.meeting_series ms JOIN ${this.s}.meeting m ON m.series_id = ms.id
       WHERE ms.kind IN ('kerngroep', 'regiegroep') AND m.status <> 'cancelled'
         AND ($1::text IS NULL OR ms.werkagenda_id = $1)
         AND ($2::uuid IS NULL OR ms.werkagenda_id = (SELECT werkagenda_id FROM ${this.s}.meeting_series WHERE id = $2))`,
      [scope.werkagendaId ?? null, scope.ofSeries ?? null],
    );
    return preparationsOf(slots);
  }

  private get s(): string {
    return `"${(this.ds.options as { schema?: string }).schema}"`;
  }

  /** The chair as it stands: set on the meeting, else the series' chair. */
  async chairOf(meeting: MeetingRow): Promise<string | null> {
    if (meeting.chair) return meeting.chair;
    const series = await this.ds.getRepository(SeriesRow).findOneBy({ id: meeting.seriesId });
    return series ? this.seriesChair(series, meeting.occurrenceIndex) : null;
  }

  /** The series' chair for occurrence `index`: as changed from a date on, else as defined. */
  private seriesChair(series: SeriesRow, index: number): string | null {
    const change = this.changeFor(series, index);
    return change ? change.chair : series.chair;
  }

  /** `notHeld`: derived with the clock; a meeting past its end never recorded as held (nor cancelled). */
  private summary(m: MeetingRow, now: Date) {
    const open = m.status === 'scheduled' || m.status === 'agenda_published';
    return {
      id: m.id,
      kind: m.kind,
      startsAt: m.startsAt.toISOString(),
      endsAt: m.endsAt.toISOString(),
      status: m.status,
      notHeld: open && m.endsAt.getTime() < now.getTime(),
    };
  }
}
