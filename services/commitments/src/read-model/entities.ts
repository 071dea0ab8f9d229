import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { PersonalText } from '@regie/es-core';
import type { CommitmentStatus, ExternalRef, FulfilmentDocument } from '../commitment/commitment';

/**
 * The commitments read model. Tables name no schema: the DataSource's schema decides
 * (`commitments` live, `commitments__rebuild` during a rebuild). Only the projection writes
 * them, from event data and event times, so a rebuild reproduces every row.
 */
@Entity('commitment')
@Index(['status', 'dueDate'])
export class CommitmentRow {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') text!: string;
  /** Sealed persons (personal data): opened only in answers, redacted once forgotten. */
  @Column('jsonb', { name: 'made_by' }) madeBy!: PersonalText;
  @Column('date', { name: 'made_at_date' }) madeAtDate!: string;
  @Column('text', { name: 'made_at_source' }) madeAtSource!: string;
  @Column('text', { name: 'due_text' }) dueText!: string;
  @Column('date', { name: 'due_date', nullable: true }) dueDate!: string | null;
  @Column('text', { name: 'original_due_text' }) originalDueText!: string;
  @Column('date', { name: 'original_due_date', nullable: true }) originalDueDate!: string | null;
  @Column('text') status!: CommitmentStatus;
  @Column('jsonb', { name: 'action_codes' }) actionCodes!: string[];
  @Column('text', { name: 'werkagenda_id' }) werkagendaId!: string;
  @Column('jsonb', { name: 'external_ref', nullable: true }) externalRef!: ExternalRef | null;
  @Column('jsonb', { name: 'fulfilled_by', nullable: true }) fulfilledBy!: FulfilmentDocument | null;
  @Column('date', { name: 'due_soon_for', nullable: true }) dueSoonFor!: string | null;
  @Column('timestamptz', { name: 'registered_at' }) registeredAt!: Date;
  @Column('int') revision!: number;
}

/** Every event of a commitment, in stream order: the full history behind GET /commitments/{id}. */
@Entity('commitment_history')
export class CommitmentHistoryRow {
  @PrimaryColumn('uuid', { name: 'commitment_id' }) commitmentId!: string;
  @PrimaryColumn('int') revision!: number;
  @Column('text') type!: string;
  /** The event's data as recorded (JSON). */
  @Column('jsonb') data!: object;
  @Column('timestamptz', { name: 'occurred_at' }) occurredAt!: Date;
  @Column('text', { name: 'actor_id' }) actorId!: string;
}

export const COMMITMENTS_ENTITIES = [CommitmentRow, CommitmentHistoryRow];
