import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { Party } from '../werkagenda/werkagenda';

/**
 * The actions read model. Tables name no schema: the DataSource's schema decides
 * (`actions` live, `actions__rebuild` during a rebuild). Columns are written only by the
 * projection, from event data and event times, so a rebuild reproduces every row.
 */
@Entity('werkagenda')
export class WerkagendaRow {
  @PrimaryColumn('text') id!: string;
  @Column('text') title!: string;
  @Column('date', { name: 'period_from' }) periodFrom!: string;
  @Column('date', { name: 'period_to' }) periodTo!: string;
  @Column('jsonb') parties!: Party[];
  @Column('jsonb', { name: 'action_lines' }) actionLines!: { number: number; title: string }[];
  @Column('boolean') archived!: boolean;
  @Column('text', { name: 'archive_reason', nullable: true }) archiveReason!: string | null;
}

/** `code` is the action's key ('2.1', 'actieplan-dakloos-wlz-2025:1.1'); `codeInWerkagenda` what people read ('1.1'). */
@Entity('action')
export class ActionRow {
  @PrimaryColumn('text') code!: string;
  @Column('text', { name: 'werkagenda_id' }) werkagendaId!: string;
  @Column('text', { name: 'code_in_werkagenda' }) codeInWerkagenda!: string;
  @Column('jsonb', { name: 'actiehouder_person_ids' }) actiehouderPersonIds!: string[];
  @Column('int', { name: 'action_line' }) actionLine!: number;
  @Column('text') title!: string;
  @Column('jsonb', { name: 'action_holder' }) actionHolder!: { parties: string[]; description: string };
  @Column('jsonb', { name: 'start_activities' }) startActivities!: string[];
  @Column('text', { nullable: true }) rag!: string | null;
  @Column('int') revision!: number;
}

@Entity('milestone')
@Index(['actionCode', 'dueDate'])
export class MilestoneRow {
  @PrimaryColumn('uuid') id!: string;
  @Column('text', { name: 'action_code' }) actionCode!: string;
  @Column('text') title!: string;
  @Column('date', { name: 'due_date' }) dueDate!: string;
  @Column('date', { name: 'original_due_date' }) originalDueDate!: string;
  /** The words the planned date came from ('eind april 2025'); null when not recorded. */
  @Column('text', { name: 'due_date_text', nullable: true }) dueDateText!: string | null;
  @Column('text', { name: 'region_slug', nullable: true }) regionSlug!: string | null;
  @Column('text') status!: 'planned' | 'in_progress' | 'achieved' | 'cancelled';
  @Column('date', { name: 'started_on', nullable: true }) startedOn!: string | null;
  @Column('date', { name: 'achieved_on', nullable: true }) achievedOn!: string | null;
  @Column('jsonb') replans!: { previousDueDate: string; dueDate: string; reason: string; at: string }[];
  @Column('text', { name: 'cancel_reason', nullable: true }) cancelReason!: string | null;
  @Column('int') revision!: number;
}

@Entity('progress_report')
@Index(['actionCode', 'reportedAt'])
export class ProgressReportRow {
  @PrimaryColumn('uuid') id!: string;
  @Column('text', { name: 'action_code' }) actionCode!: string;
  @Column('text') rag!: string;
  @Column('text') summary!: string;
  @Column('timestamptz', { name: 'reported_at' }) reportedAt!: Date;
  @Column('text', { name: 'reported_by' }) reportedBy!: string;
}

@Entity('knelpunt')
@Index(['actionCode'])
export class KnelpuntRow {
  @PrimaryColumn('uuid') id!: string;
  @Column('text', { name: 'action_code' }) actionCode!: string;
  @Column('text') description!: string;
  @Column('text', { name: 'escalated_to', nullable: true }) escalatedTo!: string | null;
  @Column('text') status!: 'open' | 'resolved';
  @Column('timestamptz', { name: 'raised_at' }) raisedAt!: Date;
  @Column('text', { nullable: true }) resolution!: string | null;
  @Column('timestamptz', { name: 'resolved_at', nullable: true }) resolvedAt!: Date | null;
  @Column('int') revision!: number;
}

/** A region of an action (a pilot region): id `<action key>#<slug>`. */
@Entity('action_region')
@Index(['actionCode'])
export class RegionRow {
  @PrimaryColumn('text') id!: string;
  @Column('text', { name: 'action_code' }) actionCode!: string;
  @Column('text') slug!: string;
  @Column('text') name!: string;
  @Column('date', { name: 'period_from', nullable: true }) periodFrom!: string | null;
  @Column('date', { name: 'period_to', nullable: true }) periodTo!: string | null;
  @Column('text') status!: string;
  @Column('jsonb', { name: 'status_changes' }) statusChanges!: { status: string; on: string; note: string | null }[];
  /** Order of addition within the action. */
  @Column('int') position!: number;
}

export const ACTIONS_ENTITIES = [WerkagendaRow, ActionRow, MilestoneRow, ProgressReportRow, KnelpuntRow, RegionRow];
