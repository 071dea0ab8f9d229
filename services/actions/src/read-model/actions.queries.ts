import { DataSource } from 'typeorm';
import { actionKey, NotFound } from '@regie/es-core';
import { queryPrepared } from '@regie/read-model';
import { lateness } from '../milestone/milestone';
import { WERKAGENDA_SEED } from '../seed/werkagenda.seed-data';
import { ActionRow, KnelpuntRow, MilestoneRow, WerkagendaRow } from './entities';
import { compareCodes } from '@regie/calendar';

const werkagendaView = (row: WerkagendaRow) => ({
  id: row.id,
  title: row.title,
  period: { from: row.periodFrom, to: row.periodTo },
  parties: row.parties,
  actionLines: row.actionLines,
  archived: row.archived,
  archiveReason: row.archiveReason,
});

/** How many werkagenda's the list of every werkagenda's actions reads per statement. */
const LIST_BATCH = 64;

/** Read side of the actions context: answers only from its own read-model tables. */
export class ActionsQueries {
  constructor(private readonly ds: DataSource) {}

  /**
   * The tenant's werkagenda: the platform's own (seeded) one when present, else the first by id.
   * A store may hold other werkagenda's (e.g. the benchmark's synthetic history); the API shows one.
   */
  async werkagenda() {
    const [row]: {
      id: string;
      title: string;
      period_from: string;
      period_to: string;
      parties: WerkagendaRow['parties'];
      action_lines: WerkagendaRow['actionLines'];
    }[] = await this.ds.query(
      `SELECT id, title, period_from::text, period_to::text, parties, action_lines FROM ${schemaOf(this.ds)}.werkagenda ORDER BY (id = $1) DESC, id LIMIT 1`,
      [WERKAGENDA_SEED.id],
    );
    if (!row) throw new NotFound('de werkagenda is nog niet vastgelegd');
    return {
      id: row.id,
      title: row.title,
      period: { from: row.period_from, to: row.period_to },
      parties: row.parties,
      actionLines: row.action_lines,
    };
  }

  /** Every werkagenda, by title. */
  async werkagendas() {
    const rows = await this.ds.getRepository(WerkagendaRow).find({ order: { title: 'ASC' } });
    return rows.map(werkagendaView);
  }

  async werkagendaById(id: string) {
    const row = await this.ds.getRepository(WerkagendaRow).findOneBy({ id });
    if (!row) throw new NotFound(`werkagenda ${id} bestaat niet`);
    return werkagendaView(row);
  }

  /** Whether another werkagenda than `exceptId` has this title (case and surrounding spaces ignored). */
  async werkagendaWithTitle(title: string, exceptId: string): Promise<boolean> {
    const [row] = await this.ds.query(
      `SELECT 1 FROM ${schemaOf(this.ds)}.werkagenda WHERE lower(trim(title)) = lower(trim($1)) AND id <> $2 LIMIT 1`,
      [title, exceptId],
    );
    return row !== undefined;
  }

  /** The key of the action of the werkagenda with this title, if any. */
  async actionWithTitle(werkagendaId: string, title: string): Promise<string | undefined> {
    const [row]: { code: string }[] = await this.ds.query(
      `SELECT code FROM ${schemaOf(this.ds)}.action WHERE werkagenda_id = $1 AND lower(trim(title)) = lower(trim($2)) LIMIT 1`,
      [werkagendaId, title],
    );
    return row?.code;
  }

  /** The key of action `code` of a werkagenda (404 when the werkagenda is unknown). */
  async keyOf(werkagendaId: string, code: string): Promise<string> {
    await this.werkagendaById(werkagendaId);
    return actionKey(werkagendaId, code);
  }

  /**
   * The actions of one werkagenda with their milestones and open knelpunten, so they count what the
   * monitoring board counts. One statement, answered from the indexes.
   */
  async list(today: string, werkagendaId: string) {
    await this.werkagendaById(werkagendaId);
    return this.listOf(today, werkagendaId);
  }

  /**
   * Every werkagenda's actions, one werkagenda at a time (the first tenant's first, then by id):
   * the list of all without holding it in memory at once. With hundreds of werkagenda's it is tens
   * of megabytes of JSON; built whole, ten such requests at once ran the platform out of memory.
   * Read for LIST_BATCH werkagenda's per statement: one statement per werkagenda made the list of
   * 1,066 werkagenda's at 1M events 1,066 round trips, 2.4 s (docs/performance.md, session 13).
   */
  async *listAll(today: string): AsyncGenerator<Awaited<ReturnType<ActionsQueries['listOf']>>> {
    const rows: { werkagenda_id: string }[] = await this.ds.query(`SELECT DISTINCT werkagenda_id FROM ${schemaOf(this.ds)}.action`);
    const first = (id: string) => (id === WERKAGENDA_SEED.id ? '' : id);
    const ids = rows.map((r) => r.werkagenda_id).sort((a, b) => first(a).localeCompare(first(b)));
    for (let from = 0; from < ids.length; from += LIST_BATCH) {
      const batch = ids.slice(from, from + LIST_BATCH);
      const byWerkagenda = new Map(batch.map((id) => [id, [] as ListRow[]]));
      for (const row of await this.listRows(batch)) byWerkagenda.get(row.werkagenda_id)?.push(row);
      for (const id of batch) yield this.listView(byWerkagenda.get(id) ?? [], today);
    }
  }

  private async listOf(today: string, werkagendaId: string) {
    return this.listView(await this.listRows([werkagendaId]), today);
  }

  /** The actions of these werkagenda's, each with its milestones, open knelpunten and last report. */
  private listRows(werkagendaIds: string[]): Promise<ListRow[]> {
    const s = schemaOf(this.ds);
    return this.ds.query(
      `SELECT a.code, a.werkagenda_id, a.code_in_werkagenda, a.actiehouder_person_ids, a.action_line, a.title, a.action_holder, a.rag,
         (SELECT coalesce(json_agg(json_build_object('id', m.id, 'title', m.title, 'due_date', m.due_date, 'status', m.status,
                   'achieved_on', m.achieved_on, 'replan_count', jsonb_array_length(m.replans)) ORDER BY m.due_date, m.title), '[]')
            FROM ${s}.milestone m WHERE m.action_code = a.code) AS milestones,
         (SELECT count(*)::int FROM ${s}.knelpunt k WHERE k.action_code = a.code AND k.status = 'open') AS open_knelpunten,
         (SELECT max(p.reported_at) FROM ${s}.progress_report p WHERE p.action_code = a.code) AS last_reported_at
       FROM ${s}.action a WHERE a.werkagenda_id = ANY($1::text[])`,
      [werkagendaIds],
    );
  }

  /** One werkagenda's actions as the list answers them, in code order. */
  private listView(rows: ListRow[], today: string) {
    rows.sort((a, b) => compareCodes(a.code_in_werkagenda, b.code_in_werkagenda));
    return rows.map((action) => ({
      key: action.code,
      werkagendaId: action.werkagenda_id,
      code: action.code_in_werkagenda,
      actiehouderPersonIds: action.actiehouder_person_ids,
      actionLine: action.action_line,
      title: action.title,
      actionHolder: action.action_holder,
      rag: action.rag,
      milestones: action.milestones.map((m) => ({
        id: m.id,
        title: m.title,
        dueDate: m.due_date,
        status: m.status,
        ...lateness({ status: m.status, dueDate: m.due_date, achievedOn: m.achieved_on }, today),
        replanCount: m.replan_count,
      })),
      openKnelpunten: action.open_knelpunten,
      lastReportedAt: action.last_reported_at ? new Date(action.last_reported_at).toISOString() : null,
    }));
  }

  async milestoneOf(actionCode: string, milestoneId: string): Promise<boolean> {
    return this.ds.getRepository(MilestoneRow).existsBy({ id: milestoneId, actionCode });
  }

  async knelpuntOf(actionCode: string, knelpuntId: string): Promise<boolean> {
    return this.ds.getRepository(KnelpuntRow).existsBy({ id: knelpuntId, actionCode });
  }

  /**
   * One action with everything about it, in one statement; a named one, which each connection
   * plans once: planning its five parts took longer than running them (0.1–0.15 ms against
   * 0.06–0.1 ms warm; docs/performance.md, session 12).
   */
  async one(code: string, today: string) {
    const s = schemaOf(this.ds);
    const [row] = await queryPrepared<OneRow>(this.ds, {
      name: `actions-one:${s}`,
      text: `SELECT row_to_json(a) AS action,
         (SELECT coalesce(json_agg(m ORDER BY m.due_date, m.title), '[]') FROM ${s}.milestone m WHERE m.action_code = a.code) AS milestones,
         (SELECT coalesce(json_agg(r ORDER BY r.reported_at DESC, r.id DESC), '[]') FROM ${s}.progress_report r WHERE r.action_code = a.code) AS reports,
         (SELECT coalesce(json_agg(k ORDER BY k.raised_at), '[]') FROM ${s}.knelpunt k WHERE k.action_code = a.code) AS knelpunten,
         (SELECT coalesce(json_agg(g ORDER BY g.position), '[]') FROM ${s}.action_region g WHERE g.action_code = a.code) AS regions
       FROM ${s}.action a WHERE a.code = $1`,
      values: [code],
    });
    if (!row) throw new NotFound(`actie ${code} bestaat niet`);
    const { action, milestones, reports, knelpunten, regions } = row;
    return {
      key: action.code,
      werkagendaId: action.werkagenda_id,
      code: action.code_in_werkagenda,
      actiehouderPersonIds: action.actiehouder_person_ids,
      actionLine: action.action_line,
      title: action.title,
      actionHolder: action.action_holder,
      rag: action.rag,
      startActivities: action.start_activities,
      milestones: milestones.map((m) => ({
        ...milestoneView(
          { id: m.id, title: m.title, dueDate: m.due_date, status: m.status, achievedOn: m.achieved_on, replans: m.replans },
          today,
        ),
        originalDueDate: m.original_due_date,
        dueDateText: m.due_date_text,
        regionSlug: m.region_slug,
        startedOn: m.started_on,
        achievedOn: m.achieved_on,
        replans: m.replans,
        cancelReason: m.cancel_reason,
        revision: m.revision,
      })),
      progressReports: reports.map((r) => ({
        id: r.id,
        rag: r.rag,
        summary: r.summary,
        reportedAt: iso(r.reported_at),
        reportedBy: r.reported_by,
      })),
      knelpunten: knelpunten.map((k) => ({
        id: k.id,
        description: k.description,
        escalatedTo: k.escalated_to,
        status: k.status,
        raisedAt: iso(k.raised_at),
        resolution: k.resolution,
        resolvedAt: k.resolved_at === null ? null : iso(k.resolved_at),
        revision: k.revision,
      })),
      regions: regions.map((g) => ({
        slug: g.slug,
        name: g.name,
        period: g.period_from && g.period_to ? { from: g.period_from, to: g.period_to } : null,
        status: g.status,
        statusChanges: g.status_changes,
      })),
      revision: action.revision,
    };
  }
}

const milestoneView = (m: Pick<MilestoneRow, 'id' | 'title' | 'dueDate' | 'status' | 'achievedOn' | 'replans'>, today: string) => ({
  id: m.id,
  title: m.title,
  dueDate: m.dueDate,
  status: m.status,
  ...lateness(m, today),
  replanCount: m.replans.length,
});

/** A timestamptz as json_agg writes it (with the session's offset), as the API shows it (UTC, ms). */
const iso = (value: string): string => new Date(value).toISOString();

const schemaOf = (ds: DataSource): string => `"${(ds.options as { schema?: string }).schema}"`;

/** Rows as PostgreSQL's JSON functions write them: column names, dates as YYYY-MM-DD. */
interface ListRow {
  code: string;
  werkagenda_id: string;
  code_in_werkagenda: string;
  actiehouder_person_ids: string[];
  action_line: number;
  title: string;
  action_holder: ActionRow['actionHolder'];
  rag: string | null;
  milestones: {
    id: string;
    title: string;
    due_date: string;
    status: MilestoneRow['status'];
    achieved_on: string | null;
    replan_count: number;
  }[];
  open_knelpunten: number;
  last_reported_at: Date | null;
}

interface OneRow {
  action: {
    code: string;
    werkagenda_id: string;
    code_in_werkagenda: string;
    actiehouder_person_ids: string[];
    action_line: number;
    title: string;
    action_holder: ActionRow['actionHolder'];
    rag: string | null;
    start_activities: string[];
    revision: number;
  };
  milestones: {
    id: string;
    title: string;
    due_date: string;
    original_due_date: string;
    due_date_text: string | null;
    region_slug: string | null;
    status: MilestoneRow['status'];
    started_on: string | null;
    achieved_on: string | null;
    replans: MilestoneRow['replans'];
    cancel_reason: string | null;
    revision: number;
  }[];
  regions: {
    slug: string;
    name: string;
    period_from: string | null;
    period_to: string | null;
    status: string;
    status_changes: { status: string; on: string; note: string | null }[];
  }[];
  reports: { id: string; rag: string; summary: string; reported_at: string; reported_by: string }[];
  knelpunten: {
    id: string;
    description: string;
    escalated_to: string | null;
    status: string;
    raised_at: string;
    resolution: string | null;
    resolved_at: string | null;
    revision: number;
  }[];
}
