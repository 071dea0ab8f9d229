import type { DataSource } from 'typeorm';
import { NotFound } from '@regie/es-core';
import type { ActionPointOwner } from '../meeting/meeting';
import type { DecisionStatus } from '../meeting/minutes';

/**
 * The besluitenlijst, the actielijst and the verslag of one meeting, read from the meetings read
 * model (decision, action_point, minutes, with their meeting and series). Names stay sealed here:
 * JSON answers are opened on the way out, CSV and HTML by their route.
 */
export interface DecisionFilter {
  werkagendaId?: string;
  kind?: string;
  meetingKind?: string;
  from?: string;
  to?: string;
  q?: string;
}
export interface ActionPointFilter {
  werkagendaId?: string;
  status?: 'open' | 'overdue' | 'done';
}

export interface DecisionEntry {
  id: string;
  meetingId: string;
  meetingKind: string;
  meetingDate: string;
  werkagendaId: string;
  kind: 'operationeel' | 'strategisch';
  text: string;
  status: DecisionStatus;
  recordedAt: string;
  itemId: string | null;
  itemTitle: string | null;
  /** The version this one corrects, and the version that corrected this one. */
  corrects: string | null;
  correctedBy: string | null;
  /** Why it was corrected or withdrawn, and when. */
  reason: string | null;
  changedAt: string | null;
}

export interface ActionPointEntry {
  id: string;
  meetingId: string;
  meetingKind: string;
  meetingDate: string;
  werkagendaId: string;
  text: string;
  owner: ActionPointOwner;
  dueDate: string;
  status: 'open' | 'overdue' | 'done';
  completedOn: string | null;
  itemId: string | null;
  itemTitle: string | null;
  reassignments: { previousOwner: ActionPointOwner; reason: string; at: string }[];
}

export interface MinutesOfMeeting {
  meetingId: string;
  attendance: { present: ActionPointOwner[]; absent: ActionPointOwner[]; recordedAt: string | null };
  notes: { itemId: string; title: string; notes: string; recordedAt: string }[];
}

const schema = (ds: DataSource) => `"${(ds.options as { schema?: string }).schema}"`;
const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());
const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => '\\' + c)}%`;

/** The title of an agenda item as the meeting shows it: published, added by hand, or noted in the verslag. */
const itemTitleSql = (s: string, item: string) => `coalesce(
  (SELECT i->>'title' FROM jsonb_array_elements(coalesce(m.published_agenda, '[]')) i WHERE i->>'id' = ${item} LIMIT 1),
  (SELECT i->>'title' FROM jsonb_array_elements(m.manual_items) i WHERE i->>'id' = ${item} LIMIT 1),
  (SELECT n.notes->${item}->>'title' FROM ${s}.minutes n WHERE n.meeting_id = m.id))`;

const meetingDateSql = `to_char(m.starts_at AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM-DD')`;

/** Every decision across meetings, newest meeting first (within a meeting the latest version first). */
export async function decisionList(ds: DataSource, filter: DecisionFilter): Promise<DecisionEntry[]> {
  const s = schema(ds);
  const rows: Record<string, never>[] = await ds.query(
    `SELECT d.id, d.meeting_id, m.kind AS meeting_kind, ${meetingDateSql} AS meeting_date, ms.werkagenda_id, d.kind, d.text,
            d.status, d.recorded_at, d.item_id, ${itemTitleSql(s, 'd.item_id')} AS item_title, d.corrects, d.corrected_by,
            d.change_reason, d.changed_at
       FROM ${s}.decision d JOIN ${s}.meeting m ON m.id = d.meeting_id JOIN ${s}.meeting_series ms ON ms.id = m.series_id
      WHERE ($1::text IS NULL OR ms.werkagenda_id = $1) AND ($2::text IS NULL OR d.kind = $2) AND ($3::text IS NULL OR m.kind = $3)
        AND ($4::date IS NULL OR (m.starts_at AT TIME ZONE 'Europe/Amsterdam')::date >= $4)
        AND ($5::date IS NULL OR (m.starts_at AT TIME ZONE 'Europe/Amsterdam')::date <= $5)
        AND ($6::text IS NULL OR d.text ILIKE $6 OR d.change_reason ILIKE $6)
      ORDER BY m.starts_at DESC, d.recorded_at DESC, d.id DESC`,
    [
      filter.werkagendaId ?? null,
      filter.kind ?? null,
      filter.meetingKind ?? null,
      filter.from ?? null,
      filter.to ?? null,
      filter.q ? likePattern(filter.q) : null,
    ],
  );
  return rows.map((r) => ({
    id: r.id,
    meetingId: r.meeting_id,
    meetingKind: r.meeting_kind,
    meetingDate: r.meeting_date,
    werkagendaId: r.werkagenda_id,
    kind: r.kind,
    text: r.text,
    status: r.status,
    recordedAt: iso(r.recorded_at) as string,
    itemId: r.item_id,
    itemTitle: r.item_title,
    corrects: r.corrects,
    correctedBy: r.corrected_by,
    reason: r.change_reason,
    changedAt: iso(r.changed_at),
  }));
}

/** Every action point across meetings, earliest due first; overdue when past its due date (today) and not done. */
export async function actionPointList(
  ds: DataSource,
  filter: ActionPointFilter & { meetingId?: string },
  today: string,
): Promise<ActionPointEntry[]> {
  const s = schema(ds);
  const rows: Record<string, never>[] = await ds.query(
    `SELECT a.id, a.meeting_id, m.kind AS meeting_kind, ${meetingDateSql} AS meeting_date, ms.werkagenda_id, a.text, a.owner,
            to_char(a.due_date, 'YYYY-MM-DD') AS due_date, a.done, to_char(a.completed_on, 'YYYY-MM-DD') AS completed_on,
            a.item_id, ${itemTitleSql(s, 'a.item_id')} AS item_title, a.reassignments
       FROM ${s}.action_point a JOIN ${s}.meeting m ON m.id = a.meeting_id JOIN ${s}.meeting_series ms ON ms.id = m.series_id
      WHERE ($1::text IS NULL OR ms.werkagenda_id = $1) AND ($4::uuid IS NULL OR a.meeting_id = $4)
        AND ($2::text IS NULL OR ($2 = 'done' AND a.done) OR ($2 = 'overdue' AND NOT a.done AND a.due_date < $3::date)
             OR ($2 = 'open' AND NOT a.done AND a.due_date >= $3::date))
      ORDER BY a.due_date, m.starts_at, a.id`,
    [filter.werkagendaId ?? null, filter.status ?? null, today, filter.meetingId ?? null],
  );
  return rows.map((r) => ({
    id: r.id,
    meetingId: r.meeting_id,
    meetingKind: r.meeting_kind,
    meetingDate: r.meeting_date,
    werkagendaId: r.werkagenda_id,
    text: r.text,
    owner: r.owner,
    dueDate: r.due_date,
    status: r.done ? 'done' : (r.due_date as string) < today ? 'overdue' : 'open',
    completedOn: r.completed_on,
    itemId: r.item_id,
    itemTitle: r.item_title,
    reassignments: r.reassignments,
  }));
}

/** Attendance and notes per agenda item of one meeting (empty until recorded). */
export async function minutesOf(ds: DataSource, meetingId: string): Promise<MinutesOfMeeting> {
  const s = schema(ds);
  const [meeting] = await ds.query(`SELECT id FROM ${s}.meeting WHERE id = $1`, [meetingId]);
  if (!meeting) throw new NotFound(`overleg ${meetingId} bestaat niet`);
  const [row] = await ds.query(`SELECT present, absent, attendance_recorded_at, notes FROM ${s}.minutes WHERE meeting_id = $1`, [
    meetingId,
  ]);
  const notes = (row?.notes ?? {}) as Record<string, { title: string; notes: string; recordedAt: string }>;
  return {
    meetingId,
    attendance: { present: row?.present ?? [], absent: row?.absent ?? [], recordedAt: iso(row?.attendance_recorded_at ?? null) },
    notes: Object.entries(notes).map(([itemId, n]) => ({ itemId, ...n })),
  };
}

/** The meeting a decision was recorded in, and its kind (a strategic one is a director's to change). */
export async function decisionOf(ds: DataSource, decisionId: string): Promise<{ meetingId: string; kind: string }> {
  const [row] = await ds.query(`SELECT meeting_id, kind FROM ${schema(ds)}.decision WHERE id = $1`, [decisionId]);
  if (!row) throw new NotFound(`besluit ${decisionId} bestaat niet`);
  return { meetingId: row.meeting_id, kind: row.kind };
}
