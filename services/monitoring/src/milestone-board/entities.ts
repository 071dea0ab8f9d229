import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The mijlpalen board, built only from the actions context's integration events. */
@Entity('board_action')
export class BoardActionRow {
  /** The action key (see action-keys.ts). */
  @PrimaryColumn('text') code!: string;
  /** From ActionDefinedV1.werkagendaId. */
  @Column('text', { name: 'werkagenda_id' }) werkagendaId!: string;
  @Column('int', { name: 'action_line' }) actionLine!: number;
  @Column('text') title!: string;
}

@Entity('board_milestone')
export class BoardMilestoneRow {
  @PrimaryColumn('uuid') id!: string;
  @Column('text', { name: 'action_code' }) actionCode!: string;
  /**
   * The werkagenda of its action: the one ActionDefinedV1 named, or (an action not seen defined
   * yet) the one its key names. Kept on the row so a werkagenda's board reads only its own rows.
   */
  @Column('text', { name: 'werkagenda_id' }) werkagendaId!: string;
  @Column('text') title!: string;
  @Column('date', { name: 'due_date' }) dueDate!: string;
  @Column('date', { name: 'original_due_date' }) originalDueDate!: string;
  @Column('text') status!: 'planned' | 'in_progress' | 'achieved' | 'cancelled';
  @Column('int', { name: 'replan_count' }) replanCount!: number;
  @Column('date', { name: 'achieved_on', nullable: true }) achievedOn!: string | null;
  /** Global position of the last actions event applied to this row: where the figure comes from. */
  @Column('bigint', { name: 'source_position' }) sourcePosition!: string;
}

export const BOARD_ENTITIES = [BoardActionRow, BoardMilestoneRow];
