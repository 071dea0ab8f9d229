import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { PersonalText } from '@regie/es-core';
import type { Baseline, Direction, Target } from '../indicator/indicator';

/**
 * The targets valid from `validFrom` (YYYY-MM-DD; null: from the start, the targets recorded before
 * targets could change) until the next version: who changed them when, and why.
 */
export type TargetVersion = {
  validFrom: string | null;
  targets: (Target & { position: number })[];
  reason: string | null;
  changedBy: string | null;
  changedAt: string | null;
  position: number;
};

/** Every milestone event the board applied, with its global position: the sources behind each figure. */
@Entity('board_milestone_event')
export class BoardMilestoneEventRow {
  @PrimaryColumn('uuid', { name: 'milestone_id' }) milestoneId!: string;
  @PrimaryColumn('bigint') position!: string;
  @Column('text', { name: 'action_code' }) actionCode!: string;
  @Column('text') type!: string;
  @Column('jsonb') data!: Record<string, unknown>;
}

/** Toezeggingen as monitoring sees them, from the commitments context's integration events. */
@Entity('commitment')
export class MonitoredCommitmentRow {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') text!: string;
  /** Persons sealed (personal data): opened only in answers, redacted once forgotten. */
  @Column('jsonb', { name: 'made_by' }) madeBy!: PersonalText;
  @Column('text', { name: 'due_text' }) dueText!: string;
  @Column('date', { name: 'due_date', nullable: true }) dueDate!: string | null;
  @Column('text') status!: 'open' | 'postponed' | 'overdue' | 'fulfilled' | 'withdrawn';
  @Column('jsonb', { name: 'action_codes' }) actionCodes!: string[];
  @Column('int') postponements!: number;
  /** The due date the overdue event was recorded for (null unless overdue). */
  @Column('date', { name: 'overdue_since', nullable: true }) overdueSince!: string | null;
  /** Global positions of every commitments event applied to this row. */
  @Column('jsonb') sources!: number[];
}

/** Indicators, from monitoring's own event streams (`indicator-<id>`). */
@Entity('indicator')
export class IndicatorRow {
  @PrimaryColumn('text') id!: string;
  @Column('text') title!: string;
  @Column('text') unit!: string;
  @Column('text') periodicity!: string;
  @Column('text') description!: string;
  @Column('text') source!: string;
  @Column('text', { name: 'werkagenda_id' }) werkagendaId!: string;
  /** The action key the indicator belongs to, if any. */
  @Column('text', { name: 'action_code', nullable: true }) actionCode!: string | null;
  @Column('text') direction!: Direction;
  @Column('jsonb', { nullable: true }) baseline!: (Baseline & { position: number }) | null;
  /** The targets valid now. */
  @Column('jsonb') targets!: (Target & { position: number })[];
  /** Every set of targets, oldest first: the targets valid at each moment. */
  @Column('jsonb', { name: 'target_history' }) targetHistory!: TargetVersion[];
  @Column('jsonb') assessments!: { assessmentId: string; asOf: string; text: string; source: string; position: number }[];
  @Column('int') revision!: number;
  /** Positions of the definition, baseline, target and assessment events. */
  @Column('jsonb') sources!: number[];
}

@Entity('indicator_measurement')
export class IndicatorMeasurementRow {
  @PrimaryColumn('text', { name: 'indicator_id' }) indicatorId!: string;
  @PrimaryColumn('text') period!: string;
  @Column('double precision') value!: number;
  @Column('text', { nullable: true }) source!: string | null;
  @Column('bigint') position!: string;
  /** How many times the value was corrected after the first recording. */
  @Column('int') corrections!: number;
}

/** Published projections: the frozen document, kept as the exact JSON text that was served. */
@Entity('published_projection')
export class PublishedProjectionRow {
  @PrimaryColumn('text', { name: 'werkagenda_id' }) werkagendaId!: string;
  @PrimaryColumn('text') quarter!: string;
  @PrimaryColumn('int') version!: number;
  @Column('timestamptz', { name: 'published_at' }) publishedAt!: Date;
  @Column('text') document!: string;
  /** The hex sha256 of the document's UTF-8 bytes. */
  @Column('text') sha256!: string;
  @Column('bigint') position!: string;
  @Column('text', { name: 'published_by' }) publishedBy!: string;
}

export const MONITORING_READ_MODEL_ENTITIES = [
  BoardMilestoneEventRow,
  MonitoredCommitmentRow,
  IndicatorRow,
  IndicatorMeasurementRow,
  PublishedProjectionRow,
];
