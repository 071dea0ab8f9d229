import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@regie/read-model';

export class MilestoneBoard1700000000101 implements MigrationInterface {
  name = 'MilestoneBoard1700000000101';

  async up(runner: QueryRunner): Promise<void> {
    const s = schemaOf(runner);
    await runner.query(`
      CREATE TABLE ${s}.board_action (code text PRIMARY KEY, action_line int NOT NULL, title text NOT NULL);
      CREATE TABLE ${s}.board_milestone (
        id uuid PRIMARY KEY, action_code text NOT NULL, title text NOT NULL, due_date date NOT NULL,
        original_due_date date NOT NULL, status text NOT NULL, replan_count int NOT NULL, achieved_on date,
        source_position bigint NOT NULL);
      CREATE INDEX ON ${s}.board_milestone (action_code);`);
  }

  async down(runner: QueryRunner): Promise<void> {
    const s = schemaOf(runner);
    await runner.query(`DROP TABLE ${s}.board_milestone, ${s}.board_action`);
  }
}

export const MONITORING_MIGRATIONS = [MilestoneBoard1700000000101];
