/**
 * The shapes the portal reads from the public HTTP API (../shared/API.md). Only the fields the
 * screens use; the services own the full contract.
 */
export type Role = 'coordinator' | 'director' | 'auditor' | 'actiehouder';
export type Rag = 'groen' | 'oranje' | 'rood';

export interface LoginResult {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  roles: Role[];
}
export interface Me {
  username: string;
  name: string;
  roles: Role[];
  actionCodes: string[];
}

export interface FieldError {
  field: string;
  message: string;
}
export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  errors?: FieldError[];
}

export interface Werkagenda {
  id: string;
  title: string;
  period: { from: string; to: string };
  parties: { code: string; name: string }[];
  actionLines: { number: number; title: string }[];
}

export type MilestoneStatus = 'planned' | 'in_progress' | 'achieved' | 'cancelled';
export interface MilestoneSummary {
  id: string;
  title: string;
  dueDate: string;
  status: MilestoneStatus;
  late: boolean;
  replanCount: number;
}
export interface Milestone extends MilestoneSummary {
  originalDueDate: string;
  dueDateText: string | null;
  startedOn: string | null;
  achievedOn: string | null;
  replans: { dueDate: string; previousDueDate?: string; reason: string; at?: string }[];
  cancelReason: string | null;
}
/** `person`: a named actiehouder (personal data, opened in answers; "[verwijderd]" once forgotten). */
export interface ActionHolder {
  parties: string[];
  description: string;
  person?: string | null;
}
export interface ActionSummary {
  code: string;
  actionLine: number;
  title: string;
  actionHolder: ActionHolder;
  rag: Rag | null;
  milestones: MilestoneSummary[];
  openKnelpunten: number;
}
export interface ProgressReport {
  id: string;
  rag: Rag;
  summary: string;
  reportedAt: string;
  reportedBy: string | null;
}
export type KnelpuntLevel = 'kerngroep' | 'regiegroep';
export interface Knelpunt {
  id: string;
  description: string;
  escalatedTo: KnelpuntLevel | null;
  status: 'open' | 'resolved';
  raisedAt: string;
  resolution: string | null;
  resolvedAt: string | null;
}
export interface Action extends Omit<ActionSummary, 'milestones' | 'openKnelpunten'> {
  startActivities: string[];
  milestones: Milestone[];
  progressReports: ProgressReport[];
  knelpunten: Knelpunt[];
  revision: number;
}

export type MeetingKind = 'kerngroep' | 'evaluatie' | 'jaaroverleg' | 'regiegroep';
export type MeetingStatus = 'scheduled' | 'agenda_published' | 'held' | 'minutes_approved' | 'cancelled';
export interface MeetingSeries {
  id: string;
  kind: MeetingKind;
  title: string;
  purpose: string;
  cadence: string;
  participants: string[];
  chair: string | null;
  durationMinutes: number;
}
export interface MeetingSummary {
  id: string;
  kind: MeetingKind;
  startsAt: string;
  endsAt: string;
  status: MeetingStatus;
  preparesFor: string | null;
}
export interface AgendaItem {
  id: string;
  title: string;
  source: { type: string; ref: string };
  order: number;
}
export interface Decision {
  id: string;
  text: string;
  kind: 'operationeel' | 'strategisch';
  recordedAt: string;
}
export interface ActionPoint {
  id: string;
  text: string;
  owner: string;
  dueDate: string;
  done: boolean;
  completedOn: string | null;
  overdue: boolean;
}
export interface Meeting extends MeetingSummary {
  seriesId: string;
  local: { date: string; time: string };
  movedBecause: string | null;
  reschedules: { previousStartsAt?: string; startsAt?: string; reason?: string }[];
  cancelReason: string | null;
  preparedBy: string | null;
  agendaStatus: 'concept' | 'gepubliceerd';
  publishedAt: string | null;
  agenda: AgendaItem[];
  decisions: Decision[];
  actionPoints: ActionPoint[];
  heldAt: string | null;
  minutesApprovedAt: string | null;
  revision: number;
}

export type CommitmentStatus = 'open' | 'postponed' | 'overdue' | 'fulfilled' | 'withdrawn';
/** A termijn as the source worded it; `date` is null when no date can be derived ("onbekend"). */
export interface Due {
  text: string | null;
  date: string | null;
}
export interface CommitmentSummary {
  id: string;
  text: string;
  madeBy: string;
  madeAt: { date: string; source: string };
  due: Due;
  dueDate: string | null;
  status: CommitmentStatus;
  actionCodes: string[];
  postponementCount: number;
  fulfilledBy: { date: string | null; title: string; kenmerk: string | null } | null;
}
export interface Commitment extends CommitmentSummary {
  originalDue: Due;
  postponements: { due: Due; previousDue: Due; reason: string; source?: string | null; at: string }[];
  fulfilment: { document: { date: string | null; title: string; kenmerk: string | null }; at: string } | null;
  withdrawal: { reason: string; at: string } | null;
  history: { revision: number; type: string; at: string; actor: string }[];
  registeredAt: string;
  revision: number;
}

export interface BoardMilestone {
  id: string;
  title: string;
  dueDate: string;
  originalDueDate: string;
  status: string;
  late: boolean;
  replannedTimes: number;
  label: string;
  achievedOn: string | null;
}
export interface BoardAction {
  code: string;
  actionLine: number;
  title: string;
  milestones: BoardMilestone[];
}
export interface BoardActionLine {
  actionLine: number;
  counts: { total: number; planned: number; inProgress: number; achieved: number; late: number; cancelled: number; replanned: number };
  actions: BoardAction[];
}

export interface Measurement {
  period: string;
  value: number;
  source?: string | null;
}
export interface IndicatorTarget {
  value: number;
  by: string | null;
  text: string;
  source: string;
}
export interface Indicator {
  id: string;
  title: string;
  unit: string;
  description?: string;
  source?: string;
  baseline: { value: number; reference: string; text: string; source: string } | null;
  targets: IndicatorTarget[];
  measurements: Measurement[];
}
export interface ProjectedMilestone {
  id: string;
  actionCode: string;
  title: string;
  dueDate: string;
  status: string;
  late: boolean;
  achievedOn: string | null;
  projectedDate: string | null;
  projectedQuarter: string | null;
  why: string;
}
export interface ProjectionCommitment {
  id: string;
  text: string;
  due: Due;
  status: CommitmentStatus;
  actionCodes: string[];
  atRisk: boolean;
  why: string[];
}
export interface ProjectionIndicator {
  id: string;
  title: string;
  unit: string;
  baseline: Indicator['baseline'];
  targets: IndicatorTarget[];
  points: number;
  target: IndicatorTarget | null;
  status: string;
  trend: { slopePerMonth: number; direction: 'dalend' | 'stijgend' | 'vlak' } | null;
  forecast: { period: string; value: number; low: number; high: number } | null;
  assessment: string;
  why: string;
}
export interface ProjectionActionLine {
  actionLine: number;
  rag: Rag | 'grijs';
  rule: string;
  actions: string[];
  reasons: string[];
  milestones: number;
}
export interface Projection {
  quarter: string;
  period: { from: string; to: string };
  today: string;
  computedAt: string;
  milestones: {
    counts: { due: number; achieved: number; projected: number; movedOut: number; late: number };
    due: ProjectedMilestone[];
    achieved: ProjectedMilestone[];
    projected: ProjectedMilestone[];
    movedOut: ProjectedMilestone[];
  };
  commitments: { counts: { due: number; atRisk: number }; due: ProjectionCommitment[]; atRisk: ProjectionCommitment[] };
  indicators: ProjectionIndicator[];
  actionLines: ProjectionActionLine[];
}
export interface PublishedProjection {
  quarter: string;
  version: number;
  publishedAt: string;
  publishedBy: string;
  document: Projection;
}

export interface AuditEvent {
  id: string;
  streamId: string;
  revision: number;
  position: number;
  type: string;
  schemaVersion: number;
  data: unknown;
  metadata: { actor?: { userId: string; role: string }; correlationId?: string; causationId?: string; [key: string]: unknown };
  occurredAt: string;
  recordedAt: string;
  hash?: string;
}
export interface AuditPage {
  events: AuditEvent[];
  next: number | null;
}
export interface AuditStream {
  stream: string;
  events: AuditEvent[];
}
export interface Verification {
  ok: boolean;
  events: number;
  head?: { position: number; hash: string };
  checkedAt: string;
  problems: unknown[];
}
