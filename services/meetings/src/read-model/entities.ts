import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { ActionPointOwner, AgendaItem } from '../meeting/meeting';
import type { Segment } from '../series/meeting-series';

/**
 * The meetings read model (schema `meetings`; entities name no schema). Series, meetings,
 * decisions and action points come from meetings' own store events (projection); the inbound_*
 * tables from other contexts' integration events (consumers), never from their tables.
 */
@Entity('meeting_series')
export class SeriesRow {
  @PrimaryColumn('uuid') id!: string;
  @Column('text', { name: 'werkagenda_id' }) werkagendaId!: string;
  @Column('text') kind!: string;
  @Column('text') title!: string;
  @Column('text') purpose!: string;
  @Column('text') cadence!: string;
  @Column('jsonb') interval!: { unit: 'weeks' | 'months'; every: number };
  @Column('jsonb') participants!: string[];
  @Column('text', { nullable: true }) chair!: string | null;
  @Column('text') organiser!: string;
  @Column('date', { name: 'first_date' }) firstDate!: string;
  @Column('text', { name: 'local_time' }) localTime!: string;
  @Column('int', { name: 'duration_minutes' }) durationMinutes!: number;
  @Column('boolean') example!: boolean;
  /** The row of an ad-hoc meeting (id = the meeting's): not a series; listed with the meetings only. */
  @Column('boolean', { name: 'ad_hoc' }) adHoc!: boolean;
  /** The action an ad-hoc meeting is about (an action key). */
  @Column('text', { name: 'action_code', nullable: true }) actionCode!: string | null;
  /** Changes of rhythm, chair, participants or location from a date on, in order. */
  @Column('jsonb') changes!: SeriesChangeRow[];
  /** The series ended: no occurrence from this date on. */
  @Column('date', { name: 'ends_on', nullable: true }) endsOn!: string | null;
  @Column('text', { name: 'end_reason', nullable: true }) endReason!: string | null;
}

export type SeriesChangeRow = Segment & { reason: string; at: string };

@Entity('meeting')
@Index(['kind', 'startsAt'])
export class MeetingRow {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'series_id' }) seriesId!: string;
  @Column('text') kind!: string;
  @Column('int', { name: 'occurrence_index' }) occurrenceIndex!: number;
  @Column('date', { name: 'nominal_date' }) nominalDate!: string;
  @Column('text', { name: 'moved_because', nullable: true }) movedBecause!: string | null;
  @Column('timestamptz', { name: 'starts_at' }) startsAt!: Date;
  @Column('timestamptz', { name: 'ends_at' }) endsAt!: Date;
  @Column('text') status!: string;
  @Column('int') sequence!: number;
  @Column('jsonb') reschedules!: { previousStartsAt: string; startsAt: string; reason: string; at: string }[];
  @Column('text', { name: 'cancel_reason', nullable: true }) cancelReason!: string | null;
  @Column('jsonb', { name: 'manual_items' }) manualItems!: { id: string; title: string }[];
  @Column('jsonb') withdrawn!: string[];
  @Column('jsonb', { name: 'agenda_order', nullable: true }) agendaOrder!: string[] | null;
  @Column('jsonb', { name: 'published_agenda', nullable: true }) publishedAgenda!: AgendaItem[] | null;
  @Column('timestamptz', { name: 'published_at', nullable: true }) publishedAt!: Date | null;
  @Column('timestamptz', { name: 'held_at', nullable: true }) heldAt!: Date | null;
  /** When it was recorded as held (later than heldAt when recorded after the meeting). */
  @Column('timestamptz', { name: 'held_recorded_at', nullable: true }) heldRecordedAt!: Date | null;
  /** 'held': the agenda was frozen by holding the meeting, not published before it. */
  @Column('text', { name: 'agenda_frozen_by', nullable: true }) agendaFrozenBy!: string | null;
  /** The chair set on this meeting; null: the series' chair. */
  @Column('text', { nullable: true }) chair!: string | null;
  @Column('timestamptz', { name: 'minutes_approved_at', nullable: true }) minutesApprovedAt!: Date | null;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
  @Column('int') revision!: number;
}

@Entity('decision')
@Index(['meetingId'])
export class DecisionRow {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'meeting_id' }) meetingId!: string;
  @Column('text') text!: string;
  @Column('text') kind!: string;
  @Column('timestamptz', { name: 'recorded_at' }) recordedAt!: Date;
  /** The agenda item it came from, if known. */
  @Column('text', { name: 'item_id', nullable: true }) itemId!: string | null;
  /** geldig, gecorrigeerd (a later version replaces it) or ingetrokken. */
  @Column('text') status!: string;
  /** On a correction: the version it replaces; on a corrected one: its replacement. */
  @Column('uuid', { nullable: true }) corrects!: string | null;
  @Column('uuid', { name: 'corrected_by', nullable: true }) correctedBy!: string | null;
  /** Why it was corrected or withdrawn (on the version that was), and when. */
  @Column('text', { name: 'change_reason', nullable: true }) changeReason!: string | null;
  @Column('timestamptz', { name: 'changed_at', nullable: true }) changedAt!: Date | null;
}

@Entity('action_point')
@Index(['seriesId'])
export class ActionPointRow {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'meeting_id' }) meetingId!: string;
  @Column('uuid', { name: 'series_id' }) seriesId!: string;
  @Column('text') text!: string;
  /** Sealed (personal data), or a plain owner recorded before sealing: opened only in answers. */
  @Column('jsonb') owner!: ActionPointOwner;
  @Column('date', { name: 'due_date' }) dueDate!: string;
  @Column('boolean') done!: boolean;
  @Column('date', { name: 'completed_on', nullable: true }) completedOn!: string | null;
  @Column('text', { name: 'item_id', nullable: true }) itemId!: string | null;
  /** Earlier owners (sealed) with the reason and moment they handed it over. */
  @Column('jsonb') reassignments!: { previousOwner: ActionPointOwner; reason: string; at: string }[];
}

/** The verslag beyond decisions and action points: attendance and notes per agenda item (sealed names). */
@Entity('minutes')
export class MinutesRow {
  @PrimaryColumn('uuid', { name: 'meeting_id' }) meetingId!: string;
  @Column('jsonb') present!: ActionPointOwner[];
  @Column('jsonb') absent!: ActionPointOwner[];
  @Column('timestamptz', { name: 'attendance_recorded_at', nullable: true }) attendanceRecordedAt!: Date | null;
  /** itemId → the notes, with the item's title as it stood. */
  @Column('jsonb') notes!: Record<string, { title: string; notes: string; recordedAt: string }>;
}

/** Knelpunten as the actions context announces them (KnelpuntRaised/Escalated/ResolvedV1). */
@Entity('inbound_knelpunt')
export class InboundKnelpuntRow {
  @PrimaryColumn('uuid') id!: string;
  @Column('text', { name: 'action_code' }) actionCode!: string;
  /** Null while the action is not known (yet): then on every werkagenda's drafts. */
  @Column('text', { name: 'werkagenda_id', nullable: true }) werkagendaId!: string | null;
  @Column('text') description!: string;
  @Column('text', { name: 'escalated_to', nullable: true }) escalatedTo!: string | null;
  @Column('text') status!: 'open' | 'resolved';
}

/** Mijlpalen with their current due date and status (MilestonePlanned/Replanned/Achieved/CancelledV1). */
@Entity('inbound_milestone')
export class InboundMilestoneRow {
  @PrimaryColumn('uuid') id!: string;
  @Column('text', { name: 'action_code' }) actionCode!: string;
  /** Null while the action is not known (yet): then on every werkagenda's drafts. */
  @Column('text', { name: 'werkagenda_id', nullable: true }) werkagendaId!: string | null;
  @Column('text') title!: string;
  @Column('date', { name: 'due_date' }) dueDate!: string;
  @Column('text') status!: string;
  @Column('date', { name: 'achieved_on', nullable: true }) achievedOn!: string | null;
}

/** Which werkagenda each action belongs to (ActionDefinedV1): drafts collect per werkagenda. */
@Entity('inbound_action')
export class InboundActionRow {
  @PrimaryColumn('text') code!: string;
  @Column('text', { name: 'werkagenda_id' }) werkagendaId!: string;
}

/** Toezeggingen announced as due soon by the commitments context (CommitmentDueSoonV1). */
@Entity('inbound_commitment')
export class InboundCommitmentRow {
  @PrimaryColumn('text') id!: string;
  @Column('text') text!: string;
  @Column('date', { name: 'due_date' }) dueDate!: string;
  @Column('jsonb', { name: 'action_codes' }) actionCodes!: string[];
  /**
   * On every werkagenda's drafts: it names no action, or one meetings does not know yet (true
   * until each of its actions is known; never wrongly false). The others are found by their keys.
   */
  @Column('boolean') unplaced!: boolean;
}

/** The latest published version of each quarterly projection (monitoring's ProjectionPublishedV1). */
@Entity('inbound_projection')
export class InboundProjectionRow {
  @PrimaryColumn('text') quarter!: string;
  @Column('int') version!: number;
  /** The local (Amsterdam) date of publication. */
  @Column('date', { name: 'published_on' }) publishedOn!: string;
}

/** Where a series (`target` 'series') or one meeting ('meeting') meets; a meeting's own overrides its series'. */
@Entity('location')
export class LocationRow {
  @PrimaryColumn('text') target!: 'series' | 'meeting';
  @PrimaryColumn('uuid', { name: 'target_id' }) targetId!: string;
  @Column('text') location!: string;
}

export const MEETINGS_ENTITIES = [
  LocationRow,
  SeriesRow,
  MeetingRow,
  DecisionRow,
  ActionPointRow,
  InboundActionRow,
  InboundKnelpuntRow,
  InboundMilestoneRow,
  InboundCommitmentRow,
  MinutesRow,
  InboundProjectionRow,
];
